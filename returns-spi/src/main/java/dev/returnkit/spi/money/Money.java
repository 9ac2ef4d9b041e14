package dev.returnkit.spi.money;

import dev.returnkit.spi.CurrencyMismatchException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money in one currency, always held at the currency's minor unit (two decimals
 * for EUR, none for JPY, three for KWD).
 *
 * <p>Rounding is never implicit: {@link #of(BigDecimal, Currency)} refuses an amount with more
 * decimals than the currency has, and the only operations that can produce such an amount
 * ({@link #percent(BigDecimal)}, {@link #rounded(BigDecimal, Currency)}) round
 * {@link RoundingMode#HALF_EVEN half-even} (banker's rounding), which does not drift upwards
 * when many amounts are rounded and summed. Arithmetic and comparison across currencies throw
 * {@link CurrencyMismatchException}.
 *
 * <p>Amounts may be negative (a difference, a charge); the places that pay money out check
 * that what they pay is not. Immutable and thread-safe; {@code equals} is exact because the
 * scale is normalised.
 *
 * @param amount the amount, at the currency's minor unit
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

  public Money {
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(currency, "currency");
    int digits = minorUnitDigits(currency);
    if (amount.scale() != digits) {
      if (amount.stripTrailingZeros().scale() > digits) {
        throw new IllegalArgumentException(amount.toPlainString() + " has more decimals than "
            + currency.getCurrencyCode() + " allows (" + digits
            + "); round explicitly with Money.rounded(...)");
      }
      amount = amount.setScale(digits, RoundingMode.UNNECESSARY);
    }
  }

  /**
   * An exact amount.
   *
   * @param amount the amount, with no more decimals than the currency has
   * @param currency the currency
   * @return the money
   * @throws IllegalArgumentException if rounding would be needed
   */
  public static Money of(BigDecimal amount, Currency currency) {
    return new Money(amount, currency);
  }

  /**
   * An exact amount from text, e.g. {@code Money.of("19.99", "EUR")}.
   *
   * @param amount the amount as a decimal number
   * @param currencyCode the ISO 4217 code
   * @return the money
   * @throws IllegalArgumentException if the text is not a number, the code is unknown, or
   *     rounding would be needed
   */
  public static Money of(String amount, String currencyCode) {
    return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
  }

  /**
   * An amount rounded half-even to the currency's minor unit.
   *
   * @param amount any amount
   * @param currency the currency
   * @return the rounded money
   */
  public static Money rounded(BigDecimal amount, Currency currency) {
    return new Money(amount.setScale(minorUnitDigits(currency), RoundingMode.HALF_EVEN), currency);
  }

  /**
   * Zero in a currency.
   *
   * @param currency the currency
   * @return zero
   */
  public static Money zero(Currency currency) {
    return new Money(BigDecimal.ZERO, currency);
  }

  /**
   * The sum of several amounts, all in the given currency.
   *
   * @param amounts the amounts to add
   * @param currency the currency of the result (and of every amount)
   * @return the sum, zero for no amounts
   * @throws CurrencyMismatchException if any amount is in another currency
   */
  public static Money sum(Iterable<Money> amounts, Currency currency) {
    Money total = zero(currency);
    for (Money each : amounts) {
      total = total.plus(each);
    }
    return total;
  }

  /**
   * The number of decimals of a currency's minor unit; zero for currencies without one.
   *
   * @param currency the currency
   * @return 0, 2, 3, ...
   */
  public static int minorUnitDigits(Currency currency) {
    // Pseudo-currencies such as XXX report -1: treat them as whole units.
    return Math.max(0, currency.getDefaultFractionDigits());
  }

  /**
   * Adds another amount.
   *
   * @param other an amount in the same currency
   * @return the sum
   */
  public Money plus(Money other) {
    requireSameCurrency("add", other);
    return new Money(amount.add(other.amount), currency);
  }

  /**
   * Subtracts another amount.
   *
   * @param other an amount in the same currency
   * @return the difference, possibly negative
   */
  public Money minus(Money other) {
    requireSameCurrency("subtract", other);
    return new Money(amount.subtract(other.amount), currency);
  }

  /**
   * Multiplies by a whole number (a quantity); exact.
   *
   * @param factor the quantity
   * @return the product
   */
  public Money times(long factor) {
    return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
  }

  /**
   * A percentage of this amount, rounded half-even to the minor unit: {@code percent(15)} of
   * EUR 19.99 is EUR 3.00.
   *
   * @param percent the percentage, e.g. {@code 15} for 15 %
   * @return the rounded share
   */
  public Money percent(BigDecimal percent) {
    Objects.requireNonNull(percent, "percent");
    return rounded(amount.multiply(percent).movePointLeft(2), currency);
  }

  /**
   * The negated amount.
   *
   * @return {@code -this}
   */
  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  /**
   * The smaller of two amounts.
   *
   * @param other an amount in the same currency
   * @return this or other, whichever is smaller (this when equal)
   */
  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /**
   * The larger of two amounts.
   *
   * @param other an amount in the same currency
   * @return this or other, whichever is larger (this when equal)
   */
  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /**
   * Whether this is exactly zero.
   *
   * @return true for zero
   */
  public boolean isZero() {
    return amount.signum() == 0;
  }

  /**
   * Whether this is above zero.
   *
   * @return true for a positive amount
   */
  public boolean isPositive() {
    return amount.signum() > 0;
  }

  /**
   * Whether this is below zero.
   *
   * @return true for a negative amount
   */
  public boolean isNegative() {
    return amount.signum() < 0;
  }

  /**
   * Whether this is strictly more than another amount.
   *
   * @param other an amount in the same currency
   * @return true if this &gt; other
   */
  public boolean isGreaterThan(Money other) {
    return compareTo(other) > 0;
  }

  /**
   * Whether this is strictly less than another amount.
   *
   * @param other an amount in the same currency
   * @return true if this &lt; other
   */
  public boolean isLessThan(Money other) {
    return compareTo(other) < 0;
  }

  /**
   * Orders amounts of the same currency by value.
   *
   * @throws CurrencyMismatchException if the currencies differ
   */
  @Override
  public int compareTo(Money other) {
    requireSameCurrency("compare", other);
    return amount.compareTo(other.amount);
  }

  /** For example {@code EUR 19.99}. */
  @Override
  public String toString() {
    return currency.getCurrencyCode() + " " + amount.toPlainString();
  }

  private void requireSameCurrency(String operation, Money other) {
    Objects.requireNonNull(other, "other");
    if (!currency.equals(other.currency)) {
      throw new CurrencyMismatchException(operation, currency, other.currency);
    }
  }
}
