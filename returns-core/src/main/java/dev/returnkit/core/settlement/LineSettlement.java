package dev.returnkit.core.settlement;

import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Resolution;
import java.util.Objects;

/**
 * The settlement of one line as the policy decided it (before the core's clamps).
 *
 * @param orderLineId the line
 * @param itemRefund the refund for the accepted units before deductions
 * @param restockingFee the restocking fee to keep
 * @param method how the line is settled: refund, store credit, exchange or repair
 * @param rationale reason codes and rules
 */
public record LineSettlement(
    OrderLineId orderLineId,
    Money itemRefund,
    Money restockingFee,
    Resolution method,
    Rationale rationale) {

  public LineSettlement {
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(itemRefund, "itemRefund");
    Objects.requireNonNull(restockingFee, "restockingFee");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(rationale, "rationale");
  }
}
