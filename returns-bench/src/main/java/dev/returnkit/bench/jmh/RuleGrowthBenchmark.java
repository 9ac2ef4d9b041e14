package dev.returnkit.bench.jmh;

import dev.returnkit.bench.decision.CaseGenerator;
import dev.returnkit.bench.decision.DecisionCase;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.rules.DroolsPolicies;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Eligibility throughput on Drools as the rule set grows: the defaults, then with 100 and 300
 * generated rules of the shape policy owners add most (a category's own window or exclusion),
 * and as the batch grows. The generated rules name categories no case has, so every decision
 * stays the same and only the cost of carrying the rules shows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RuleGrowthBenchmark {

  @Param({"0", "100", "300"})
  int addedRules;

  @Param({"1", "100", "10000"})
  int batch;

  private DroolsPolicies policies;
  private Rotation<EligibilityFacts> batches;

  /** Builds the rule set and the batches. */
  @Setup
  public void setUp() {
    policies = addedRules == 0 ? DroolsPolicies.defaults()
        : DroolsPolicies.builder().add("dev/returnkit/rules/bench/generated.drl",
            generatedRules(addedRules)).build();
    batches = new Rotation<>(CaseGenerator.generate(DecisionBenchmark.CASES, 2026).stream()
        .map(DecisionCase::eligibility).toList(), batch);
  }

  /**
   * Decides the eligibility of the next batch.
   *
   * @return the decisions
   */
  @Benchmark
  public List<EligibilityDecision> decideBatch() {
    return policies.decideEligibility(batches.next());
  }

  /**
   * Rules like a policy owner's: half give a category its own return window, half exclude a
   * category from returns.
   *
   * @param count how many
   * @return the DRL
   */
  static String generatedRules(int count) {
    StringBuilder drl = new StringBuilder("""
        package dev.returnkit.rules.bench;

        import dev.returnkit.rules.fact.EligibilityLine;
        import dev.returnkit.rules.fact.Verdict;
        """);
    for (int i = 0; i < count; i++) {
      if (i % 2 == 0) {
        drl.append("""

            rule "window-category-%1$d"
            when
                $line : EligibilityLine( category == "generated-%1$d", delivered,
                                         daysSinceDelivery > %2$d )
            then
                insert(Verdict.reject($line, "RETURN_WINDOW_EXPIRED"));
            end
            """.formatted(i, 7 + i % 60));
      } else {
        drl.append("""

            rule "excluded-category-%1$d"
            when
                $line : EligibilityLine( category == "generated-%1$d" )
            then
                insert(Verdict.reject($line, "NON_RETURNABLE"));
            end
            """.formatted(i));
      }
    }
    return drl.toString();
  }
}
