package dev.returnkit.core.warehouse;

import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.vocabulary.Disposition;
import java.util.Objects;

/**
 * What happens to one line's units, and why.
 *
 * @param orderLineId the line
 * @param disposition the disposition
 * @param rationale reason codes and rules
 */
public record LineDisposition(
    OrderLineId orderLineId, Disposition disposition, Rationale rationale) {

  public LineDisposition {
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(rationale, "rationale");
  }
}
