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
   * One request for every line settled by exchange with units accepted: the replacement the
   * customer named, else the same item again, one unit for each accepted unit, the same item at
   * the first unit's share of what was paid for the line. Keyed by the case, so the order is
   * placed once.
   */
  static Optional<ReplacementRequest> request(ReturnCaseSnapshot c) {
    List<ReplacementItem> items = new ArrayList<>();
    for (ReturnLineSnapshot line : c.lines()) {
      if (replaces(line)) {
        items.add(itemFor(line));
      }
    }
    return items.isEmpty() ? Optional.empty()
        : Optional.of(new ReplacementRequest(IdempotencyKeys.replacement(c.id()), c.id(),
            c.orderId(), c.customerId(), items, false));
  }

  /** Whether a line is settled by sending a replacement: an exchange with units accepted. */
  static boolean replaces(ReturnLineSnapshot line) {
    return line.settlementMethod() == Resolution.EXCHANGE && line.quantities().accepted() > 0;
  }

  /**
   * What a line's replacement sends, one for one, as many as the warehouse accepted: the
   * replacement the customer named, else the same item at its first unit's share of what was
   * paid for the line.
   */
  static ReplacementItem itemFor(ReturnLineSnapshot line) {
    int accepted = line.quantities().accepted();
    return line.replacement() != null
        ? new ReplacementItem(line.replacement().sku(), accepted, line.replacement().unitPrice())
        : new ReplacementItem(line.sku(), accepted,
            Allocation.units(line.orderLinePaid().gross(), line.orderedQuantity(), 0, 1));
  }
}
