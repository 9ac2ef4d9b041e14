package dev.returnkit.rules.engine;

import dev.returnkit.rules.fact.CaseFact;
import dev.returnkit.rules.fact.LineFact;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Records which rules fired for which line and case during one execution, from the facts each
 * match bound, so that every outcome can name the rules behind it without rule authors having
 * to write rule names into their outcomes. Also records every fact in the order it was
 * inserted, so outcomes (and their reason codes) come out in firing order, the same every time.
 * One instance per execution; not thread-safe.
 */
public final class FiredRules extends DefaultAgendaEventListener
    implements RuleRuntimeEventListener {

  private static final String DEFAULT_PACKAGE_PREFIX = "dev.returnkit.rules.";

  private final Map<String, Set<String>> byLine = new HashMap<>();
  private final Map<String, Set<String>> byCase = new HashMap<>();
  private final List<Object> inserted = new ArrayList<>();

  /** A listener for one execution. */
  public FiredRules() {}

  /**
   * The id rules are known by: {@code eligibility/return-window} for returnkit's own rules,
   * {@code com.acme.returns/my-rule} for a host's.
   *
   * @param rule the rule
   * @return its id
   */
  public static String idOf(Rule rule) {
    return idOf(rule.getPackageName(), rule.getName());
  }

  /**
   * The id of a rule by package and name.
   *
   * @param packageName the DRL package
   * @param ruleName the rule's name
   * @return its id
   */
  public static String idOf(String packageName, String ruleName) {
    String pkg = packageName.startsWith(DEFAULT_PACKAGE_PREFIX)
        ? packageName.substring(DEFAULT_PACKAGE_PREFIX.length()) : packageName;
    return pkg + "/" + ruleName;
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    recordFiring(idOf(event.getMatch().getRule()), event.getMatch().getObjects());
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    recordInserted(event.getObject());
  }

  /**
   * Records that a rule fired on some facts: for engines other than Drools, which call it
   * where Drools' event would.
   *
   * @param ruleId the rule's id, as {@link #idOf(String, String)} makes it
   * @param matched the facts the rule matched
   */
  public void recordFiring(String ruleId, List<?> matched) {
    for (Object fact : matched) {
      if (fact instanceof LineFact line) {
        byLine.computeIfAbsent(line.lineKey(), k -> new LinkedHashSet<>()).add(ruleId);
        byCase.computeIfAbsent(line.caseKey(), k -> new LinkedHashSet<>()).add(ruleId);
      } else if (fact instanceof CaseFact c) {
        byCase.computeIfAbsent(c.caseKey(), k -> new LinkedHashSet<>()).add(ruleId);
      }
    }
  }

  /**
   * Records a fact as inserted, in order.
   *
   * @param fact an input or an outcome
   */
  public void recordInserted(Object fact) {
    inserted.add(fact);
  }

  @Override
  public void objectUpdated(ObjectUpdatedEvent event) {
    // Rules insert outcomes; they never change facts.
  }

  @Override
  public void objectDeleted(ObjectDeletedEvent event) {
    // Nothing is retracted in a decision run.
  }

  /**
   * Every fact of the execution, inputs first, then outcomes in the order rules inserted them.
   *
   * @return the facts
   */
  public List<Object> inserted() {
    return inserted;
  }

  /**
   * The rules that fired on a line's facts, in firing order.
   *
   * @param lineKey the line
   * @return the rule ids
   */
  public List<String> forLine(String lineKey) {
    return new ArrayList<>(byLine.getOrDefault(lineKey, Set.of()));
  }

  /**
   * The rules that fired on any fact of a case, in firing order.
   *
   * @param caseKey the case
   * @return the rule ids
   */
  public List<String> forCase(String caseKey) {
    return new ArrayList<>(byCase.getOrDefault(caseKey, Set.of()));
  }
}
