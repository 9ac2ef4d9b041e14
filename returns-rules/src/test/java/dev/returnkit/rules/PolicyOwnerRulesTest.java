package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.request.CustomerHistory;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.request.RequestedLineFacts;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.PurchaseSummary;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The rule a policy owner first writes ("items in category luxury above EUR 500 go to review"),
 * as issue 13 found it hard: written with plain numbers, and each usual mistake reported in the
 * policy owner's words, with file and line.
 */
@DisplayName("A policy owner's own rule")
class PolicyOwnerRulesTest {

  private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
  private static final String HEAD = """
      package dev.returnkit.rules.eligibility;

      import dev.returnkit.rules.fact.EligibilityLine;
      import dev.returnkit.rules.fact.Verdict;

      """;

  private static String rule(String condition) {
    return HEAD + """
        rule "luxury-review"
        when
            $line : EligibilityLine( category == "luxury", %s )
        then
            insert(Verdict.review($line, "LUXURY_REVIEW"));
        end
        """.formatted(condition);
  }

  @Test
  @DisplayName("compares amounts as plain numbers in the case's currency, or in one currency")
  void plainNumbers() {
    DroolsPolicies inCaseCurrency = DroolsPolicies.builder()
        .add("eligibility/luxury-review.drl", rule("amount > 500")).build();
    DroolsPolicies inEuros = DroolsPolicies.builder()
        .add("eligibility/luxury-review.drl", rule("valueIn(\"EUR\") > 500")).build();

    assertThat(decide(inCaseCurrency, "600.00", "EUR").verdict())
        .isEqualTo(LineVerdict.IN_REVIEW);
    assertThat(decide(inCaseCurrency, "400.00", "EUR").verdict())
        .isEqualTo(LineVerdict.APPROVED);
    assertThat(decide(inEuros, "600.00", "EUR").rationale().reasonCodes())
        .contains("LUXURY_REVIEW");
    // USD 600 is not "above EUR 500": no rate is guessed (the high-value default still sends
    // a currency without a threshold to review, with its own code).
    assertThat(decide(inEuros, "600.00", "USD").rationale().reasonCodes())
        .doesNotContain("LUXURY_REVIEW");
  }

  @Test
  @DisplayName("without its import: names the line to add, at the line that needs it")
  void missingImport() {
    String drl = """
        package com.acme.returns;

        import dev.returnkit.rules.fact.Verdict;

        rule "luxury-review"
        when
            $line : EligibilityLine( category == "luxury" )
        then
            insert(Verdict.review($line, "LUXURY_REVIEW"));
        end
        """;

    assertProblem(drl, "eligibility/luxury-review.drl:7: 'EligibilityLine' is not imported in "
        + "this file: add the line 'import dev.returnkit.rules.fact.EligibilityLine;' below "
        + "its package line");
  }

  @Test
  @DisplayName("without its package line: names the line to write")
  void missingPackage() {
    String drl = """
        import dev.returnkit.rules.fact.EligibilityLine;
        import dev.returnkit.rules.fact.Verdict;

        rule "luxury-review"
        when
            $line : EligibilityLine( category == "luxury" )
        then
            insert(Verdict.review($line, "LUXURY_REVIEW"));
        end
        """;

    assertProblem(drl, "eligibility/luxury-review.drl:1: the file has no package line: start "
        + "it with 'package dev.returnkit.rules.eligibility;' (the decision's folder), then "
        + "its import lines");
  }

  @Test
  @DisplayName("comparing an amount with text or a number: says how amounts are compared")
  void amountComparedWithText() {
    String expected = "eligibility/luxury-review.drl:8: an amount is compared with a number or "
        + "text, but 'value' is money, with its currency: compare 'amount', a plain number in "
        + "the case's currency ('amount > 500'), or 'valueIn(\"EUR\") > 500' for cases in "
        + "euros only";
    assertProblem(rule("value > \"EUR 500.00\""), expected);
    assertProblem(rule("value > 500"), expected);
  }

  @Test
  @DisplayName("an unknown field: lists the fact's fields, with 'did you mean'")
  void unknownField() {
    String drl = HEAD + """
        rule "luxury-review"
        when
            $line : EligibilityLine( categori == "luxury" )
        then
            insert(Verdict.review($line, "LUXURY_REVIEW"));
        end
        """;

    assertThatThrownBy(() -> build(drl)).isInstanceOfSatisfying(InvalidRuleSetException.class,
        e -> assertThat(e.problems()).extracting(RuleProblem::toString).singleElement()
            .satisfies(problem -> assertThat(problem).startsWith(
                "eligibility/luxury-review.drl:8: EligibilityLine has no field 'categori'; did "
                    + "you mean 'category'? (its fields: caseKey, lineKey, lineId, category, ")
                .contains("amount").contains("daysSinceDelivery")));
  }

