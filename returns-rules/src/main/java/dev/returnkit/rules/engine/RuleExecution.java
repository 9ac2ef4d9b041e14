package dev.returnkit.rules.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The result of one run of a rule engine: every fact afterwards (inputs and the outcomes rules
 * inserted) and the rules that fired. Not thread-safe; one per run.
 *
 * @param facts every fact, inputs first, then outcomes in the order they were inserted
 * @param fired which rules fired for which line and case
 */
public record RuleExecution(Collection<?> facts, FiredRules fired) {

  /**
   * The facts of one type.
   *
   * @param type the outcome type
   * @param <T> the type
   * @return those facts, in insertion order
   */
  public <T> List<T> all(Class<T> type) {
    List<T> matching = new ArrayList<>();
    for (Object fact : facts) {
      if (type.isInstance(fact)) {
        matching.add(type.cast(fact));
      }
    }
    return matching;
  }
}
