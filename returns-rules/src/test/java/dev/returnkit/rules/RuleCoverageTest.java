package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.rules.verify.PolicyVerifier;
import dev.returnkit.rules.verify.Scenario;
import dev.returnkit.rules.verify.ScenarioFile;
import dev.returnkit.rules.verify.VerificationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every default rule matters: switching any one of them off changes what at least one test case
 * decides. A rule no case notices is either dead or untested, and both are findings.
 *
 * <p>The cases are the shipped scenario file (the worked cases and one case per rule) plus
 * {@link #VARIANT}: a returnless refund for a customer's own reason, which only a shop that
 * counts such reasons as the seller's (a settings change) can see, and which is the one case
 * where the liability rule for returnless refunds differs from the seller-by-default rule; and
 * an advance exchange, off by default, on in the variant's settings.
 */
@DisplayName("Rule coverage")
class RuleCoverageTest {

  private static final String VARIANT = """
      case,category,price,delivered_days_ago,reason,resolution,shipping_paid
      returnless-customer-reason,apparel,EUR 12.00,5,CHANGED_MIND,REFUND,EUR 4.95
      advance-exchange,apparel,EUR 40.00,5,DOES_NOT_FIT,EXCHANGE,EUR 4.95
      """;

  private static List<Scenario> scenarios;
  private static List<Scenario> variantScenarios;
  private static List<VerificationReport.CaseResult> baseline;
  private static List<VerificationReport.CaseResult> variantBaseline;

  private static DroolsPolicies.Builder variantSettings(DroolsPolicies.Builder builder) {
    return builder.setting("seller-fault.reasons", "CHANGED_MIND, DEFECTIVE")
        .setting("advance-exchange.value-limit", "EUR 200.00");
  }

  @BeforeAll
  static void decideEverythingOnce() {
    scenarios = ScenarioFile.defaults();
    variantScenarios = ScenarioFile.parse("variant.csv", VARIANT);
    baseline = PolicyVerifier.verify(DroolsPolicies.defaults(), scenarios).cases();
    variantBaseline = PolicyVerifier.verify(variantSettings(DroolsPolicies.builder()).build(),
        variantScenarios).cases();
  }

  @Test
  @DisplayName("the shipped scenarios all pass with the default rules")
  void defaultsPass() {
    assertThat(baseline).allSatisfy(result ->
        assertThat(result.mismatches()).as(result.scenario().name()).isEmpty());
    assertThat(variantBaseline.get(0).actual().liability()).hasToString("SELLER");
  }

  @Test
  @DisplayName("switching off any one default rule changes at least one case's outcome")
  void everyRuleIsNoticed() {
    List<String> unnoticed = new ArrayList<>();
    for (String ruleId : DroolsPolicies.defaultRuleIds()) {
      List<VerificationReport.CaseResult> without = PolicyVerifier.verify(
          DroolsPolicies.builder().disable(ruleId).build(), scenarios).cases();
      List<VerificationReport.CaseResult> variantWithout = PolicyVerifier.verify(
          variantSettings(DroolsPolicies.builder()).disable(ruleId).build(),
          variantScenarios).cases();
      if (!changed(baseline, without) && !changed(variantBaseline, variantWithout)) {
        unnoticed.add(ruleId);
      }
    }
    assertThat(DroolsPolicies.defaultRuleIds()).hasSizeGreaterThan(30);
    assertThat(unnoticed).as("rules no test case notices").isEmpty();
  }

  private static boolean changed(List<VerificationReport.CaseResult> before,
      List<VerificationReport.CaseResult> after) {
    for (int i = 0; i < before.size(); i++) {
      if (!Objects.equals(before.get(i).actual(), after.get(i).actual())) {
        return true;
      }
    }
    return false;
  }
}
