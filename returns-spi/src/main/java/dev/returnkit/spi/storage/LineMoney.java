package dev.returnkit.spi.storage;

import dev.returnkit.spi.money.Money;
import java.util.Currency;
import java.util.List;
import java.util.Objects;

/**
 * The money of one return line once the settlement is decided. All zero before.
 *
 * <p>What is {@link #due()} is the item refund less the restocking fee, the line's share of the
 * return shipping charge and any discount clawed back; it is never negative, the tax refunded is
 * part of it, and {@code paidOut} never exceeds it.
 *
 * @param itemRefund the refund for the accepted units before deductions, at most what was paid
 *     for them (tax included)
 * @param restockingFee the restocking fee kept
 * @param returnShippingCharge the share of the return shipping charge deducted on this line
 * @param paidOut what the payment port confirmed for this line so far
 * @param refundTax the tax in what is due: the item's tax in proportion to what is refunded,
 *     less the tax a taxed fee or charge carries
 * @param discountShare what discounts took off the accepted units (reported, not refunded)
 * @param clawback a threshold promotion taken back because the goods kept no longer reach its
 *     minimum, deducted from this line's refund; negative when an earlier case's clawback is
 *     given back because the goods it was taken for came back too ({@link #released()})
 */
public record LineMoney(Money itemRefund, Money restockingFee, Money returnShippingCharge,
    Money paidOut, Money refundTax, Money discountShare, Money clawback) {

  public LineMoney {
    Objects.requireNonNull(itemRefund, "itemRefund");
    Objects.requireNonNull(restockingFee, "restockingFee");
    Objects.requireNonNull(returnShippingCharge, "returnShippingCharge");
    Objects.requireNonNull(paidOut, "paidOut");
    Objects.requireNonNull(refundTax, "refundTax");
    Objects.requireNonNull(discountShare, "discountShare");
    Objects.requireNonNull(clawback, "clawback");
    for (Money amount : List.of(itemRefund, restockingFee, returnShippingCharge, paidOut,
        refundTax, discountShare)) {
      if (amount.isNegative()) {
        throw new IllegalArgumentException("line amounts cannot be negative, got " + amount);
      }
    }
    Money due = itemRefund.minus(restockingFee).minus(returnShippingCharge).minus(clawback);
    if (due.isNegative()) {
      throw new IllegalArgumentException("deductions " + restockingFee + " + "
          + returnShippingCharge + " + " + clawback + " exceed the item refund " + itemRefund);
    }
    if (paidOut.isGreaterThan(due)) {
      throw new IllegalArgumentException("paid out " + paidOut + " exceeds what is due " + due);
    }
    if (refundTax.isGreaterThan(due)) {
      throw new IllegalArgumentException("tax refunded " + refundTax + " exceeds what is due "
          + due);
    }
  }

  /**
   * Money of a line with no tax, discount or clawback to report.
   *
   * @param itemRefund the refund for the accepted units before deductions
   * @param restockingFee the restocking fee kept
   * @param returnShippingCharge the share of the return shipping charge
   * @param paidOut what the payment port confirmed so far
   */
  public LineMoney(Money itemRefund, Money restockingFee, Money returnShippingCharge,
      Money paidOut) {
    this(itemRefund, restockingFee, returnShippingCharge, paidOut, zeroLike(itemRefund),
        zeroLike(itemRefund), zeroLike(itemRefund));
  }

  private static Money zeroLike(Money amount) {
    return Money.zero(Objects.requireNonNull(amount, "itemRefund").currency());
  }

  /**
   * All zero, in a currency.
   *
   * @param currency the currency
   * @return zero money
   */
  public static LineMoney zero(Currency currency) {
    Money zero = Money.zero(currency);
    return new LineMoney(zero, zero, zero, zero, zero, zero, zero);
  }

  /**
   * A clawback of an earlier case given back on this line: paid on top of what its units are
   * worth, so it does not count against what was paid for this order line (the order's cases
   * together never give back more than they clawed back).
   *
   * @return the clawback given back, zero if none
   */
  public Money released() {
    return clawback.isNegative() ? clawback.negate() : Money.zero(clawback.currency());
  }

  /**
   * What is due for the order line's own units: {@link #due()} less any clawback given back.
   *
   * @return the amount the order line's limit counts
   */
  public Money dueForLine() {
    return due().minus(released());
  }

  /**
   * What is to be paid for the line: the item refund minus fee, shipping charge and clawback.
   *
   * @return the net amount due, never negative
   */
  public Money due() {
    return itemRefund.minus(restockingFee).minus(returnShippingCharge).minus(clawback);
  }

  /**
   * This money with one more confirmed payment.
   *
   * @param amount what the payment port confirmed for the line
   * @return the changed money
   * @throws IllegalArgumentException if it would pay out more than is due
   */
  public LineMoney plusPaidOut(Money amount) {
    return new LineMoney(itemRefund, restockingFee, returnShippingCharge, paidOut.plus(amount),
        refundTax, discountShare, clawback);
  }
}
