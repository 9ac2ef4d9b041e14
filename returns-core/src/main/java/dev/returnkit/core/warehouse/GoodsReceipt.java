package dev.returnkit.core.warehouse;

import dev.returnkit.spi.id.OrderLineId;
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

  /**
   * A receipt by a warehouse worker, with no counts yet: add them with {@link #withLine}.
   *
   * @param receivedBy who counted
   * @return the receipt
   */
  public static GoodsReceipt by(Actor receivedBy) {
    return new GoodsReceipt(receivedBy, List.of());
  }

  /**
   * This receipt with one more line counted.
   *
   * @param orderLineId the line
   * @param units units that arrived
   * @return the extended receipt
   */
  public GoodsReceipt withLine(String orderLineId, int units) {
    List<ReceivedLine> more = new ArrayList<>(lines);
    more.add(new ReceivedLine(OrderLineId.of(orderLineId), units));
    return new GoodsReceipt(receivedBy, more);
  }
}
