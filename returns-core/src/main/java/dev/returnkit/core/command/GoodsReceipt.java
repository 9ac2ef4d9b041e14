package dev.returnkit.core.command;

import dev.returnkit.spi.vocabulary.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

  // Copies keep null elements, so validation can report them by position.
  public GoodsReceipt {
    lines = Copies.list(lines);
  }
}
