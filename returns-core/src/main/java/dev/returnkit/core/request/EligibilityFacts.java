package dev.returnkit.core.request;

import dev.returnkit.spi.order.OrderSnapshot;
import java.time.Duration;
import java.time.Instant;
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
   * How long ago the order was delivered, at request time.
   *
   * @return the time since delivery, or empty if the order was not delivered
   */
  public Optional<Duration> timeSinceDelivery() {
    return Optional.ofNullable(order.deliveredAt())
        .map(delivered -> Duration.between(delivered, requestedAt));
  }
}
