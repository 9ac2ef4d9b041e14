package dev.returnkit.rules.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.rules.RuleProblem;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Currency;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Policy settings")
class PolicySettingsTest {

  private final PolicySettings defaults = PolicySettings.defaults();

  @Test
  @DisplayName("ship with the numbers the docs promise")
  void defaults() {
    assertThat(defaults.returnWindowDays("apparel")).isEqualTo(30);
    assertThat(defaults.returnWindowDays("Furniture")).isEqualTo(14);
    assertThat(defaults.isNonReturnable(" Underwear ")).isTrue();
    assertThat(defaults.isHygiene("swimwear")).isTrue();
    assertThat(defaults.hasSupplierWarranty("electronics")).isTrue();
    assertThat(defaults.isSellerFault(ReturnReason.DEFECTIVE)).isTrue();
    assertThat(defaults.isSellerFault(ReturnReason.CHANGED_MIND)).isFalse();
    assertThat(defaults.restockingFeePercent()).isEqualByComparingTo("15");
    assertThat(defaults.openBoxMarkdownPercent()).isEqualByComparingTo("20");
    assertThat(defaults.returnShippingCharge(Currency.getInstance("EUR")))
        .isEqualTo(Money.of("5.95", "EUR"));
  }

  @Test
  @DisplayName("compare money in its own currency, and never guess one")
  void perCurrency() {
    assertThat(defaults.needsValueReview(Money.of("500.00", "EUR"))).isFalse();
    assertThat(defaults.needsValueReview(Money.of("500.01", "EUR"))).isTrue();
    assertThat(defaults.needsValueReview(Money.of("1", "JPY")))
        .as("a currency without a threshold is always reviewed").isTrue();
    assertThat(defaults.allowsReturnless(Money.of("20.00", "EUR"))).isTrue();
    assertThat(defaults.allowsReturnless(Money.of("20.01", "EUR"))).isFalse();
    assertThat(defaults.allowsReturnless(Money.of("1", "JPY"))).isFalse();
    assertThat(defaults.returnShippingCharge(Currency.getInstance("JPY")).isZero()).isTrue();
    assertThat(defaults.needsReturnRateReview(0.51, 3)).isTrue();
    assertThat(defaults.needsReturnRateReview(0.51, 2)).isFalse();
    assertThat(defaults.needsReturnRateReview(0.5, 9)).isFalse();
  }

  @Test
  @DisplayName("are overridden key by key, by a file or one setting")
  void overrides() {
    PolicySettings changed = defaults.overriddenBy("ours.properties", """
        # our own
        restocking-fee.percent = 10
        return-window.days.electronics = 15
        review.value-threshold = EUR 300.00, \\
                                 USD 330.00
        """).with("open-box.markdown-percent", "25");

    assertThat(changed.restockingFeePercent()).isEqualByComparingTo(new BigDecimal("10"));
    assertThat(changed.returnWindowDays("electronics")).isEqualTo(15);
    assertThat(changed.returnWindowDays("furniture")).isEqualTo(14);
    assertThat(changed.needsValueReview(Money.of("301.00", "USD"))).isFalse();
    assertThat(changed.needsValueReview(Money.of("331.00", "USD"))).isTrue();
    assertThat(changed.openBoxMarkdownPercent()).isEqualByComparingTo("25");
    assertThat(changed.asMap()).containsEntry("restocking-fee.percent", "10");
    assertThat(defaults.restockingFeePercent()).isEqualByComparingTo("15");
  }

