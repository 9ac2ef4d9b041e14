package dev.returnkit.bench.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.core.warehouse.LineLiability;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.engine.RuleDecisions;
import dev.returnkit.rules.engine.RuleEngine;
import dev.returnkit.rules.fact.EligibilityCase;
import dev.returnkit.spi.vocabulary.Liability;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The cross-check of the engines")
class CrossCheckTest {

  @Test
  @DisplayName("finds Drools, plain Java (glued and lean) and Easy Rules deciding alike, "
      + "every rule fired")
  void enginesAgree() {
    CrossCheck.Result result = CrossCheck.run(CaseGenerator.generate(3000, 42), 250);

    assertThat(result.cases()).isEqualTo(3000);
    assertThat(result.rulesFired()).isEqualTo(DroolsPolicies.defaultRuleIds().size());
  }

  @Test
  @DisplayName("catches a difference: the same cases with one engine's outcome changed")
  void catchesADifference() {
    List<DecisionCase> cases = CaseGenerator.generate(200, 7);
    CaseDecisions drools = DecisionPipeline.of(Engine.DROOLS).decide(cases).get(0);
    CaseDecisions java = DecisionPipeline.of(Engine.JAVA).decide(cases).get(0);
    LineLiability first = java.liability().lines().get(0);
    Liability other = first.liability() == Liability.SELLER ? Liability.CUSTOMER
        : Liability.SELLER;
    CaseDecisions changed = new CaseDecisions(java.eligibility(), new LiabilityDecision(
        List.of(new LineLiability(first.orderLineId(), other, first.rationale()))),
        java.disposition(), java.settlement());

    assertThat(CrossCheck.canonical(java)).isEqualTo(CrossCheck.canonical(drools));
    assertThat(CrossCheck.canonical(changed)).isNotEqualTo(CrossCheck.canonical(drools));
  }

  @Test
  @DisplayName("a large batch is decided in runs of at most 200 cases, as if one by one")
  void largeBatchesInRuns() {
    List<DecisionCase> cases = CaseGenerator.generate(450, 3);
    List<Integer> runSizes = new ArrayList<>();
    JavaRules java = new JavaRules(DecisionPipeline.SETTINGS);
    RuleEngine counting = facts -> {
      runSizes.add((int) facts.stream().filter(f -> f instanceof EligibilityCase).count());
      return java.run(facts);
    };

    List<EligibilityDecision> batched = RuleDecisions.eligibility(counting,
        cases.stream().map(DecisionCase::eligibility).toList());
    List<CaseDecisions> drools = DecisionPipeline.of(Engine.DROOLS).decide(cases);

    assertThat(runSizes).containsExactly(RuleDecisions.CASES_PER_RUN,
        RuleDecisions.CASES_PER_RUN, 50);
    for (int i = 0; i < cases.size(); i++) {
      CaseDecisions alone = DecisionPipeline.of(Engine.DROOLS).decide(List.of(cases.get(i)))
          .get(0);
      assertThat(CrossCheck.canonical(drools.get(i))).as("case %d", i)
          .isEqualTo(CrossCheck.canonical(alone));
      assertThat(CrossCheck.canonical(batched.get(i)))
          .isEqualTo(CrossCheck.canonical(alone.eligibility()));
    }
  }

  @Test
  @DisplayName("refuses cases that leave a default rule unfired")
  void demandsCoverage() {
    assertThatIllegalStateException()
        .isThrownBy(() -> CrossCheck.run(CaseGenerator.generate(5, 1), 5))
        .withMessageContaining("never made these default rules fire");
  }
}
