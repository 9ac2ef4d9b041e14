package dev.returnkit.rules.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.RuleProblem;
import dev.returnkit.spi.money.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The money columns of a scenario file")
class ScenarioMoneyTest {

  private static final String HEADER = "case,category,price,reason,grade,findings,"
      + "delivered_days_ago,tax_rate,discount,gift_card,expect_refund,expect_tax,"
      + "expect_to_gift_card\n";

  @Test
  @DisplayName("reads a tax rate, a discount and a gift card, and compares the tax and what "
      + "goes back to the gift card, naming what differs")
  void taxAndGiftCard() {
    List<Scenario> scenarios = ScenarioFile.parse("s.csv", HEADER
        + "taxed,home,EUR 119.00,WRONG_ITEM_SHIPPED,A,WRONG_ITEM,3,19%,EUR 19.00,EUR 50.00,"
        + "EUR 100.00,EUR 16.00,EUR 0.01\n");
    Scenario taxed = scenarios.get(0);
    assertThat(taxed.taxRate()).isEqualByComparingTo(new BigDecimal("19"));
    assertThat(taxed.lineDiscount()).isEqualTo(Money.of("19.00", "EUR"));
    assertThat(taxed.giftCard()).isEqualTo(Money.of("50.00", "EUR"));

    VerificationReport.CaseResult result = PolicyVerifier.verify(DroolsPolicies.defaults(),
        taxed);

    // EUR 119.00 less 19.00 off: 100.00 paid, of which 19 % included is 100 x 19/119 = 15.966,
    // 15.97 rounded half-even. The gift card paid 50.00 and the card the other 50.00: the
    // refund goes to the card first, up to its 50.00, then 50.00 to the gift card.
    assertThat(result.actual().refund()).isEqualTo(Money.of("100.00", "EUR"));
    assertThat(result.actual().tax()).isEqualTo(Money.of("15.97", "EUR"));
    assertThat(result.actual().toGiftCard()).isEqualTo(Money.of("50.00", "EUR"));
    assertThat(result.mismatches()).containsExactly(
        "tax expected EUR 16.00 but was EUR 15.97",
        "gift card expected EUR 0.01 but was EUR 50.00");
  }

  @Test
  @DisplayName("refuses a tax rate that is not a percentage between 0 and 100")
  void badTaxRates() {
    assertThatThrownBy(() -> ScenarioFile.parse("s.csv", HEADER
        + "a,home,EUR 1.00,DEFECTIVE,,,,nineteen\n"
        + "b,home,EUR 1.00,DEFECTIVE,,,,-1\n"
        + "c,home,EUR 1.00,DEFECTIVE,,,,101\n"))
        .isInstanceOfSatisfying(InvalidScenarioFileException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                "s.csv:2: tax_rate: 'nineteen' is not a percentage such as 19 or 7.7",
                "s.csv:3: tax_rate: '-1' must be a percentage between 0 and 100",
                "s.csv:4: tax_rate: '101' must be a percentage between 0 and 100"));
    assertThat(ScenarioFile.parse("s.csv", HEADER + "d,home,EUR 1.00,DEFECTIVE,,,,100\n")
        .get(0).taxRate()).isEqualByComparingTo(new BigDecimal("100"));
  }

  @Test
  @DisplayName("reads an exchange's replacement price and compares what is charged; a "
      + "replacement for a refund is refused with its column")
  void exchangeCharge() {
    String header = "case,category,price,reason,resolution,grade,findings,delivered_days_ago,"
        + "replacement_price,expect_refund,expect_exchange_charge\n";
    Scenario dearer = ScenarioFile.parse("s.csv", header
        + "dearer,apparel,EUR 40.00,WRONG_ITEM_SHIPPED,EXCHANGE,A,WRONG_ITEM,3,EUR 55.00,"
        + "EUR 0.00,EUR 5.00\n").get(0);

    VerificationReport.CaseResult result = PolicyVerifier.verify(DroolsPolicies.defaults(),
        dearer);

    assertThat(dearer.replacementPrice()).isEqualTo(Money.of("55.00", "EUR"));
    assertThat(result.actual().exchangeCharge()).isEqualTo(Money.of("15.00", "EUR"));
    assertThat(result.actual().refund()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(result.mismatches()).containsExactly(
        "exchange charge expected EUR 5.00 but was EUR 15.00");
    assertThatThrownBy(() -> ScenarioFile.parse("s.csv", header
        + "refund,apparel,EUR 40.00,WRONG_ITEM_SHIPPED,REFUND,A,WRONG_ITEM,3,EUR 55.00\n"))
        .isInstanceOfSatisfying(InvalidScenarioFileException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                "s.csv:2: replacement_price: a replacement is named for an exchange only; "
                    + "this case's resolution is REFUND"));
  }
}
