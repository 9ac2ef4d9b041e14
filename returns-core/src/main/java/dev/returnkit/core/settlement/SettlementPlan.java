package dev.returnkit.core.settlement;

import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.storage.LineMoney;
import dev.returnkit.spi.vocabulary.Resolution;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What a settlement will pay, as {@link SettlementPlanner} worked it out from the policy's
 * decision: the money of each settled line, the payments to make (in the order to make them),
 * the outbound shipping refunded, and why (the decision's rationale plus a reason code for
 * every clamp). Immutable; every amount is in the case's currency.
 *
 * @param lines one entry per line with units accepted, in the case's line order
 * @param payments the payments to make, none of them zero
 * @param outboundShippingRefund the outbound shipping refunded (zero if none)
 * @param rationale the decision's reason codes and rules, then the clamp codes
 */
public record SettlementPlan(List<Line> lines, List<Payment> payments,
    Money outboundShippingRefund, Rationale rationale) {

  public SettlementPlan {
    lines = List.copyOf(lines);
    payments = List.copyOf(payments);
    Objects.requireNonNull(outboundShippingRefund, "outboundShippingRefund");
    Objects.requireNonNull(rationale, "rationale");
  }

  /**
   * The settlement of one line.
   *
   * @param orderLineId the line
   * @param method refund, store credit, exchange or repair
   * @param money item refund, fee and charge kept, nothing paid out yet
   */
  public record Line(OrderLineId orderLineId, Resolution method, LineMoney money) {

    public Line {
      Objects.requireNonNull(orderLineId, "orderLineId");
      Objects.requireNonNull(method, "method");
      Objects.requireNonNull(money, "money");
    }
  }

  /**
   * One payment to make.
   *
   * @param orderLineId the line it refunds (or charges), or {@code null} for outbound shipping
   * @param purpose item refund, outbound shipping refund, store credit bonus or exchange
   *     difference
   * @param kind refund to the original payment, store credit, or a charge
   * @param amount above zero
   * @param tender the tender a refund goes back to or a charge is taken from; {@code null} for
   *     store credit, and for a charge on an order without tenders
   */
  public record Payment(OrderLineId orderLineId, PaymentPurpose purpose, PaymentKind kind,
      Money amount, Tender tender) {

    public Payment {
      Objects.requireNonNull(purpose, "purpose");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(amount, "amount");
      if (kind == PaymentKind.REFUND ? tender == null
          : kind == PaymentKind.STORE_CREDIT && tender != null) {
        throw new IllegalArgumentException("a refund goes to a tender, store credit to none");
      }
    }
  }

  /**
   * What the plan pays back to one tender.
   *
   * @param reference the tender's reference
   * @return the sum of the payments to it, zero if none
   */
  public Money toTender(String reference) {
    return paymentsWhere(p -> p.kind() == PaymentKind.REFUND
        && p.tender().reference().equals(reference));
  }

  /**
   * The tax refunded, over all lines.
   *
   * @return the sum of the lines' refunded tax
   */
  public Money refundTax() {
    return overLines(LineMoney::refundTax);
  }

  /**
   * The total to pay of one kind.
   *
   * @param kind refund, store credit or charge
   * @return the sum of the payments of that kind
   */
  public Money total(PaymentKind kind) {
    return paymentsWhere(p -> p.kind() == kind);
  }

  /**
   * The restocking fees kept, over all lines.
   *
   * @return the sum of the lines' fees
   */
  public Money restockingFees() {
    return overLines(LineMoney::restockingFee);
  }

  /**
   * The return shipping charged to the customer, over all lines.
   *
   * @return the sum of the lines' charges
   */
  public Money returnShippingCharged() {
    return overLines(LineMoney::returnShippingCharge);
  }

  private Money overLines(Function<LineMoney, Money> amount) {
    Money total = Money.zero(outboundShippingRefund.currency());
    for (Line line : lines) {
      total = total.plus(amount.apply(line.money()));
    }
    return total;
  }

  private Money paymentsWhere(Predicate<Payment> which) {
    Money total = Money.zero(outboundShippingRefund.currency());
    for (Payment payment : payments) {
      if (which.test(payment)) {
        total = total.plus(payment.amount());
      }
    }
    return total;
  }
}
