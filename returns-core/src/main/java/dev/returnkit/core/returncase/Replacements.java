package dev.returnkit.core.returncase;

import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.exchange.ReplacementRequest;
import dev.returnkit.spi.money.Allocation;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Resolution;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** From a settled case to the replacement order its exchanged lines ask the host for. */
final class Replacements {

  private Replacements() {}

  /**
   * One request for every line settled by exchange with units accepted, or exchanged in
   * advance ({@link #itemFor}). Keyed by the case, so the order is placed once; marked advance
   * when the case is exchanged in advance.
   */
  static Optional<ReplacementRequest> request(ReturnCaseSnapshot c) {
    List<ReplacementItem> items = new ArrayList<>();
    for (ReturnLineSnapshot line : c.lines()) {
      if (replaces(line)) {
        items.add(itemFor(line));
      }
    }
    boolean inAdvance = c.lines().stream().anyMatch(ReturnLineSnapshot::advanceExchange);
    return items.isEmpty() ? Optional.empty()
        : Optional.of(new ReplacementRequest(IdempotencyKeys.replacement(c.id()), c.id(),
            c.orderId(), c.customerId(), items, inAdvance));
  }

  /**
   * Whether a line is settled by sending a replacement: an exchange with units accepted, or an
   * exchange in advance (its replacement is sent before the goods come back, from approval).
   */
  static boolean replaces(ReturnLineSnapshot line) {
    return line.advanceExchange() ? line.quantities().approved() > 0
        : line.settlementMethod() == Resolution.EXCHANGE && line.quantities().accepted() > 0;
  }

  /**
   * What a line's replacement sends, one for one: as many as the warehouse accepted, or for an
   * advance exchange as many as were approved (it is sent before anything is counted, so the
   * request is the same whenever it is placed, and units that do not come back are charged).
   * The replacement the customer named, else the same item at its first unit's share of what
   * was paid for the line.
   */
  static ReplacementItem itemFor(ReturnLineSnapshot line) {
    int units = line.advanceExchange() ? line.quantities().approved()
        : line.quantities().accepted();
    return line.replacement() != null
        ? new ReplacementItem(line.replacement().sku(), units, line.replacement().unitPrice())
        : new ReplacementItem(line.sku(), units,
            Allocation.units(line.orderLinePaid().gross(), line.orderedQuantity(), 0, 1));
  }
}
