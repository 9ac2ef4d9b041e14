package dev.returnkit.spi.storage;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.payment.SettlementPayment;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The limits every storage adapter enforces across the return cases of one order: units held
 * per order line at most what was bought, money due per order line at most what was paid for
 * it (a clawback given back aside), outbound shipping refunded at most what was paid for it,
 * money paid back to a tender at most what it captured, clawbacks given back at most what was
 * clawed back.
 *
 * <p>The core checks these before it writes, but only against the cases it read; two writers in
 * different processes can each pass that check. An adapter runs {@link #check} inside the
 * write's transaction (or lock), against the stored cases of the order, so the second writer is
 * refused whatever the application did. Stateless and thread-safe.
 */
public final class OrderLimits {

  private OrderLimits() {}

  /**
   * Checks the cases of an order as they would be after a write.
   *
   * @param written the snapshot being written
   * @param otherCasesOfOrder the stored cases of the same order, without the written one
   * @return a description of the first limit exceeded, or empty if every limit holds
   */
  public static Optional<String> check(ReturnCaseSnapshot written,
      Collection<ReturnCaseSnapshot> otherCasesOfOrder) {
    Map<OrderLineId, Integer> held = new HashMap<>();
    Map<OrderLineId, Money> due = new HashMap<>();
    Money shippingRefunded = written.outboundShippingRefund();
    for (ReturnCaseSnapshot other : otherCasesOfOrder) {
      add(other, held, due);
      shippingRefunded = shippingRefunded.plus(other.outboundShippingRefund());
    }
    add(written, held, due);
    for (ReturnLineSnapshot line : written.lines()) {
      int units = held.get(line.orderLineId());
      if (units > line.orderedQuantity()) {
        return Optional.of("order line " + line.orderLineId() + " would hold " + units
            + " unit(s) of " + line.orderedQuantity() + " bought");
      }
      Money paid = line.orderLinePaid().gross();
      Money owed = due.get(line.orderLineId());
      if (owed.isGreaterThan(paid)) {
        return Optional.of("order line " + line.orderLineId() + " would be owed " + owed
            + " of " + paid + " paid");
      }
    }
    if (shippingRefunded.isGreaterThan(written.outboundShippingPaid())) {
      return Optional.of("outbound shipping refunds would reach " + shippingRefunded + " of "
          + written.outboundShippingPaid() + " paid");
    }
    Money clawedBack = clawbackOf(written);
    for (ReturnCaseSnapshot other : otherCasesOfOrder) {
      clawedBack = clawedBack.plus(clawbackOf(other));
    }
    if (clawedBack.isNegative()) {
      return Optional.of("promotions would be given back " + clawedBack.negate()
          + " more than was clawed back");
    }
    return tendersWithin(written, otherCasesOfOrder);
  }

  private static Money clawbackOf(ReturnCaseSnapshot c) {
    Money total = Money.zero(c.currency());
    for (ReturnLineSnapshot line : c.lines()) {
      total = total.plus(line.money().clawback());
    }
    return total;
  }

  private static Optional<String> tendersWithin(ReturnCaseSnapshot written,
      Collection<ReturnCaseSnapshot> otherCasesOfOrder) {
    Map<String, Money> toTender = new HashMap<>();
    for (ReturnCaseSnapshot c : otherCasesOfOrder) {
      addTenders(c, toTender);
    }
    addTenders(written, toTender);
    for (SettlementPayment payment : written.payments()) {
      Tender tender = payment.tender();
      if (payment.refundsTender()
          && toTender.get(tender.reference()).isGreaterThan(tender.captured())) {
        return Optional.of("tender " + tender.reference() + " would get back "
            + toTender.get(tender.reference()) + " of " + tender.captured() + " captured");
      }
    }
    return Optional.empty();
  }

  private static void addTenders(ReturnCaseSnapshot c, Map<String, Money> toTender) {
    for (SettlementPayment payment : c.payments()) {
      if (payment.refundsTender()) {
        toTender.merge(payment.tender().reference(), payment.amount(), Money::plus);
      }
    }
  }

  private static void add(ReturnCaseSnapshot c, Map<OrderLineId, Integer> held,
      Map<OrderLineId, Money> due) {
    for (ReturnLineSnapshot line : c.lines()) {
      held.merge(line.orderLineId(), line.unitsHeld(c.status()), Integer::sum);
      due.merge(line.orderLineId(), line.money().dueForLine(), Money::plus);
    }
  }
}
