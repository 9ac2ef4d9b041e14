package dev.returnkit.rules.engine;

import dev.returnkit.rules.RuleInForce;
import dev.returnkit.rules.RuleInForce.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every rule of a rule set with where it is written and how it came to be there, read from the
 * DRL texts (the KieBase knows no file or line of a rule). Stateless.
 */
public final class RuleCatalogue {

  private RuleCatalogue() {}

  /**
   * The rules of a rule set.
   *
   * @param defaults the default DRL files by logical path
   * @param replacing the files that replace defaults, by the default's path
   * @param adding the files added
   * @param disabled the ids switched off
   * @return every rule, sorted by id, with the defaults no longer in force as removed
   */
  public static List<RuleInForce> of(Map<String, String> defaults,
      Map<String, String> replacing, Map<String, String> adding, Set<String> disabled) {
    Map<String, RuleInForce> byId = new LinkedHashMap<>();
    Map<String, RuleInForce> shipped = new LinkedHashMap<>();
    defaults.forEach((path, text) -> rulesIn(path, text, Status.DEFAULT)
        .forEach(rule -> shipped.put(rule.id(), rule)));
    for (Map.Entry<String, String> file : defaults.entrySet()) {
      String path = file.getKey();
      if (replacing.containsKey(path)) {
        for (RuleInForce rule : rulesIn(path, replacing.get(path), Status.REPLACED)) {
          byId.put(rule.id(), shipped.containsKey(rule.id()) ? rule
              : withStatus(rule, Status.ADDED));
        }
      } else {
        rulesIn(path, file.getValue(), Status.DEFAULT).forEach(r -> byId.put(r.id(), r));
      }
    }
    adding.forEach((path, text) -> rulesIn(path, text, Status.ADDED)
        .forEach(rule -> byId.put(rule.id(), rule)));
    List<RuleInForce> rules = new ArrayList<>();
    for (RuleInForce rule : byId.values()) {
      rules.add(disabled.contains(rule.id()) ? withStatus(rule, Status.DISABLED) : rule);
    }
    shipped.forEach((id, rule) -> {
      if (!byId.containsKey(id)) {
        rules.add(withStatus(rule, Status.REMOVED));
      }
    });
    rules.sort(Comparator.comparing(RuleInForce::id));
    return List.copyOf(rules);
  }

  /** The rules written in one DRL text, at their lines. */
  static List<RuleInForce> rulesIn(String path, String text, Status status) {
    List<RuleInForce> rules = new ArrayList<>();
    for (RuleSetCompiler.WrittenRule rule : RuleSetCompiler.rulesWritten(text)) {
      String id = FiredRules.idOf(rule.packageName(), rule.name());
      rules.add(new RuleInForce(id, path, rule.line(), id.substring(0, id.lastIndexOf('/')),
          status));
    }
    return rules;
  }

  private static RuleInForce withStatus(RuleInForce rule, Status status) {
    return new RuleInForce(rule.id(), rule.file(), rule.line(), rule.decision(), status);
  }
}
