package dev.returnkit.core.settlement;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.money.Allocation;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderDiscount;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a settlement claws back of threshold promotions ("EUR 10 off orders of EUR 100 or
 * more") when the goods the customer keeps no longer reach the promotion's minimum.
 *
 * <p>The kept subtotal is the order's subtotal less the subtotal of every unit returned, by
 * this case and by the order's settled cases. Below a promotion's minimum, the kept goods lose
 * their share of it: the promotion's amount less its shares on the returned units (which were
 * never refunded), less what earlier cases clawed back. So a clawback is never more than the
 * promotion, an order's cases together claw back each promotion at most once, and when the
 * kept goods come back later what was clawed back for them is given back. Stateless.
 */
final class PromotionClawback {

  /**
   * What the order owes of its promotions once this case's units are back: positive to claw
   * back from this case, negative to give back what earlier cases clawed back too much (the
   * goods it was taken for came back too).
   */
  record Owed(Money amount, List<String> codes) {}

  private PromotionClawback() {}

  static Owed of(ReturnCaseSnapshot returnCase, OrderSnapshot order,
      OrderReturnLedger ledger) {
    Map<OrderLineId, Integer> returned = new HashMap<>();
    for (OrderLine line : order.lines()) {
      returned.put(line.id(), ledger.unitsSettled(line.id()));
    }
    for (ReturnLineSnapshot line : returnCase.lines()) {
      returned.merge(line.orderLineId(), line.quantities().accepted(), Integer::sum);
    }
    Money zero = Money.zero(order.currency());
    Money keptSubtotal = zero;
    for (OrderLine line : order.lines()) {
      int gone = Math.min(returned.getOrDefault(line.id(), 0), line.quantity());
      keptSubtotal = keptSubtotal.plus(line.subtotal()
          .minus(Allocation.units(line.subtotal(), line.quantity(), 0, gone)));
    }
    Money owed = zero;
    List<String> codes = new ArrayList<>();
    for (OrderDiscount discount : order.discounts()) {
      if (discount.minimumSubtotal() == null
          || !keptSubtotal.isLessThan(discount.minimumSubtotal())) {
        continue;
      }
      Money onKeptUnits = discount.amount();
      for (OrderLine line : order.lines()) {
        int gone = Math.min(returned.getOrDefault(line.id(), 0), line.quantity());
        onKeptUnits = onKeptUnits.minus(Allocation.units(line.discountShare(discount.code()),
            line.quantity(), 0, gone));
      }
      if (onKeptUnits.isPositive()) {
        owed = owed.plus(onKeptUnits);
        codes.add("PROMOTION_CLAWED_BACK:" + discount.code());
      }
    }
    Money due = owed.minus(ledger.clawedBack(order.currency()));
    if (due.isNegative()) {
      return new Owed(due, List.of("PROMOTION_CLAWBACK_GIVEN_BACK"));
    }
    return new Owed(due, due.isPositive() ? codes : List.of());
  }
}
