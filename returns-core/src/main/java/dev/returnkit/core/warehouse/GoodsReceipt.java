package dev.returnkit.core.warehouse;

import dev.returnkit.spi.vocabulary.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What arrived at the warehouse for a case. Approved lines not listed count as zero received.
 *
 * @param receivedBy the warehouse staff member
 * @param lines the counts, each line at most once
 */
public record GoodsReceipt(
    @NotNull @Valid Actor receivedBy,
    @NotNull @Size(max = 100) List<@NotNull @Valid ReceivedLine> lines) {

  // A copy that keeps null elements (List.copyOf would throw on them), so validation can
  // report them by position.
  public GoodsReceipt {
    lines = lines == null ? null : Collections.unmodifiableList(new ArrayList<>(lines));
  }
}
