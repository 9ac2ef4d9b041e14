package dev.returnkit.spi.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.CurrencyMismatchException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Allocation")
class AllocationTest {

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  @Nested
  @DisplayName("by largest remainder")
  class LargestRemainder {

    @Test
    @DisplayName("EUR 10 over lines of 60 and 50: 5.45 and 4.55 (the cent left goes to the "
        + "line that lost most to rounding)")
    void thresholdPromotion() {
      assertThat(Allocation.largestRemainder(eur("10.00"), List.of(eur("60.00"), eur("50.00"))))
          .containsExactly(eur("5.45"), eur("4.55"));
    }

    @Test
    @DisplayName("EUR 1.00 over three equal lines: 0.34, 0.33, 0.33 (a tie goes to the earlier)")
    void ties() {
      assertThat(Allocation.largestRemainder(eur("1.00"),
          List.of(eur("10.00"), eur("10.00"), eur("10.00"))))
          .containsExactly(eur("0.34"), eur("0.33"), eur("0.33"));
    }

    @Test
    @DisplayName("in a currency without decimals, and with every weight zero, as equal parts")
    void wholeUnitsAndZeroWeights() {
      Money yen = Money.of("100", "JPY");
      assertThat(Allocation.largestRemainder(yen,
          List.of(Money.of("0", "JPY"), Money.of("0", "JPY"), Money.of("0", "JPY"))))
          .containsExactly(Money.of("34", "JPY"), Money.of("33", "JPY"), Money.of("33", "JPY"));
      assertThat(Allocation.largestRemainder(Money.of("0.010", "KWD"),
          List.of(Money.of("2.000", "KWD"), Money.of("1.000", "KWD"))))
          .containsExactly(Money.of("0.007", "KWD"), Money.of("0.003", "KWD"));
    }

    @Test
    @DisplayName("refuses no parts, negative amounts and weights in another currency")
    void refusals() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Allocation.largestRemainder(eur("1.00"), List.of()));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Allocation.largestRemainder(eur("-1.00"), List.of(eur("1.00"))));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Allocation.largestRemainder(eur("1.00"), List.of(eur("-1.00"))));
      assertThatThrownBy(() -> Allocation.largestRemainder(eur("1.00"),
          List.of(Money.of("1.00", "USD")))).isInstanceOf(CurrencyMismatchException.class);
    }
  }

  @Nested
  @DisplayName("by units")
  class Units {

    @Test
    @DisplayName("EUR 10.00 for 3 units, returned one by one: 3.33, 3.33, 3.34")
    void oneByOne() {
      assertThat(List.of(Allocation.units(eur("10.00"), 3, 0, 1),
          Allocation.units(eur("10.00"), 3, 1, 1), Allocation.units(eur("10.00"), 3, 2, 1)))
          .containsExactly(eur("3.33"), eur("3.33"), eur("3.34"));
    }

    @Test
    @DisplayName("two units first, then the last: 6.66 and 3.34; all at once: 10.00")
    void inRuns() {
      assertThat(Allocation.units(eur("10.00"), 3, 0, 2)).isEqualTo(eur("6.66"));
      assertThat(Allocation.units(eur("10.00"), 3, 2, 1)).isEqualTo(eur("3.34"));
      assertThat(Allocation.units(eur("10.00"), 3, 0, 3)).isEqualTo(eur("10.00"));
      assertThat(Allocation.units(eur("10.00"), 3, 1, 0)).isEqualTo(eur("0.00"));
    }

    @Test
    @DisplayName("the tax of a share goes with its gross: EUR 1.00 for 50 units with 0.49 of tax "
        + "gives the last unit 0.02 of which 0.01 tax, never more tax than it cost")
    void taxFollowsTheGross() {
      Money gross = eur("1.00");
      Money tax = eur("0.49");
      assertThat(Allocation.units(gross, 50, 49, 1)).isEqualTo(eur("0.02"));
      assertThat(Allocation.unitsTax(gross, tax, 50, 49, 1)).isEqualTo(eur("0.01"));
      assertThat(Allocation.unitsTax(gross, tax, 50, 0, 1)).isEqualTo(eur("0.00"));
      List<Money> shares = new ArrayList<>();
      for (int unit = 0; unit < 50; unit++) {
        Money share = Allocation.unitsTax(gross, tax, 50, unit, 1);
        assertThat(share).isLessThanOrEqualTo(Allocation.units(gross, 50, unit, 1));
        shares.add(share);
      }
      assertThat(Money.sum(shares, gross.currency())).isEqualTo(tax);
    }

    @Test
    @DisplayName("JPY 1,100 with JPY 100 of tax, one unit: all of it")
    void wholeLine() {
      assertThat(Allocation.unitsTax(Money.of("1100", "JPY"), Money.of("100", "JPY"), 1, 0, 1))
          .isEqualTo(Money.of("100", "JPY"));
    }

    @Test
    @DisplayName("refuses more units than the line has, and negative counts")
    void refusals() {
      assertThatIllegalArgumentException().isThrownBy(() -> Allocation.units(eur("1"), 3, 2, 2))
          .withMessage("cannot share 2 unit(s) after 2 of a line of 3");
      assertThatIllegalArgumentException().isThrownBy(() -> Allocation.units(eur("1"), 3, -1, 1));
      assertThatIllegalArgumentException().isThrownBy(() -> Allocation.units(eur("1"), 3, 0, -1));
      assertThatIllegalArgumentException().isThrownBy(() -> Allocation.units(eur("1"), 0, 0, 0));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> Allocation.unitsTax(eur("1"), eur("0.10"), 3, 3, 1));
    }
  }

  @Nested
  @DisplayName("a line's value")
  class Values {

    @Test
    @DisplayName("shares gross, tax and discount by units, and knows its net")
    void shares() {
      LineValue line = new LineValue(eur("270.00"), eur("43.11"), eur("30.00"));

      LineValue two = line.units(3, 0, 2);
      LineValue last = line.units(3, 2, 1);

      assertThat(two).isEqualTo(new LineValue(eur("180.00"), eur("28.74"), eur("20.00")));
      assertThat(last).isEqualTo(new LineValue(eur("90.00"), eur("14.37"), eur("10.00")));
      assertThat(two.plus(last)).isEqualTo(line);
      assertThat(line.net()).isEqualTo(eur("226.89"));
    }

    @Test
    @DisplayName("refuses negative parts, tax above the gross and a discount in another currency")
    void refusals() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LineValue(eur("1.00"), eur("1.01"), eur("0")))
          .withMessage("tax EUR 1.01 exceeds the gross EUR 1.00");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LineValue(eur("-1.00"), eur("0"), eur("0")));
      assertThatThrownBy(() -> new LineValue(eur("1.00"), eur("0"), Money.of("1", "JPY")))
          .isInstanceOf(CurrencyMismatchException.class);
    }
  }
}
