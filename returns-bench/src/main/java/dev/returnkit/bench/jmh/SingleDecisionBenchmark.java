package dev.returnkit.bench.jmh;

import dev.returnkit.bench.decision.CaseGenerator;
import dev.returnkit.bench.decision.DecisionCase;
import dev.returnkit.bench.decision.DecisionPipeline;
import dev.returnkit.bench.decision.EasyRulesEngine;
import dev.returnkit.bench.decision.Engine;
import dev.returnkit.bench.decision.JavaRules;
import dev.returnkit.bench.decision.LeanRules;
import dev.returnkit.core.ReturnPolicies;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.rules.engine.RuleDecisions;
import dev.returnkit.rules.engine.RuleEngine;
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
 * One eligibility decision, as the facade asks for it when a customer requests a return: the
 * latency a shop's request sees. Sampled, so the results carry percentiles (p50, p99).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SingleDecisionBenchmark {

  @Param({"DROOLS", "JAVA", "LEAN", "EASY_RULES"})
  Engine engine;

  private ReturnPolicies drools;
  private RuleEngine rules;
  private LeanRules lean;
  private Rotation<DecisionCase> cases;

  /** Generates the cases and builds the engine. */
  @Setup
  public void setUp() {
    cases = new Rotation<>(CaseGenerator.generate(DecisionBenchmark.CASES, 2026), 1);
    switch (engine) {
      case DROOLS -> drools = DecisionPipeline.drools().policies();
      case JAVA -> rules = new JavaRules(DecisionPipeline.SETTINGS);
      case LEAN -> lean = new LeanRules(DecisionPipeline.SETTINGS);
      case EASY_RULES -> rules = new EasyRulesEngine(DecisionPipeline.SETTINGS);
    }
  }

  /**
   * Decides the next request.
   *
   * @return the decision
   */
  @Benchmark
  public EligibilityDecision decideOneRequest() {
    DecisionCase c = cases.next().get(0);
    if (drools != null) {
      return drools.eligibility().decide(c.eligibility());
    }
    return lean != null ? lean.eligibility(c.eligibility())
        : RuleDecisions.eligibility(rules, List.of(c.eligibility())).get(0);
  }
}
