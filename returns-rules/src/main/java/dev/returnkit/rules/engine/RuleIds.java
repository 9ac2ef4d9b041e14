package dev.returnkit.rules.engine;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The id of every rule of one KieBase, worked out once when the rule set is built rather than
 * from the rule's package and name on every firing (a substring and a concatenation each time,
 * several times per line). Immutable after construction, so thread-safe.
 */
final class RuleIds {

  private final Map<Rule, String> ids = new IdentityHashMap<>();

  /**
   * The ids of a KieBase's rules.
   *
   * @param kieBase the rules
   */
  RuleIds(KieBase kieBase) {
    for (KiePackage pkg : kieBase.getKiePackages()) {
      for (Rule rule : pkg.getRules()) {
        ids.put(rule, FiredRules.idOf(rule));
      }
    }
  }

  /** No rules known beforehand: every id is worked out when asked. */
  RuleIds() {}

  /**
   * A rule's id.
   *
   * @param rule a rule of the KieBase (or any other, whose id is then worked out)
   * @return its id
   */
  String of(Rule rule) {
    String id = ids.get(rule);
    return id != null ? id : FiredRules.idOf(rule);
  }

  /**
   * Every id known beforehand.
   *
   * @return the ids, sorted, in a new set
   */
  SortedSet<String> sorted() {
    return new TreeSet<>(ids.values());
  }
}
