package dev.returnkit.core.returncase;

import dev.returnkit.core.settlement.SettlementPlan;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Allocation;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentLine;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * From a settlement plan to the payments a case stores, and from a stored payment to the
 * instruction the payment port gets: keys, tenders, limits and line breakdowns.
 */
final class SettlementPayments {

  private SettlementPayments() {}

  /**
   * The plan's payments with their idempotency keys: case, line and purpose, and the tender's
   * reference when a line's refund (or the shipping refund) is split over several tenders.
   */
  static List<SettlementPayment> planned(ReturnId id, SettlementPlan plan) {
    Map<String, Integer> parts = new HashMap<>();
    for (SettlementPlan.Payment p : plan.payments()) {
      parts.merge(IdempotencyKeys.payment(id, p.orderLineId(), p.purpose()), 1, Integer::sum);
    }
    List<SettlementPayment> payments = new ArrayList<>(plan.payments().size());
    for (SettlementPlan.Payment p : plan.payments()) {
      String key = IdempotencyKeys.payment(id, p.orderLineId(), p.purpose());
      if (parts.get(key) > 1) {
        key = IdempotencyKeys.tenderPart(key, p.tender().reference());
      }
      payments.add(SettlementPayment.planned(key, p.orderLineId(), p.purpose(), p.kind(),
          p.amount(), p.tender()));
    }
    return payments;
  }

  /** ", to PSP-1 EUR 50.00, to GC-1 EUR 20.00", for an order of several tenders. */
  static String byTender(SettlementPlan plan, OrderSnapshot order) {
    if (order.tenders().size() < 2) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (Tender tender : order.tenders()) {
      Money back = plan.toTender(tender.reference());
      if (back.isPositive()) {
        text.append(", to ").append(tender.reference()).append(' ').append(back);
      }
    }
    return text.toString();
  }

  /**
   * ", exchange differences charged EUR 15.00" and ", advance replacements charged EUR 40.00",
   * for what the plan charges.
   */
  static String charged(SettlementPlan plan) {
    Money zero = Money.zero(plan.outboundShippingRefund().currency());
    Money differences = zero;
    Money advance = zero;
    for (SettlementPlan.Payment payment : plan.payments()) {
      if (payment.purpose() == PaymentPurpose.EXCHANGE_DIFFERENCE) {
        differences = differences.plus(payment.amount());
      } else if (payment.purpose() == PaymentPurpose.ADVANCE_REPLACEMENT) {
        advance = advance.plus(payment.amount());
      }
    }
    return (differences.isPositive() ? ", exchange differences charged " + differences : "")
        + (advance.isPositive() ? ", advance replacements charged " + advance : "");
  }

  /**
   * The instruction for a planned payment: a refund goes to its tender and is limited to what
   * that tender captured; store credit goes against the order and is limited to what it cost;
   * a charge goes to its tender (the order, if it has none) and is limited to itself; a refund
   * planned before orders had tenders goes to the order's first tender, limited to what the
   * order cost, as it was then.
   */
  static PaymentInstruction instruction(ReturnCaseSnapshot c, SettlementPayment payment,
      OrderSnapshot order) {
    String reference;
    Money limit;
    if (payment.purpose() == PaymentPurpose.STORE_CREDIT_BONUS) {
      // A gift, not money back: nothing paid limits it but the planner's percentage.
      reference = payment.idempotencyKey();
      limit = payment.amount();
    } else if (payment.kind() == PaymentKind.CHARGE) {
      reference = payment.tender() == null ? order.id().value() : payment.tender().reference();
      limit = payment.amount();
    } else if (payment.tender() != null) {
      reference = payment.tender().reference();
      limit = payment.tender().captured();
    } else if (payment.kind() == PaymentKind.STORE_CREDIT || order.tenders().isEmpty()) {
      reference = order.id().value();
      limit = order.totalPaid();
    } else {
      reference = order.tenders().get(0).reference();
      limit = order.totalPaid();
    }
    return new PaymentInstruction(payment.idempotencyKey(), c.id(), c.orderId(), c.customerId(),
        reference, payment.kind(), payment.amount(), limit,
        payment.tender() == null ? null : payment.tender().type(), breakdown(c, payment));
  }

  /**
   * What an item payment pays for: its line's units, and the payment's share of the line's
   * refunded tax (in proportion to its share of what the line is due). An exchange's charge
   * carries tax at the returned line's rate: its tax is in the same proportion to it as the tax
   * paid for the line to what was paid for it.
   */
  private static List<PaymentLine> breakdown(ReturnCaseSnapshot c, SettlementPayment payment) {
    OrderLineId lineId = payment.orderLineId();
    if (lineId != null && payment.kind() == PaymentKind.CHARGE) {
      ReturnLineSnapshot line = c.line(lineId).orElseThrow();
      Money tax = line.orderLinePaid().taxIn(payment.amount());
      // A difference is charged for the units exchanged; an advance replacement for the units
      // that did not come back.
      int units = payment.purpose() == PaymentPurpose.ADVANCE_REPLACEMENT
          ? line.quantities().approved() - line.quantities().accepted()
          : line.quantities().accepted();
      return List.of(new PaymentLine(lineId, units, payment.amount().minus(tax), tax,
          payment.amount()));
    }
    if (lineId == null || payment.purpose() != PaymentPurpose.ITEM_REFUND) {
      return List.of();
    }
    ReturnLineSnapshot line = c.line(lineId).orElseThrow();
    Money due = line.money().due();
    Money paidBefore = Money.zero(due.currency());
    for (SettlementPayment other : c.payments()) {
      if (other.idempotencyKey().equals(payment.idempotencyKey())) {
        break;
      }
      if (lineId.equals(other.orderLineId())) {
        paidBefore = paidBefore.plus(other.amount());
      }
    }
    // The line's tax is shared over its payments cumulatively, so the parts add up to it.
    Money tax = taxUpTo(line, paidBefore.plus(payment.amount()), due)
        .minus(taxUpTo(line, paidBefore, due));
    return List.of(new PaymentLine(lineId, line.quantities().accepted(),
        payment.amount().minus(tax), tax, payment.amount()));
  }

  /** The tax in the first {@code paid} of what a line is due: in proportion, rounded down. */
  private static Money taxUpTo(ReturnLineSnapshot line, Money paid, Money due) {
    Money tax = line.money().refundTax();
    if (paid.equals(due)) {
      return tax;
    }
    return Allocation.proportion(tax, paid, due);
  }
}
