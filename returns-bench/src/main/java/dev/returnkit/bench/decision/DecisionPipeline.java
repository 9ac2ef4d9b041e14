package dev.returnkit.bench.decision;

import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.warehouse.DispositionDecision;
import dev.returnkit.core.warehouse.DispositionFacts;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.core.warehouse.LiabilityFacts;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.engine.RuleDecisions;
import dev.returnkit.rules.engine.RuleEngine;
import dev.returnkit.rules.settings.PolicySettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes cases through the four default decisions on one engine: eligibility, liability,
 * disposition and settlement, each as one batch. Drools goes through {@link DroolsPolicies}
 * exactly as a host would; plain Java and Easy Rules through the same {@link RuleDecisions}, so
 * fact building and the reading of outcomes cost the same for those three and only the rules
 * differ; the lean floor ({@link LeanRules}) decides case by case with none of that.
 * Thread-safe.
 */
public final class DecisionPipeline {

  private final Engine engine;
  private final DroolsPolicies drools;
  private final RuleEngine rules;
  private final LeanRules lean;

  private DecisionPipeline(Engine engine, DroolsPolicies drools, RuleEngine rules,
      LeanRules lean) {
    this.engine = engine;
    this.drools = drools;
    this.rules = rules;
    this.lean = lean;
  }

  /**
   * The settings every engine decides with: the defaults, with advance exchanges switched on
   * (off by default), so that every default rule is at work in the benchmarks and the
   * cross-check.
   */
  public static final PolicySettings SETTINGS = PolicySettings.defaults()
      .with(PolicySettings.ADVANCE_EXCHANGE_LIMIT, "EUR 500.00, USD 500.00, GBP 450.00");

  /**
   * The default rules with {@link #SETTINGS}, precompiled as shipped.
   *
   * @return the Drools policies
   */
  public static DroolsPolicies drools() {
    return DroolsPolicies.builder().settings(SETTINGS).build();
  }

  /**
   * A pipeline with the default policy and {@link #SETTINGS}.
   *
   * @param engine which engine decides
   * @return the pipeline
   */
  public static DecisionPipeline of(Engine engine) {
    return switch (engine) {
      case DROOLS -> new DecisionPipeline(engine, drools(), null, null);
      case JAVA -> new DecisionPipeline(engine, null, new JavaRules(SETTINGS), null);
      case LEAN -> new DecisionPipeline(engine, null, null, new LeanRules(SETTINGS));
      case EASY_RULES -> new DecisionPipeline(engine, null, new EasyRulesEngine(SETTINGS),
          null);
    };
  }

  /**
   * The engine.
   *
   * @return which engine decides
   */
  public Engine engine() {
    return engine;
  }

  /**
   * Decides a batch of cases: four rule runs, one per decision.
   *
   * @param cases the cases
   * @return their decisions, in order
   */
  public List<CaseDecisions> decide(List<DecisionCase> cases) {
    if (lean != null) {
      List<CaseDecisions> decisions = new ArrayList<>(cases.size());
      for (DecisionCase c : cases) {
        decisions.add(lean.decide(c));
      }
      return decisions;
    }
    List<EligibilityFacts> requests = new ArrayList<>(cases.size());
    List<LiabilityFacts> liability = new ArrayList<>(cases.size());
    List<DispositionFacts> disposition = new ArrayList<>(cases.size());
    List<SettlementFacts> settlement = new ArrayList<>(cases.size());
    for (DecisionCase c : cases) {
      requests.add(c.eligibility());
      liability.add(c.liability());
      disposition.add(c.disposition());
      settlement.add(c.settlement());
    }
    List<EligibilityDecision> e;
    List<LiabilityDecision> l;
    List<DispositionDecision> d;
    List<SettlementDecision> s;
    if (drools != null) {
      e = drools.decideEligibility(requests);
      l = drools.decideLiability(liability);
      d = drools.decideDisposition(disposition);
      s = drools.decideSettlement(settlement);
    } else {
      e = RuleDecisions.eligibility(rules, requests);
      l = RuleDecisions.liability(rules, liability);
      d = RuleDecisions.disposition(rules, disposition);
      s = RuleDecisions.settlement(rules, settlement);
    }
    List<CaseDecisions> decisions = new ArrayList<>(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      decisions.add(new CaseDecisions(e.get(i), l.get(i), d.get(i), s.get(i)));
    }
    return decisions;
  }
}
