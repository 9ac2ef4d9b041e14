package dev.returnkit.bench.jmh;

import dev.returnkit.rules.engine.DefaultRules;
import dev.returnkit.rules.engine.FiredRules;
import dev.returnkit.rules.engine.RuleSet;
import dev.returnkit.rules.settings.PolicySettings;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What a Drools decision costs before it decides anything, for measuring a decision by
 * difference (JFR under-samples Drools' frames): a pooled session of the default rule base
 * taken and handed back, and a whole run of the default rule set over no facts (the session,
 * the listeners, the settings fact, firing, the reset). A decision's time less the empty run's
 * is Drools inserting the request's facts, evaluating them and firing, plus the glue.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RuleRunBenchmark {

  private RuleSet rules;
  private KieSessionsPool pool;
  private KieSessionConfiguration configuration;

  /** Builds the default rule set and a session pool of the same rule base. */
  @Setup
  public void setUp() {
    KieBase defaults = DefaultRules.precompiled();
    rules = new RuleSet(defaults, Set.of(), PolicySettings.defaults(), "defaults");
    pool = defaults.newKieSessionsPool(0);
    configuration = KieServices.get().newKieSessionConfiguration();
    configuration.setOption(KeepReferenceOption.NO);
  }

  /**
   * A run of the default rules over no facts but the settings.
   *
   * @return what fired (nothing)
   */
  @Benchmark
  public FiredRules emptyRun() {
    return rules.run(List.of());
  }

  /**
   * A pooled session taken and handed back (its reset), nothing else.
   *
   * @return how many facts it held (none)
   */
  @Benchmark
  public long pooledSession() {
    KieSession session = pool.newKieSession(configuration);
    long facts = session.getFactCount();
    session.dispose();
    return facts;
  }
}