  @Test
  @DisplayName("list every malformed, unknown or missing key with its line")
  void problems() {
    assertThatThrownBy(() -> PolicySettings.parse("bad.properties", """
        return-window.days = -3
        restockng-fee.percent = 10
        review.value-threshold = EUR 500, 300 USD, GBP ten
        seller-fault.reasons = DEFECTIVE, BROKEN
        this line has no equals sign
        """))
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                "bad.properties:5: expected 'key = value', found 'this line has no equals sign'"));

    assertThatThrownBy(() -> PolicySettings.parse("bad.properties", """
        return-window.days = -3
        restockng-fee.percent = 10
        review.value-threshold = EUR 500, 300 USD, GBP ten
        seller-fault.reasons = DEFECTIVE, BROKEN
        """))
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e -> {
          assertThat(e.problems()).extracting(RuleProblem::line).contains(1, 2, 3, 4, 0);
          assertThat(e.problems()).extracting(RuleProblem::message)
              .contains("restockng-fee.percent: unknown setting; did you mean "
                  + "'restocking-fee.percent'?")
              .contains("return-window.days: must be between 0 and 3650, got -3")
              .contains("non-returnable.categories: missing")
              .anySatisfy(m -> assertThat(m).startsWith("review.value-threshold: '300 USD'"))
              .anySatisfy(m -> assertThat(m).startsWith("review.value-threshold: 'GBP ten'"))
              .anySatisfy(m -> assertThat(m).contains("'BROKEN' is not a return reason"));
        });
  }

  @Test
  @DisplayName("refuse a line without a key and a window for no category, with their lines")
  void keylessLines() {
    assertThatThrownBy(() -> defaults.overriddenBy("ours.properties", """
        = 5
        : 7
        :window = 3
        """))
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                "ours.properties:1: expected 'key = value', found '= 5'",
                "ours.properties:2: expected 'key = value', found ': 7'",
                "ours.properties:3: expected 'key = value', found ':window = 3'"));
    assertThatThrownBy(() -> defaults.overriddenBy("ours.properties",
        "# per category\nreturn-window.days. = 10\n"))
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString)
                .containsExactly("ours.properties:2: return-window.days.: names no category"));
  }

  @Test
  @DisplayName("take numbers at the ends of their ranges, and refuse one past them or no number")
  void ranges() {
    PolicySettings ends = defaults.overriddenBy("ours.properties", """
        return-window.days = 3650
        return-window.days.home = 0
        restocking-fee.percent = 100
        open-box.markdown-percent = 0
        """);
    assertThat(ends.returnWindowDays("a category of its own")).isEqualTo(3650);
    assertThat(ends.returnWindowDays("home")).isZero();
    assertThat(ends.restockingFeePercent()).isEqualByComparingTo("100");

    assertThatThrownBy(() -> defaults.overriddenBy("ours.properties", """
        return-window.days = 3651
        return-window.days.home = -1
        restocking-fee.percent = 100.5
        open-box.markdown-percent = -0.01
        review.return-rate = ten
        """))
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                "ours.properties:1: return-window.days: must be between 0 and 3650, got 3651",
                "ours.properties:2: return-window.days.home: must be between 0 and 3650, got -1",
                "ours.properties:5: review.return-rate: must be a number, got 'ten'",
                "ours.properties:3: restocking-fee.percent: must be between 0 and 100, got 100.5",
                "ours.properties:4: open-box.markdown-percent: must be between 0 and 100, "
                    + "got -0.01"));
  }

  @Test
  @DisplayName("read a value continued on the next line, and a last line ending in a backslash")
  void continuedLines() {
    PolicySettings changed = defaults.overriddenBy("ours.properties",
        "non-returnable.categories = underwear, \\\n    swimwear\nreview.return-rate = 0.5\\");

    assertThat(changed.asMap()).containsEntry("non-returnable.categories", "underwear, swimwear")
        .containsEntry("review.return-rate", "0.5");
  }

  @Test
  @DisplayName("load from a file or text, complete on their own")
  void loadAndParse(@TempDir Path dir) throws IOException {
    String text = defaults.asMap().entrySet().stream()
        .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n"));
    Path file = dir.resolve("policy-settings.properties");
    Files.writeString(file, text.replace("restocking-fee.percent = 15",
        "restocking-fee.percent = 12"));

    assertThat(PolicySettings.parse("ours", text)).isEqualTo(defaults);
    assertThat(PolicySettings.load(file).restockingFeePercent()).isEqualByComparingTo("12");
  }

  @Test
  @DisplayName("read files saved with a byte-order mark")
  void byteOrderMark() {
    assertThat(defaults.overriddenBy("bom.properties", "\uFEFFrestocking-fee.percent = 9\r\n")
        .restockingFeePercent()).isEqualByComparingTo("9");
  }

  @Test
  @DisplayName("are equal when their values are")
  void equality() {
    assertThat(defaults.with("restocking-fee.percent", "15")).isEqualTo(defaults)
        .hasSameHashCodeAs(defaults);
    assertThat(defaults.with("restocking-fee.percent", "16")).isNotEqualTo(defaults);
    assertThat(defaults.with("restocking-fee.percent", "16").toString())
        .startsWith("PolicySettings{").contains("restocking-fee.percent=16");
  }

  @Test
  @DisplayName("'+=' adds to a list's value before it, '=' replaces it; '+=' on a number, or in "
      + "a complete file, is refused with its line")
  void addingToALists() {
    PolicySettings added = defaults.overriddenBy("ours.properties", """
        # keep the defaults and add one
        non-returnable.categories += swimwear
        hygiene.categories = earrings
        """);

    assertThat(added.isNonReturnable("swimwear")).isTrue();
    assertThat(added.isNonReturnable("underwear")).isTrue();
    assertThat(added.isHygiene("earrings")).isTrue();
    assertThat(added.isHygiene("underwear")).isFalse();
    assertThat(added.origin("non-returnable.categories")).hasValueSatisfying(origin ->
        assertThat(origin).hasToString("ours.properties:2 (added to the value before it)"));
    assertThat(added.origin("hygiene.categories").orElseThrow()).hasToString(
        "ours.properties:3");
    assertThat(added.origin("restocking-fee.percent").orElseThrow().isDefault()).isTrue();

    assertThatThrownBy(() -> defaults.overriddenBy("ours.properties",
        "restocking-fee.percent += 5\n"))
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                "ours.properties:1: restocking-fee.percent: '+=' adds to a list, and this "
                    + "setting is none; use '='"));
    String complete = defaults.asMap().entrySet().stream()
        .map(e -> e.getKey() + (e.getKey().equals("hygiene.categories") ? " += " : " = ")
            + e.getValue()).collect(Collectors.joining("\n"));
    assertThatThrownBy(() -> PolicySettings.parse("complete.properties", complete))
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).singleElement().satisfies(problem -> assertThat(
                problem.message()).startsWith("hygiene.categories: '+=' adds to the value")));
  }

  @Test
  @DisplayName("refuse a category list that reads as one item with a space, unless the shop "
      + "declared that category")
  void spaceInsteadOfComma() {
    assertThatThrownBy(() -> defaults.overriddenBy("ours.properties",
        "non-returnable.categories = underwear perishables\n"))
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                "ours.properties:1: non-returnable.categories: 'underwear perishables' reads as "
                    + "one category with a space in it; separate categories with commas "
                    + "('underwear, perishables'), or declare it in setting categories if it "
                    + "is one"));

    PolicySettings declared = defaults.overriddenBy("ours.properties", """
        categories = kitchen & dining, underwear, perishables, apparel
        non-returnable.categories = Kitchen & Dining
        """);
    assertThat(declared.isNonReturnable("kitchen & dining")).isTrue();
    assertThat(declared.declaredCategories())
        .containsExactly("kitchen & dining", "underwear", "perishables", "apparel");
  }

  @Test
  @DisplayName("warn, with file and line and 'did you mean', of a category no product has: a "
      + "near miss of a default's, or any not declared once the shop declares its categories")
  void unknownCategories() {
    PolicySettings typo = defaults.overriddenBy("ours.properties", """
        return-window.days.electronic = 14
        hygiene.categories += swimsuits
        """);
    assertThat(typo.warnings()).extracting(RuleProblem::toString).containsExactly(
        "ours.properties:1: return-window.days.electronic: 'electronic' is no category the "
            + "settings know; did you mean 'electronics'? (declare the shop's categories in "
            + "setting categories to have every name checked)");

    PolicySettings declared = typo.overriddenBy("shop.properties",
        "categories = electronics, swimsuit, apparel, underwear, perishables, furniture, toys, "
            + "swimwear, appliances\n");
    assertThat(declared.warnings()).extracting(RuleProblem::toString).containsExactly(
        "ours.properties:2: hygiene.categories: 'swimsuits' is not one of the shop's "
            + "categories (setting categories); did you mean 'swimsuit'?",
        "ours.properties:1: return-window.days.electronic: 'electronic' is not one of the "
            + "shop's categories (setting categories); did you mean 'electronics'?");
    assertThat(defaults.warnings()).isEmpty();
  }
}
