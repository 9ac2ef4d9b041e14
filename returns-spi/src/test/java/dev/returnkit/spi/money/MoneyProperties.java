package dev.returnkit.spi.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/**
 * Algebraic properties of {@link Money}. Amounts are generated as whole minor units (cents,
 * yen, fils) between -10^9 and 10^9 so that every generated amount is exact in its currency.
 */
@Label("Money properties")
class MoneyProperties {

  private static final long BOUND = 1_000_000_000L;

  @Provide
  Arbitrary<Currency> currencies() {
    return Arbitraries.of("EUR", "JPY", "KWD", "USD").map(Currency::getInstance);
  }

  @Provide
  Arbitrary<BigDecimal> percentages() {
    return Arbitraries.bigDecimals()
        .between(BigDecimal.ZERO, new BigDecimal("100"))
        .ofScale(2);
  }

  @Provide
  Arbitrary<BigDecimal> anyAmounts() {
    return Arbitraries.bigDecimals()
        .between(new BigDecimal("-1000000"), new BigDecimal("1000000"))
        .ofScale(6);
  }

  private static Money money(long minorUnits, Currency currency) {
    return Money.of(BigDecimal.valueOf(minorUnits, Money.minorUnitDigits(currency)), currency);
  }

  private static BigDecimal oneMinorUnit(Currency currency) {
    return BigDecimal.ONE.movePointLeft(Money.minorUnitDigits(currency));
  }

  private static void assertAtScale(Money money, Currency currency) {
    assertThat(money.currency()).isEqualTo(currency);
    assertThat(money.amount().scale()).isEqualTo(Money.minorUnitDigits(currency));
  }

  @Property
  @Label("plus is commutative")
  void plusIsCommutative(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long a,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long b) {
    Money x = money(a, currency);
    Money y = money(b, currency);

    assertThat(x.plus(y)).isEqualTo(y.plus(x));
  }

  @Property
  @Label("plus is associative")
  void plusIsAssociative(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long a,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long b,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long c) {
    Money x = money(a, currency);
    Money y = money(b, currency);
    Money z = money(c, currency);

    assertThat(x.plus(y).plus(z)).isEqualTo(x.plus(y.plus(z)));
  }

  @Property
  @Label("plus is exact: it adds the minor units")
  void plusIsExact(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long a,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long b) {
    assertThat(money(a, currency).plus(money(b, currency))).isEqualTo(money(a + b, currency));
  }

  @Property
  @Label("a.plus(b).minus(b) equals a, and zero is neutral")
  void minusUndoesPlus(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long a,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long b) {
    Money x = money(a, currency);
    Money y = money(b, currency);

    assertThat(x.plus(y).minus(y)).isEqualTo(x);
    assertThat(x.plus(Money.zero(currency))).isEqualTo(x);
    assertThat(x.minus(x).isZero()).isTrue();
    assertThat(x.plus(x.negate()).isZero()).isTrue();
  }

  @Property
  @Label("times(n) equals n-fold plus")
  void timesIsRepeatedPlus(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long a,
      @ForAll @IntRange(min = 0, max = 50) int n) {
    Money x = money(a, currency);
    Money folded = Money.zero(currency);
    for (int i = 0; i < n; i++) {
      folded = folded.plus(x);
    }

    assertThat(x.times(n)).isEqualTo(folded);
    assertThat(x.times(-n)).isEqualTo(folded.negate());
  }

  @Property
  @Label("percent(p) plus percent(100 - p) is within one minor unit of the amount")
  void complementaryPercentagesAddUp(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long a,
      @ForAll("percentages") BigDecimal p) {
    Money x = money(a, currency);

    Money parts = x.percent(p).plus(x.percent(new BigDecimal("100").subtract(p)));

    assertThat(parts.minus(x).amount().abs()).isLessThanOrEqualTo(oneMinorUnit(currency));
  }

  @Property
  @Label("percent(p) is the exact share rounded: off by at most half a minor unit")
  void percentIsCloseToExactShare(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long a,
      @ForAll("percentages") BigDecimal p) {
    Money x = money(a, currency);
    BigDecimal exact = x.amount().multiply(p).movePointLeft(2);

    Money share = x.percent(p);

    BigDecimal error = share.amount().subtract(exact).abs();
    assertThat(error.multiply(BigDecimal.valueOf(2))).isLessThanOrEqualTo(oneMinorUnit(currency));
    assertThat(share).isEqualTo(Money.rounded(exact, currency));
  }

