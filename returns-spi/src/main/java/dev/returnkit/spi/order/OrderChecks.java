package dev.returnkit.spi.order;

import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.money.Money;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The checks {@link OrderSnapshot} makes of an order's money when it is built: lines with
 * distinct ids in the order's currency, each paid what its price, discounts and tax add up to;
 * every order discount shared exactly; the tenders capturing exactly the order's total.
 */
final class OrderChecks {

  private OrderChecks() {}

  static void check(OrderId id, Currency currency, List<OrderLine> lines, Money shippingPaid,
      TaxMode taxMode, List<OrderDiscount> discounts, List<Tender> tenders) {
    Set<OrderLineId> seen = new HashSet<>();
    for (OrderLine line : lines) {
      if (!seen.add(line.id())) {
        throw new IllegalArgumentException("order " + id + " has line " + line.id() + " twice");
      }
      requireCurrency(currency, line.paid(), "price of line " + line.id());
      Money expected = taxMode == TaxMode.EXCLUSIVE
          ? line.discountedValue().plus(line.tax()) : line.discountedValue();
      if (!line.paid().equals(expected)) {
        throw new IllegalArgumentException("order " + id + " line " + line.id() + " says "
            + line.paid() + " was paid, but its list value " + line.listValue() + " less "
            + "discounts " + line.lineDiscount().plus(line.orderDiscountShare())
            + (taxMode == TaxMode.EXCLUSIVE ? " plus tax " + line.tax() : "") + " is "
            + expected);
      }
    }
    requireCurrency(currency, shippingPaid, "shipping");
    checkDiscounts(id, currency, lines, discounts);
    checkTenders(id, currency, tenders,
        OrderSnapshot.paidForLines(lines, currency).plus(shippingPaid));
  }

  private static void checkDiscounts(OrderId id, Currency currency, List<OrderLine> lines,
      List<OrderDiscount> discounts) {
    Set<String> codes = new HashSet<>();
    for (OrderDiscount discount : discounts) {
      requireCurrency(currency, discount.amount(), "discount " + discount.code());
      if (!codes.add(discount.code())) {
        throw new IllegalArgumentException("order " + id + " has discount " + discount.code()
            + " twice");
      }
      Money shared = Money.zero(currency);
      for (OrderLine line : lines) {
        shared = shared.plus(line.discountShare(discount.code()));
      }
      if (!shared.equals(discount.amount())) {
        throw new IllegalArgumentException("order " + id + " discount " + discount.code()
            + " takes off " + discount.amount() + " but its shares on the lines add up to "
            + shared);
      }
    }
    for (OrderLine line : lines) {
      for (DiscountShare share : line.discountShares()) {
        if (!codes.contains(share.code())) {
          throw new IllegalArgumentException("order " + id + " line " + line.id()
              + " has a share of discount " + share.code() + ", which the order does not have");
        }
      }
    }
  }

  private static void checkTenders(OrderId id, Currency currency, List<Tender> tenders,
      Money total) {
    if (tenders.isEmpty() && total.isPositive()) {
      throw new IllegalArgumentException("order " + id + " has no tender: name the payment "
          + "it was paid with");
    }
    Set<String> references = new HashSet<>();
    Money captured = Money.zero(currency);
    for (Tender tender : tenders) {
      requireCurrency(currency, tender.captured(), "tender " + tender.reference());
      if (!references.add(tender.reference())) {
        throw new IllegalArgumentException("order " + id + " has tender " + tender.reference()
            + " twice");
      }
      captured = captured.plus(tender.captured());
    }
    if (!captured.equals(total)) {
      throw new IllegalArgumentException("order " + id + " cost " + total
          + " (lines and shipping) but its tenders captured " + captured);
    }
  }

  static void requireCurrency(Currency currency, Money amount, String what) {
    if (!amount.currency().equals(currency)) {
      throw new CurrencyMismatchException(currency, amount.currency(), "an order paid in "
          + currency.getCurrencyCode() + " has its " + what + " in "
          + amount.currency().getCurrencyCode());
    }
  }
}
