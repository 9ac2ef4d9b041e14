package dev.returnkit.rules.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.settings.PolicySettings;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The built-in scenarios are a policy owner's safety net: a change to any setting a shop is
 * likely to make must fail at least one of them, or {@code returnkit verify} passes a policy
 * that decides differently. Each change here is one a policy owner would plausibly make.
 */
@DisplayName("The built-in scenarios notice a change to every setting")
class BuiltInScenarioCoverageTest {

  /** One plausible change per default setting (a key, and the value it is changed to). */
  private static final Map<String, List<String>> CHANGES = Map.ofEntries(
      Map.entry("return-window.days", List.of("14", "60")),
      // The measured example: a 15-day electronics window passed every built-in case.
      Map.entry("return-window.days.electronics", List.of("15")),
      Map.entry("return-window.days.apparel", List.of("14")),
      Map.entry("return-window.days.furniture", List.of("30", "7")),
      Map.entry("return-window.days.toys", List.of("30")),
      Map.entry("non-returnable.categories", List.of("underwear, gift-cards, personalised",
          "underwear, perishables, gift-cards, personalised, health")),
      Map.entry("non-returnable.review-seller-faults", List.of("false")),
      Map.entry("hygiene.categories", List.of("underwear, cosmetics, earbuds")),
      Map.entry("hygiene.restock-sealed", List.of("false")),
      Map.entry("supplier-warranty.categories", List.of("appliances")),
      Map.entry("seller-fault.reasons", List.of("NOT_AS_DESCRIBED, DAMAGED_IN_TRANSIT, "
          + "LATE_DELIVERY, MISSING_PARTS, EXPIRED, WRONG_ITEM_SHIPPED")),
      Map.entry("review.value-threshold", List.of("EUR 1500.00, USD 1650.00, GBP 1350.00",
          "EUR 250.00, USD 275.00, GBP 225.00")),
      Map.entry("review.return-rate", List.of("0.8")),
      Map.entry("review.return-rate.minimum-cases", List.of("5")),
      Map.entry("returnless.value-limit", List.of("EUR 5.00, USD 5.00, GBP 4.00")),
      Map.entry("advance-exchange.value-limit", List.of("EUR 150.00")),
      Map.entry("restocking-fee.percent", List.of("10", "0")),
      Map.entry("return-shipping.charge", List.of("EUR 3.95, USD 4.95, GBP 2.95")),
      Map.entry("open-box.markdown-percent", List.of("30")),
      Map.entry("refund.tender-order", List.of(
          "GIFT_CARD, CARD, WALLET, BUY_NOW_PAY_LATER, BANK_TRANSFER, STORE_CREDIT")),
      Map.entry("restocking-fee.taxed", List.of("false")),
      Map.entry("return-shipping.taxed", List.of("false")),
      Map.entry("promotion.clawback", List.of("true")),
      Map.entry("store-credit.bonus-percent", List.of("10")));

  /**
   * Settings no built-in case can show a change of: the agent's approval limit acts on a person
   * approving a case in review, after the rules decided; the advance-exchange return rate only
   * with advance exchanges on, which the defaults leave off; the categories only warn.
   */
  private static final List<String> NOT_DECISIONS = List.of("review.agent-approval-limit",
      "advance-exchange.max-return-rate", "categories");

  static Stream<Arguments> changes() {
    return CHANGES.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .flatMap(e -> e.getValue().stream().map(v -> Arguments.of(e.getKey(), v)));
  }

  @ParameterizedTest(name = "{0} = {1}")
  @MethodSource("changes")
  @DisplayName("a changed setting fails a built-in case")
  void changeFailsACase(String key, String value) {
    DroolsPolicies policies = DroolsPolicies.builder().setting(key, value).build();

    VerificationReport report = PolicyVerifier.verify(policies, ScenarioFile.defaults());

    assertThat(report.failures()).as("built-in cases failing with %s = %s", key, value)
        .isPositive();
  }

  @Test
  @DisplayName("every default setting has a change above, or a reason why no case can show one")
  void everySettingCovered() {
    for (String key : PolicySettings.defaults().asMap().keySet()) {
      boolean perCategory = key.startsWith(PolicySettings.RETURN_WINDOW_DAYS_FOR);
      assertThat(CHANGES.containsKey(key) || NOT_DECISIONS.contains(key))
          .as("a change for setting %s", key).isTrue();
      assertThat(perCategory && !CHANGES.containsKey(key)).as(key).isFalse();
    }
  }
}
