package dev.returnkit.spi.storage;

import dev.returnkit.spi.money.Money;
import java.util.Currency;
import java.util.Objects;

/**
 * The money of one return line once the settlement is decided. All zero before.
 *
 * <p>The net {@link #due()} is never negative and {@code paidOut} never exceeds it.
 *
 * @param itemRefund the refund for the accepted units before deductions, at most what was paid
 *     for them
 * @param restockingFee the restocking fee kept
 * @param returnShippingCharge the share of the return shipping charge deducted on this line
 * @param paidOut what the payment port confirmed for this line so far
 */
public record LineMoney(Money itemRefund, Money restockingFee, Money returnShippingCharge,
    Money paidOut) {

  public LineMoney {
    Objects.requireNonNull(itemRefund, "itemRefund");
    Objects.requireNonNull(restockingFee, "restockingFee");
    Objects.requireNonNull(returnShippingCharge, "returnShippingCharge");
    Objects.requireNonNull(paidOut, "paidOut");
    if (itemRefund.isNegative() || restockingFee.isNegative()
        || returnShippingCharge.isNegative() || paidOut.isNegative()) {
      throw new IllegalArgumentException("line amounts cannot be negative");
    }
    Money due = itemRefund.minus(restockingFee).minus(returnShippingCharge);
    if (due.isNegative()) {
      throw new IllegalArgumentException("deductions " + restockingFee + " + "
          + returnShippingCharge + " exceed the item refund " + itemRefund);
    }
    if (paidOut.isGreaterThan(due)) {
      throw new IllegalArgumentException("paid out " + paidOut + " exceeds what is due " + due);
    }
  }

  /**
   * All zero, in a currency.
   *
   * @param currency the currency
   * @return zero money
   */
  public static LineMoney zero(Currency currency) {
    Money zero = Money.zero(currency);
    return new LineMoney(zero, zero, zero, zero);
  }

  /**
   * What is to be paid for the line: the item refund minus fee and shipping charge.
   *
   * @return the net amount due, never negative
   */
  public Money due() {
    return itemRefund.minus(restockingFee).minus(returnShippingCharge);
  }

  /**
   * This money with one more confirmed payment.
   *
   * @param amount what the payment port confirmed for the line
   * @return the changed money
   * @throws IllegalArgumentException if it would pay out more than is due
   */
  public LineMoney plusPaidOut(Money amount) {
    return new LineMoney(itemRefund, restockingFee, returnShippingCharge, paidOut.plus(amount));
  }
}
