package dev.returnkit.core.warehouse;

import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.vocabulary.Liability;
import java.util.Objects;

/**
 * Who is liable for one line, and why.
 *
 * @param orderLineId the line
 * @param liability the liable party
 * @param rationale reason codes and rules
 */
public record LineLiability(OrderLineId orderLineId, Liability liability, Rationale rationale) {

  public LineLiability {
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(liability, "liability");
    Objects.requireNonNull(rationale, "rationale");
  }
}
