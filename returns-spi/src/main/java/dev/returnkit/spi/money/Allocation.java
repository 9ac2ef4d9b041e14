package dev.returnkit.spi.money;

import dev.returnkit.spi.CurrencyMismatchException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Splits an amount into parts that add up to it exactly, to the minor unit: the two ways
 * returnkit divides money.
 *
 * <ul>
 *   <li>{@link #largestRemainder(Money, List)}: an order-level discount over the order's lines,
 *       in proportion to each line's value (the Hamilton method: every part is first rounded
 *       down, then the minor units left over go one each to the parts that lost most to
 *       rounding);
 *   <li>{@link #units(Money, int, int, int)}: a line's money over its units, so that units
 *       returned one at a time, over several cases, give back exactly what was paid for the
 *       line: every unit takes the line's amount divided by its units, rounded down, and the
 *       last unit takes what is left.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Allocation {

  private Allocation() {}

  /**
   * Divides an amount in proportion to weights, by largest remainder.
   *
   * <p>Ties in the remainder go to the earlier part, so the result depends only on the inputs.
   * When every weight is zero, the amount is divided as if all weights were equal.
   *
   * @param total the amount to divide, not negative
   * @param weights one weight per part, none negative, all in the total's currency
   * @return one part per weight, in the same order, adding up exactly to {@code total}
   * @throws IllegalArgumentException if there are no weights, or an amount is negative
   * @throws CurrencyMismatchException if a weight is in another currency
   */
  public static List<Money> largestRemainder(Money total, List<Money> weights) {
    Objects.requireNonNull(total, "total");
    if (weights.isEmpty()) {
      throw new IllegalArgumentException("cannot divide " + total + " into no parts");
    }
    if (total.isNegative()) {
      throw new IllegalArgumentException("cannot divide a negative amount " + total);
    }
    List<BigInteger> w = new ArrayList<>(weights.size());
    BigInteger sum = BigInteger.ZERO;
    for (Money weight : weights) {
      if (weight.isNegative()) {
        throw new IllegalArgumentException("weights cannot be negative, got " + weight);
      }
      if (!weight.currency().equals(total.currency())) {
        throw new CurrencyMismatchException(total.currency(), weight.currency(),
            "cannot weigh " + total + " by " + weight);
      }
      BigInteger units = minorUnits(weight);
      w.add(units);
      sum = sum.add(units);
    }
    if (sum.signum() == 0) {
      w = new ArrayList<>(Collections.nCopies(weights.size(), BigInteger.ONE));
      sum = BigInteger.valueOf(weights.size());
    }
    BigInteger minor = minorUnits(total);
    BigInteger[] parts = new BigInteger[w.size()];
    BigInteger[] remainders = new BigInteger[w.size()];
    BigInteger given = BigInteger.ZERO;
    for (int i = 0; i < parts.length; i++) {
      BigInteger[] qr = minor.multiply(w.get(i)).divideAndRemainder(sum);
      parts[i] = qr[0];
      remainders[i] = qr[1];
      given = given.add(qr[0]);
    }
    int left = minor.subtract(given).intValueExact();
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < parts.length; i++) {
      order.add(i);
    }
    final BigInteger[] r = remainders;
    order.sort(Comparator.comparing((Integer i) -> r[i]).reversed()
        .thenComparing(Comparator.naturalOrder()));
    for (int k = 0; k < left; k++) {
      int i = order.get(k);
      parts[i] = parts[i].add(BigInteger.ONE);
    }
    List<Money> result = new ArrayList<>(parts.length);
    for (BigInteger part : parts) {
      result.add(fromMinorUnits(part, total));
    }
    return List.copyOf(result);
  }

  /**
   * The share of some of a line's units in an amount paid for all of them: every unit is worth
   * the amount divided by the units, rounded down to the minor unit, and the last unit takes
   * the rest. Units are alike, so only how many came before matters, not which ones.
   *
   * <p>For EUR 10.00 over 3 units: the first unit 3.33, the second 3.33, the third 3.34. Summed
   * over any split of the units into consecutive runs, the shares are exactly the amount.
   *
   * @param lineTotal what was paid (or taxed, or discounted) for all the line's units
   * @param units the line's units, at least 1
   * @param before units of the line already counted before these (by earlier cases)
   * @param count the units whose share is wanted
   * @return the share, never negative when the amount is not
   * @throws IllegalArgumentException if {@code before + count} exceeds the line's units, or a
   *     count is negative
   */
  public static Money units(Money lineTotal, int units, int before, int count) {
    Objects.requireNonNull(lineTotal, "lineTotal");
    if (units < 1 || before < 0 || count < 0 || before + count > units) {
      throw new IllegalArgumentException("cannot share " + count + " unit(s) after " + before
          + " of a line of " + units);
    }
    return firstUnits(lineTotal, units, before + count).minus(firstUnits(lineTotal, units,
        before));
  }

  /**
   * The tax in the share of some units of a line: the tax of the first units goes with their
   * share of the gross ({@code tax * grossOfFirstUnits / gross}, rounded down), and the last
   * unit takes the rest. Sharing tax by units as {@link #units} does could give a unit more
   * tax than it cost (EUR 1.00 for 50 units with EUR 0.49 of tax: the last unit would cost 0.02
   * and carry 0.49); in proportion to the gross, a share's tax never exceeds its gross.
   *
   * @param lineGross what was paid for all the line's units
   * @param lineTax the tax in it, at most {@code lineGross}
   * @param units the line's units, at least 1
   * @param before units counted before these
   * @param count the units whose tax is wanted
   * @return the tax in their share, at most their share of the gross
   */
  public static Money unitsTax(Money lineGross, Money lineTax, int units, int before,
      int count) {
    units(lineGross, units, before, count); // checks the counts
    return firstUnitsTax(lineGross, lineTax, units, before + count)
        .minus(firstUnitsTax(lineGross, lineTax, units, before));
  }

  private static Money firstUnitsTax(Money lineGross, Money lineTax, int units, int k) {
    if (k == units || lineGross.isZero()) {
      return k == units ? lineTax : Money.zero(lineTax.currency());
    }
    return proportion(lineTax, firstUnits(lineGross, units, k), lineGross);
  }

  /**
   * A value in proportion to a part of a whole, {@code value * part / whole}, rounded toward
   * zero to the minor unit: the tax in part of an amount, say.
   *
   * @param value the value shared, e.g. the tax in {@code whole}
   * @param part the part, in {@code whole}'s currency
   * @param whole the whole, not zero
   * @return the value's share for the part
   */
  public static Money proportion(Money value, Money part, Money whole) {
    return fromMinorUnits(minorUnits(value).multiply(minorUnits(part))
        .divide(minorUnits(whole)), value);
  }

  /** What the first {@code k} units of a line are worth together. */
  private static Money firstUnits(Money lineTotal, int units, int k) {
    if (k == units) {
      return lineTotal;
    }
    BigInteger perUnit = minorUnits(lineTotal).divide(BigInteger.valueOf(units));
    return fromMinorUnits(perUnit.multiply(BigInteger.valueOf(k)), lineTotal);
  }

  private static BigInteger minorUnits(Money amount) {
    return amount.amount().unscaledValue();
  }

  private static Money fromMinorUnits(BigInteger minor, Money like) {
    return Money.of(new BigDecimal(minor, like.amount().scale()), like.currency());
  }
}
