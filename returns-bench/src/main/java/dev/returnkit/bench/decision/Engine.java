package dev.returnkit.bench.decision;

/** The three ways the benchmarks decide with returnkit's default policy. */
public enum Engine {
  /** The DRL rules on Drools, precompiled: what returnkit ships. */
  DROOLS,
  /** The same policy by hand in plain Java ({@link JavaRules}): the floor. */
  JAVA,
  /** The same policy on Easy Rules ({@link EasyRulesEngine}): the alternative. */
  EASY_RULES
}
