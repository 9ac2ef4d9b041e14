package dev.returnkit.spi.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.ReturnsException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Money")
class MoneyTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");
  private static final Currency JPY = Currency.getInstance("JPY");
  private static final Currency KWD = Currency.getInstance("KWD");

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  @Nested
  @DisplayName("is held at the currency's minor unit")
  class Normalisation {

    @ParameterizedTest(name = "{0} {1} is stored as {2}")
    @CsvSource({
        "EUR, 10,        10.00",
        "EUR, 10.5,      10.50",
        "EUR, 10.000,    10.00",
        "EUR, 1E+3,      1000.00",
        "EUR, 0,         0.00",
        "JPY, 1500,      1500",
        "JPY, 1500.00,   1500",
        "KWD, 1.5,       1.500",
        "KWD, 2,         2.000",
        "USD, -0.5,      -0.50",
    })
    @DisplayName("amounts with fewer decimals are padded, trailing zeros are dropped")
    void normalisesScale(String code, String amount, String stored) {
      Money money = Money.of(amount, code);

      Currency currency = Currency.getInstance(code);
      assertThat(money.amount().scale()).isEqualTo(Money.minorUnitDigits(currency));
      assertThat(money.amount().toPlainString()).isEqualTo(stored);
      assertThat(money.currency()).isEqualTo(currency);
    }

    @Test
    @DisplayName("knows the minor unit of EUR (2), JPY (0), KWD (3) and a pseudo-currency (0)")
    void minorUnitDigits() {
      assertThat(Money.minorUnitDigits(EUR)).isEqualTo(2);
      assertThat(Money.minorUnitDigits(JPY)).isZero();
      assertThat(Money.minorUnitDigits(KWD)).isEqualTo(3);
      assertThat(Money.minorUnitDigits(Currency.getInstance("XXX"))).isZero();
    }

    @Test
    @DisplayName("EUR 10 equals EUR 10.00, with the same hash code, whichever way it was made")
    void equalsIgnoresWrittenScale() {
      Money ten = eur("10");
      Money tenWithCents = eur("10.00");
      Money fromBigDecimal = Money.of(new BigDecimal("10.0"), EUR);
      Money viaConstructor = new Money(BigDecimal.TEN, EUR);

      assertThat(ten).isEqualTo(tenWithCents).isEqualTo(fromBigDecimal).isEqualTo(viaConstructor);
      assertThat(ten.hashCode())
          .isEqualTo(tenWithCents.hashCode())
          .isEqualTo(fromBigDecimal.hashCode())
          .isEqualTo(viaConstructor.hashCode());
    }

    @Test
    @DisplayName("the same number in two currencies is not equal")
    void currencyIsPartOfEquality() {
      assertThat(eur("10")).isNotEqualTo(Money.of("10", "USD"));
    }

    @Test
    @DisplayName("zero is zero at the currency's scale")
    void zero() {
      assertThat(Money.zero(EUR)).isEqualTo(eur("0.00"));
      assertThat(Money.zero(JPY).amount().scale()).isZero();
      assertThat(Money.zero(KWD).amount().toPlainString()).isEqualTo("0.000");
    }

    @Test
    @DisplayName("refuses a null amount or currency")
    void refusesNulls() {
      assertThatNullPointerException().isThrownBy(() -> Money.of((BigDecimal) null, EUR))
          .withMessageContaining("amount");
      assertThatNullPointerException().isThrownBy(() -> Money.of(BigDecimal.ONE, null))
          .withMessageContaining("currency");
    }

    @Test
    @DisplayName("refuses text that is not a number or an unknown currency code")
    void refusesBadText() {
      assertThatIllegalArgumentException().isThrownBy(() -> Money.of("ten", "EUR"));
      assertThatIllegalArgumentException().isThrownBy(() -> Money.of("10", "EURO"));
    }
  }

  @Nested
  @DisplayName("never rounds implicitly")
  class ExplicitRounding {

    @ParameterizedTest(name = "{1} {0} is refused")
    @CsvSource({
        "0.125,  EUR",
        "19.999, EUR",
        "0.001,  USD",
        "2.5,    JPY",
        "0.1,    JPY",
        "1.0005, KWD",
    })
    @DisplayName("of() refuses an amount that would need rounding, naming the currency")
    void ofRefusesRounding(String amount, String code) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Money.of(amount, code))
          .withMessageContaining(code)
          .withMessageContaining(new BigDecimal(amount).toPlainString())
          .withMessageContaining("rounded");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new Money(new BigDecimal(amount), Currency.getInstance(code)))
          .withMessageContaining(code);
    }

    @ParameterizedTest(name = "{1} {0} rounds to {2}")
    @CsvSource({
        "0.125,   EUR, 0.12",
        "0.135,   EUR, 0.14",
        "0.145,   EUR, 0.14",
        "0.155,   EUR, 0.16",
        "-0.125,  EUR, -0.12",
        "-0.135,  EUR, -0.14",
        "0.1251,  EUR, 0.13",
        "0.1249,  EUR, 0.12",
        "2.5,     JPY, 2",
        "3.5,     JPY, 4",
        "-2.5,    JPY, -2",
        "1.0005,  KWD, 1.000",
        "1.0015,  KWD, 1.002",
        "7,       EUR, 7.00",
    })
    @DisplayName("rounded() rounds half-even to the minor unit")
    void roundedIsHalfEven(String amount, String code, String expected) {
      Money money = Money.rounded(new BigDecimal(amount), Currency.getInstance(code));

      assertThat(money).isEqualTo(Money.of(expected, code));
      assertThat(money.amount().toPlainString()).isEqualTo(expected);
    }
  }

  @Nested
  @DisplayName("percent()")
  class Percent {

    @Test
    @DisplayName("15 % of EUR 19.99 is EUR 3.00 (2.9985 rounded)")
    void fifteenPercent() {
      assertThat(eur("19.99").percent(new BigDecimal("15"))).isEqualTo(eur("3.00"));
    }

    @ParameterizedTest(name = "{2} % of {1} {0} is {3}")
    @CsvSource({
        "EUR, 0.25, 50,   0.12",
        "EUR, 0.35, 50,   0.18",
        "EUR, 1.00, 12.5, 0.12",
        "EUR, 1.00, 13.5, 0.14",
        "EUR, -0.25, 50,  -0.12",
        "JPY, 5,    50,   2",
        "JPY, 7,    50,   4",
        "KWD, 0.001, 50,  0.000",
        "KWD, 0.003, 50,  0.002",
    })
    @DisplayName("rounds ties half-even")
    void tiesHalfEven(String code, String amount, String percent, String expected) {
      Money share = Money.of(amount, code).percent(new BigDecimal(percent));

      assertThat(share).isEqualTo(Money.of(expected, code));
    }

    @Test
    @DisplayName("0 % is zero and 100 % is the amount itself")
    void bounds() {
      Money price = eur("19.99");

      assertThat(price.percent(BigDecimal.ZERO)).isEqualTo(Money.zero(EUR));
      assertThat(price.percent(new BigDecimal("100"))).isEqualTo(price);
    }

    @Test
    @DisplayName("refuses a null percentage")
    void refusesNull() {
      assertThatNullPointerException().isThrownBy(() -> eur("1").percent(null));
    }
  }

  @Nested
  @DisplayName("never mixes currencies")
  class CurrencyMismatch {

    private final Money euros = eur("10.00");
    private final Money dollars = Money.of("10.00", "USD");

    private void assertMismatch(String operation, BiConsumer<Money, Money> call) {
      assertThatThrownBy(() -> call.accept(euros, dollars))
          .as(operation)
          .isInstanceOf(CurrencyMismatchException.class)
          .hasMessageContaining("EUR")
          .hasMessageContaining("USD")
          .satisfies(e -> {
            CurrencyMismatchException mismatch = (CurrencyMismatchException) e;
            assertThat(mismatch.left()).isEqualTo(EUR);
            assertThat(mismatch.right()).isEqualTo(USD);
          });
    }

    @Test
    @DisplayName("plus, minus, compareTo, min, max and the comparisons throw, naming both codes")
    void everyBinaryOperationThrows() {
      assertMismatch("plus", Money::plus);
      assertMismatch("minus", Money::minus);
      assertMismatch("compareTo", Money::compareTo);
      assertMismatch("min", Money::min);
      assertMismatch("max", Money::max);
      assertMismatch("isGreaterThan", Money::isGreaterThan);
      assertMismatch("isLessThan", Money::isLessThan);
    }

    @Test
    @DisplayName("the exception is a ReturnsException, so one catch block sees every refusal")
    void isAReturnsException() {
      assertThatThrownBy(() -> euros.plus(dollars)).isInstanceOf(ReturnsException.class)
          .isNotInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("sum() throws when an amount is not in the requested currency")
    void sumThrows() {
      assertThatThrownBy(() -> Money.sum(List.of(euros, euros), USD))
          .isInstanceOf(CurrencyMismatchException.class)
          .hasMessageContaining("EUR")
          .hasMessageContaining("USD");
      assertThatThrownBy(() -> Money.sum(List.of(euros, dollars), EUR))
          .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    @DisplayName("operations refuse a null argument")
    void refusesNull() {
      assertThatNullPointerException().isThrownBy(() -> euros.plus(null));
      assertThatNullPointerException().isThrownBy(() -> euros.compareTo(null));
    }
  }

  @Nested
  @DisplayName("arithmetic")
  class Arithmetic {

    @Test
    @DisplayName("plus and minus are exact and may go negative")
    void plusMinus() {
      assertThat(eur("19.99").plus(eur("0.01"))).isEqualTo(eur("20.00"));
      assertThat(eur("5.00").minus(eur("7.50"))).isEqualTo(eur("-2.50"));
      assertThat(Money.of("1.001", "KWD").plus(Money.of("0.999", "KWD")))
          .isEqualTo(Money.of("2", "KWD"));
    }

    @Test
    @DisplayName("sum() adds every amount and is zero for none")
    void sum() {
      assertThat(Money.sum(List.of(eur("19.99"), eur("5.01"), eur("-1.00")), EUR))
          .isEqualTo(eur("24.00"));
      assertThat(Money.sum(List.of(), EUR)).isEqualTo(Money.zero(EUR));
      assertThat(Money.sum(List.of(), JPY).currency()).isEqualTo(JPY);
    }

    @Test
    @DisplayName("times() multiplies by a quantity exactly")
    void times() {
      assertThat(eur("19.99").times(3)).isEqualTo(eur("59.97"));
      assertThat(eur("19.99").times(0)).isEqualTo(Money.zero(EUR));
      assertThat(eur("19.99").times(-2)).isEqualTo(eur("-39.98"));
      assertThat(Money.of("1500", "JPY").times(2)).isEqualTo(Money.of("3000", "JPY"));
      assertThat(eur("0.01").times(Long.MAX_VALUE).amount())
          .isEqualTo(new BigDecimal(Long.MAX_VALUE).movePointLeft(2));
    }

    @Test
    @DisplayName("negate() flips the sign and keeps zero zero")
    void negate() {
      assertThat(eur("19.99").negate()).isEqualTo(eur("-19.99"));
      assertThat(eur("-19.99").negate()).isEqualTo(eur("19.99"));
      assertThat(Money.zero(EUR).negate()).isEqualTo(Money.zero(EUR));
      assertThat(Money.zero(EUR).negate().isNegative()).isFalse();
    }

    @Test
    @DisplayName("min() and max() pick by value, and return the receiver when equal")
    void minMax() {
      Money small = eur("1.00");
      Money large = eur("2.00");

      assertThat(small.min(large)).isSameAs(small);
      assertThat(large.min(small)).isSameAs(small);
      assertThat(small.max(large)).isSameAs(large);
      assertThat(large.max(small)).isSameAs(large);
      Money sameAsSmall = eur("1");
      assertThat(small.min(sameAsSmall)).isSameAs(small);
      assertThat(small.max(sameAsSmall)).isSameAs(small);
      assertThat(eur("-3.00").min(eur("-2.00"))).isEqualTo(eur("-3.00"));
    }

    @Test
    @DisplayName("compareTo orders by value, consistently with equals")
    void compareTo() {
      assertThat(eur("1.00")).isLessThan(eur("1.01"));
      assertThat(eur("-1.00")).isLessThan(eur("0.00"));
      assertThat(eur("10").compareTo(eur("10.00"))).isZero();
      assertThat(eur("2.00").isGreaterThan(eur("1.99"))).isTrue();
      assertThat(eur("2.00").isGreaterThan(eur("2.00"))).isFalse();
      assertThat(eur("1.99").isLessThan(eur("2.00"))).isTrue();
      assertThat(eur("2.00").isLessThan(eur("2.00"))).isFalse();
    }

    @Test
    @DisplayName("isZero, isPositive and isNegative classify the sign")
    void signs() {
      assertThat(Money.zero(EUR).isZero()).isTrue();
      assertThat(Money.zero(EUR).isPositive()).isFalse();
      assertThat(Money.zero(EUR).isNegative()).isFalse();

      assertThat(eur("0.01").isPositive()).isTrue();
      assertThat(eur("0.01").isZero()).isFalse();
      assertThat(eur("0.01").isNegative()).isFalse();

      assertThat(eur("-0.01").isNegative()).isTrue();
      assertThat(eur("-0.01").isZero()).isFalse();
      assertThat(eur("-0.01").isPositive()).isFalse();
    }
  }

  @Nested
  @DisplayName("toString()")
  class ToString {

    @ParameterizedTest(name = "{1} {0} prints as \"{2}\"")
    @CsvSource({
        "19.99, EUR, EUR 19.99",
        "10,    EUR, EUR 10.00",
        "-0.5,  EUR, EUR -0.50",
        "1E+6,  EUR, EUR 1000000.00",
        "1500,  JPY, JPY 1500",
        "1.5,   KWD, KWD 1.500",
    })
    @DisplayName("is the currency code, a space and the plain amount at the minor unit")
    void format(String amount, String code, String expected) {
      assertThat(Money.of(amount, code)).hasToString(expected);
    }
  }
}
