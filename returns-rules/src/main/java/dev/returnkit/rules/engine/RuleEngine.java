package dev.returnkit.rules.engine;

import java.util.Collection;

/**
 * Runs return rules once over the rule facts of one or many cases ({@code dev.returnkit.rules
 * .fact}): what {@link RuleDecisions} needs to turn the core's decision facts into decisions.
 * {@link RuleSet} is the Drools implementation; the benchmarks (returns-bench) bring others,
 * the same policy without an engine and on another engine, which the same fact building and
 * the same reading of outcomes make directly comparable.
 *
 * <p>An implementation inserts outcome facts (a {@code Verdict}, a {@code LiabilityFinding},
 * ...) and records them, and which rules fired on which line's or case's facts, in the
 * {@link FiredRules} it returns. Implementations must be thread-safe.
 */
public interface RuleEngine {

  /**
   * Runs the rules once over some facts.
   *
   * @param facts the input facts; case and line keys numbered from 0 within the run
   * @return the outcomes and the rules that fired, by line and by case
   */
  FiredRules run(Collection<?> facts);
}
