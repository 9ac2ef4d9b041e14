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
 * @param advanceExchange whether an exchange's replacement may be sent before the goods
 *     arrive (only meaningful when approved, for an exchange; a case is exchanged in advance
 *     only when every approved exchange of it may be)
 */
public record LineEligibility(OrderLineId orderLineId, LineVerdict verdict, boolean returnless,
    Rationale rationale, boolean advanceExchange) {

  public LineEligibility {
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(rationale, "rationale");
  }

  /**
   * An outcome without an advance exchange.
   *
   * @param orderLineId the line
   * @param verdict approved, rejected or in review
   * @param returnless whether the customer may keep the goods
   * @param rationale reason codes and rules
   */
  public LineEligibility(OrderLineId orderLineId, LineVerdict verdict, boolean returnless,
      Rationale rationale) {
    this(orderLineId, verdict, returnless, rationale, false);
  }
}
