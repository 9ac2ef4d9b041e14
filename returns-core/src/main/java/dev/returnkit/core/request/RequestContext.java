package dev.returnkit.core.request;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.spi.order.OrderSnapshot;
import java.time.Instant;
import java.util.Objects;

/**
 * What a return request is checked and decided against: the order it names, what the order's
 * other return cases already hold, the customer's recent returns and purchases, and the time.
 * The {@code Returns} facade gathers it from the ports; the aggregate decides with it.
 *
 * @param order the order the request names
 * @param ledger what the order's other return cases hold
 * @param customer the customer's recent returns and purchases
 * @param at when the request is made (from the injected clock)
 */
public record RequestContext(
    OrderSnapshot order, OrderReturnLedger ledger, CustomerHistory customer, Instant at) {

  public RequestContext {
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(ledger, "ledger");
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(at, "at");
  }
}