  @Property
  @Label("sum of a list equals the fold of plus and the exact total of the minor units")
  void sumIsFoldOfPlus(
      @ForAll("currencies") Currency currency,
      @ForAll @Size(max = 40) List<@LongRange(min = -BOUND, max = BOUND) Long> units) {
    List<Money> amounts = units.stream().map(u -> money(u, currency)).toList();
    Money folded = Money.zero(currency);
    for (Money each : amounts) {
      folded = folded.plus(each);
    }
    long total = units.stream().mapToLong(Long::longValue).sum();

    Money sum = Money.sum(amounts, currency);

    assertThat(sum).isEqualTo(folded).isEqualTo(money(total, currency));
    assertAtScale(sum, currency);
  }

  @Property
  @Label("every result is at the currency's scale")
  void resultsAreAtScale(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long a,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long b,
      @ForAll @IntRange(min = -1000, max = 1000) int n,
      @ForAll("percentages") BigDecimal p,
      @ForAll("anyAmounts") BigDecimal any) {
    Money x = money(a, currency);
    Money y = money(b, currency);

    assertAtScale(x, currency);
    assertAtScale(x.plus(y), currency);
    assertAtScale(x.minus(y), currency);
    assertAtScale(x.times(n), currency);
    assertAtScale(x.percent(p), currency);
    assertAtScale(x.negate(), currency);
    assertAtScale(x.min(y), currency);
    assertAtScale(x.max(y), currency);
    assertAtScale(Money.rounded(any, currency), currency);
    assertAtScale(Money.zero(currency), currency);
  }

  @Property
  @Label("rounded() leaves exact amounts unchanged and is idempotent")
  void roundedIsIdentityOnExactAmounts(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long a,
      @ForAll("anyAmounts") BigDecimal any) {
    Money x = money(a, currency);
    Money once = Money.rounded(any, currency);

    assertThat(Money.rounded(x.amount(), currency)).isEqualTo(x);
    assertThat(Money.rounded(once.amount(), currency)).isEqualTo(once);
    assertThat(once.amount().subtract(any).abs().multiply(BigDecimal.valueOf(2)))
        .isLessThanOrEqualTo(oneMinorUnit(currency));
  }

  @Property
  @Label("equal values are equal Money with equal hash codes, whatever the written scale")
  void equalsIgnoresWrittenScale(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long a,
      @ForAll @IntRange(min = 0, max = 5) int extraZeros) {
    BigDecimal exact = BigDecimal.valueOf(a, Money.minorUnitDigits(currency));
    BigDecimal padded = exact.setScale(exact.scale() + extraZeros);
    BigDecimal stripped = exact.stripTrailingZeros();

    Money x = Money.of(exact, currency);

    assertThat(Money.of(padded, currency)).isEqualTo(x).hasSameHashCodeAs(x);
    assertThat(Money.of(stripped, currency)).isEqualTo(x).hasSameHashCodeAs(x);
  }

  @Property
  @Label("compareTo, min and max agree with the order of the minor units")
  void orderFollowsMinorUnits(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long a,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long b) {
    Money x = money(a, currency);
    Money y = money(b, currency);

    assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Long.signum(a - b));
    assertThat(x.min(y)).isEqualTo(money(Math.min(a, b), currency));
    assertThat(x.max(y)).isEqualTo(money(Math.max(a, b), currency));
    assertThat(x.compareTo(y) == 0).isEqualTo(x.equals(y));
  }

  @Property
  @Label("an amount with more decimals than the currency has is refused by of()")
  void ofRefusesExtraDecimals(
      @ForAll("currencies") Currency currency,
      @ForAll @LongRange(min = -BOUND, max = BOUND) long a,
      @ForAll @IntRange(min = 1, max = 9) int lastDigit) {
    int digits = Money.minorUnitDigits(currency);
    BigDecimal tooPrecise = new BigDecimal(
        BigInteger.valueOf(a).multiply(BigInteger.TEN).add(BigInteger.valueOf(lastDigit)),
        digits + 1);

    assertThatIllegalArgumentException()
        .isThrownBy(() -> Money.of(tooPrecise, currency))
        .withMessageContaining(currency.getCurrencyCode());
  }
}
