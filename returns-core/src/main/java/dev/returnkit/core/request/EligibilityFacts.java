package dev.returnkit.core.request;

import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the eligibility policy may look at. Immutable.
 *
 * @param requestedAt when the customer asked (from the injected clock)
 * @param order the order, with its delivery date
 * @param lines the requested lines, each with what was already returned
 * @param customer the customer's recent returns and purchases
 */
public record EligibilityFacts(
    Instant requestedAt,
    OrderSnapshot order,
    List<RequestedLineFacts> lines,
    CustomerHistory customer) {

  public EligibilityFacts {
    Objects.requireNonNull(requestedAt, "requestedAt");
    Objects.requireNonNull(order, "order");
    Objects.requireNonNull(customer, "customer");
    lines = List.copyOf(lines);
  }

  /**
   * The facts of a request that passed {@link RequestChecks}: each requested line with its order
   * line and what the order's other cases hold of it.
   *
   * @param request the request
   * @param context the order, its other returns, the customer and the time
   * @return the facts
   */
  public static EligibilityFacts of(ReturnRequest request, RequestContext context) {
    List<RequestedLineFacts> lines = new ArrayList<>(request.lines().size());
    for (RequestedLine line : request.lines()) {
      OrderLine orderLine = context.order().line(line.orderLineId()).orElseThrow();
      lines.add(new RequestedLineFacts(orderLine, line.quantity(), line.reason(),
          line.resolution(), line.note(), context.ledger().unitsHeld(line.orderLineId()),
          context.ledger().openCases(line.orderLineId())));
    }
    return new EligibilityFacts(context.at(), context.order(), lines, context.customer());
  }

  /**
   * How long ago the order was delivered, at request time.
   *
   * @return the time since delivery, or empty if the order was not delivered
   */
  public Optional<Duration> timeSinceDelivery() {
    return Optional.ofNullable(order.deliveredAt())
        .map(delivered -> Duration.between(delivered, requestedAt));
  }
}
