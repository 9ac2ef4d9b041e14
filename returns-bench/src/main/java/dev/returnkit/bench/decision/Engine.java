package dev.returnkit.bench.decision;

/** The ways the benchmarks decide with returnkit's default policy. */
public enum Engine {
  /** The DRL rules on Drools, precompiled: what returnkit ships. */
  DROOLS,
  /**
   * The same policy by hand in plain Java behind returnkit's rule glue ({@link JavaRules}): the
   * fact building and outcome reading Drools has, with no engine.
   */
  JAVA,
  /**
   * The same policy by hand straight over the core's facts ({@link LeanRules}), no rule facts
   * and no glue: the floor.
   */
  LEAN,
  /** The same policy on Easy Rules ({@link EasyRulesEngine}): the alternative. */
  EASY_RULES
}