  @Test
  @DisplayName("an unknown fact: lists the facts, with 'did you mean'")
  void unknownFact() {
    String drl = HEAD + """
        rule "luxury-review"
        when
            $line : EligibilityLin( category == "luxury" )
        then
            insert(Verdict.review($line, "LUXURY_REVIEW"));
        end
        """;

    assertThatThrownBy(() -> build(drl)).isInstanceOfSatisfying(InvalidRuleSetException.class,
        e -> assertThat(e.problems()).extracting(RuleProblem::toString).singleElement()
            .satisfies(problem -> assertThat(problem).startsWith(
                "eligibility/luxury-review.drl:8: there is no fact or type 'EligibilityLin'; "
                    + "did you mean 'EligibilityLine'? (the facts and types rules use: "
                    + "EligibilityLine, EligibilityCase, ")));
  }

  @Test
  @DisplayName("a settlement rule compares what was paid as a plain number, or in one currency")
  void settlementAmounts() {
    String rule = """
        package dev.returnkit.rules.settlement;

        import dev.returnkit.rules.fact.SettlementLine;
        import dev.returnkit.rules.fact.SettlementMethod;
        import dev.returnkit.spi.vocabulary.Resolution;

        rule "dear-as-credit"
            salience 10
        when
            $line : SettlementLine( $key : lineKey, %s )
            not SettlementMethod( lineKey == $key )
        then
            insert(SettlementMethod.of($line, Resolution.STORE_CREDIT, "DEAR_AS_CREDIT"));
        end
        """;
    for (String condition : List.of("amount > 200", "paidIn(\"EUR\") > 200")) {
      DroolsPolicies policies = DroolsPolicies.builder()
          .add("settlement/dear-as-credit.drl", rule.formatted(condition)).build();

      assertThat(rulesFired(policies, "EUR 300.00")).as(condition)
          .contains("settlement/dear-as-credit").doesNotContain("settlement/method-as-requested");
      assertThat(rulesFired(policies, "EUR 150.00")).as(condition)
          .contains("settlement/method-as-requested");
      assertThat(rulesFired(policies, "USD 300.00")).as(condition).contains(
          condition.startsWith("amount") ? "settlement/dear-as-credit"
              : "settlement/method-as-requested");
    }
  }

  private static List<String> rulesFired(DroolsPolicies policies, String price) {
    return dev.returnkit.rules.verify.PolicyVerifier.verify(policies,
        dev.returnkit.rules.verify.ScenarioFile.parse("ours.csv", """
            case,category,price,delivered_days_ago,reason,grade,findings
            lamp,home,%s,5,DOES_NOT_FIT,A,SEAL_INTACT
            """.formatted(price)).get(0)).rulesFired();
  }

  @Test
  @DisplayName("categories declared by the host in code: a settings file naming another is "
      + "warned of, with file, line and the nearest category; a bad category is refused")
  void hostDeclaresCategories(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws java.io.IOException {
    java.nio.file.Path settings = dir.resolve("ours.properties");
    java.nio.file.Files.writeString(settings, "restocking-fee.percent = 10\n"
        + "hygiene.categories += swimwaer\n");

    DroolsPolicies policies = DroolsPolicies.builder().settingsFile(settings)
        .categories(java.util.List.of("apparel", "swimwear", "underwear", "cosmetics",
            "earbuds", "perishables", "gift-cards", "personalised", "electronics",
            "appliances", "furniture", "toys"))
        .build();

    assertThat(policies.warnings()).extracting(RuleProblem::toString).containsExactly(
        settings + ":2: hygiene.categories: 'swimwaer' is not one of the shop's categories "
            + "(setting categories); did you mean 'swimwear'?");
    assertThat(policies.settings().declaredCategories()).contains("apparel", "toys");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> DroolsPolicies.builder()
        .categories(java.util.List.of("apparel", "kitchen, dining")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a category is a name without commas, got 'kitchen, dining'");
  }

  private static void assertProblem(String drl, String expected) {
    assertThatThrownBy(() -> build(drl)).isInstanceOfSatisfying(InvalidRuleSetException.class,
        e -> assertThat(e.problems()).extracting(RuleProblem::toString)
            .containsExactly(expected));
  }

  private static DroolsPolicies build(String drl) {
    return DroolsPolicies.builder().add("eligibility/luxury-review.drl", drl).build();
  }

  private static LineEligibility decide(DroolsPolicies policies, String price, String currency) {
    OrderLine line = new OrderLine(OrderLineId.of("L-1"), Sku.of("BAG-1"), "luxury", 1,
        Money.of(price, currency), false);
    OrderSnapshot order = new OrderSnapshot(OrderId.of("O-1"), CustomerId.of("C-1"),
        line.paid().currency(), NOW.minus(Duration.ofDays(7)), NOW.minus(Duration.ofDays(5)),
        List.of(line), Money.of("4.95", currency), "PAY-1");
    return policies.policies().eligibility().decide(new EligibilityFacts(NOW, order,
        List.of(new RequestedLineFacts(line, 1, ReturnReason.CHANGED_MIND, Resolution.REFUND,
            null, 0, 0)),
        new CustomerHistory(CustomerId.of("C-1"), NOW.minus(Duration.ofDays(90)), 0, 0,
            PurchaseSummary.NONE))).lines().get(0);
  }
}
