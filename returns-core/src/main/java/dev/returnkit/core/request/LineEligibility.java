package dev.returnkit.core.request;

import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.vocabulary.LineVerdict;
import java.util.Objects;

/**
 * The eligibility outcome of one requested line.
 *
 * @param orderLineId the line
 * @param verdict approved, rejected or in review
 * @param returnless whether the customer may keep the goods (only meaningful when approved)
 * @param rationale reason codes and rules
 */
public record LineEligibility(
    OrderLineId orderLineId, LineVerdict verdict, boolean returnless, Rationale rationale) {

  public LineEligibility {
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(rationale, "rationale");
  }
}
