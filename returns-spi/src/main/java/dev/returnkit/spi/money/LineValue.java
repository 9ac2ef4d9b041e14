package dev.returnkit.spi.money;

import dev.returnkit.spi.CurrencyMismatchException;
import java.util.Currency;
import java.util.Objects;

/**
 * What was paid for some units of an order line, as accountants and payment providers need it:
 * the gross amount the customer paid, the tax in it, and the discounts taken off before it.
 *
 * <p>The net amount is the gross less the tax. {@link #units(int, int, int)} gives the share of
 * some of the line's units with {@link Allocation#units}, part by part, so that the shares of
 * all units, returned over any number of cases, add up exactly to the line's value. Immutable.
 *
 * @param gross what the customer paid, tax included
 * @param tax the tax included in {@code gross}, at most {@code gross}
 * @param discount what line and order discounts took off the list price (already out of
 *     {@code gross}); reported, never refunded
 */
public record LineValue(Money gross, Money tax, Money discount) {

  public LineValue {
    Objects.requireNonNull(gross, "gross");
    Objects.requireNonNull(tax, "tax");
    Objects.requireNonNull(discount, "discount");
    if (gross.isNegative() || tax.isNegative() || discount.isNegative()) {
      throw new IllegalArgumentException("a line's value cannot be negative: gross " + gross
          + ", tax " + tax + ", discount " + discount);
    }
    if (tax.isGreaterThan(gross)) {
      throw new IllegalArgumentException("tax " + tax + " exceeds the gross " + gross);
    }
    if (!discount.currency().equals(gross.currency())) {
      // The tax's currency is checked by isGreaterThan above; the discount's is not.
      throw new CurrencyMismatchException(gross.currency(),
          discount.currency(), "discount " + discount + " of a line paid " + gross);
    }
  }

  /**
   * A value with no tax and no discount.
   *
   * @param gross what was paid
   * @return the value
   */
  public static LineValue untaxed(Money gross) {
    Money zero = Money.zero(gross.currency());
    return new LineValue(gross, zero, zero);
  }

  /**
   * Nothing, in a currency.
   *
   * @param currency the currency
   * @return the zero value
   */
  public static LineValue zero(Currency currency) {
    return untaxed(Money.zero(currency));
  }

  /**
   * The tax in part of this value's gross, in the same proportion: {@code tax * part / gross},
   * rounded down; zero when the gross is.
   *
   * @param part an amount of the gross (a refund, a fee, a charge)
   * @return the tax in it
   */
  public Money taxIn(Money part) {
    return gross.isZero() ? Money.zero(part.currency())
        : Allocation.proportion(tax, part, gross);
  }

  /**
   * What was paid before tax.
   *
   * @return gross less tax
   */
  public Money net() {
    return gross.minus(tax);
  }

  /**
   * The share of some units in this value of a whole line: gross and discount shared by
   * {@link Allocation#units}, the tax with the gross by {@link Allocation#unitsTax}.
   *
   * @param lineUnits the units this value was paid for
   * @param before units counted before these
   * @param count the units wanted
   * @return their share
   */
  public LineValue units(int lineUnits, int before, int count) {
    return new LineValue(Allocation.units(gross, lineUnits, before, count),
        Allocation.unitsTax(gross, tax, lineUnits, before, count),
        Allocation.units(discount, lineUnits, before, count));
  }

  /**
   * Adds another value.
   *
   * @param other a value in the same currency
   * @return the sum, part by part
   */
  public LineValue plus(LineValue other) {
    return new LineValue(gross.plus(other.gross), tax.plus(other.tax),
        discount.plus(other.discount));
  }

  /**
   * The currency of the value.
   *
   * @return the gross amount's currency
   */
  public Currency currency() {
    return gross.currency();
  }
}
