package dev.returnkit.core.request;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.Violations;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.vocabulary.Resolution;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of a return request against its order and the order's other returns (DOMAIN.md,
 * section 4 and worked case 9): the customer is the order's, each line is on the order and
 * named once, and no line asks for more units than were bought minus what other cases hold.
 * The aggregate runs them before it asks the eligibility policy.
 */
public final class RequestChecks {

  private RequestChecks() {}

  /**
   * Every problem of a request against its order, with field paths such as {@code
   * lines[1].quantity}. Lines too malformed to check (a missing line or order line) are left to
   * the shape checks, which report them.
   *
   * @param request the request
   * @param order the order it names
   * @param ledger what the order's other cases hold
   * @return the problems, empty if none
   */
  public static List<Violation> check(
      ReturnRequest request, OrderSnapshot order, OrderReturnLedger ledger) {
    Violations violations = new Violations("return request");
    if (request.customerId() != null && !order.customerId().equals(request.customerId())) {
      violations.add("customerId", "is not the customer of order " + order.id());
    }
    Set<OrderLineId> seen = new HashSet<>();
    List<RequestedLine> lines = request.lines() == null ? List.of() : request.lines();
    for (int i = 0; i < lines.size(); i++) {
      RequestedLine line = lines.get(i);
      if (line == null || line.orderLineId() == null) {
        continue;
      }
      String path = "lines[" + i + "]";
      if (!seen.add(line.orderLineId())) {
        violations.add(path + ".orderLineId", "order line " + line.orderLineId()
            + " appears more than once in the request");
        continue;
      }
      Optional<OrderLine> orderLine = order.line(line.orderLineId());
      if (orderLine.isEmpty()) {
        violations.add(path + ".orderLineId",
            "order line " + line.orderLineId() + " is not on order " + order.id());
        continue;
      }
      if (line.replacement() != null && line.resolution() != Resolution.EXCHANGE) {
        violations.add(path + ".replacement", "is only for an exchange, not for "
            + line.resolution());
      } else if (line.replacement() != null) {
        // One for one: a replacement unit for each unit returned, so that units the warehouse
        // does not accept take their replacements (and their price) with them.
        if (line.replacement().quantity() != line.quantity()) {
          violations.add(path + ".replacement.quantity", "must be the units returned, "
              + line.quantity() + ", got " + line.replacement().quantity());
        }
        if (!line.replacement().unitPrice().currency().equals(order.currency())) {
          violations.add(path + ".replacement.unitPrice", "must be in the order's currency, "
              + order.currency().getCurrencyCode());
        }
      }
      int bought = orderLine.get().quantity();
      int held = ledger.unitsHeld(line.orderLineId());
      int returnable = Math.max(0, bought - held);
      if (line.quantity() > returnable) {
        violations.add(path + ".quantity", "must be at most " + returnable + " (bought " + bought
            + ", already returned or being returned " + held + ")");
      }
    }
    return violations.list();
  }
}
