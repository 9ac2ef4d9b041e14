package dev.returnkit.rules.engine;

import dev.returnkit.rules.fact.CaseFact;
import dev.returnkit.rules.fact.LineFact;
import dev.returnkit.rules.fact.LineKeyed;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * What one rule run did: which rules fired on which line's and case's facts, and the outcomes
 * they inserted, kept by line and by case, so that every outcome can name the rules behind it
 * without rule authors having to write rule names into their outcomes.
 *
 * <p>Outcomes and rules come out by salience (highest first), then by rule id, then as they
 * were inserted, never in the order Drools happened to fire them: with rules of equal salience,
 * which one's matches are evaluated first depends on what the shared rule base did before in the
 * JVM (seen in returnkit's demo: the same request gave its reason codes in either order from one
 * run to another, once the JIT compiled differently), and the rules' load order on how the rule
 * set was compiled. Sorting here makes a decision a function of its facts and rules alone, so
 * the same case always gets the same reason codes in the same order, and the same history
 * hash.
 *
 * <p>Line and case keys are the run's own numbers (0, 1, 2, ...), so everything is kept in
 * arrays indexed by them, one short list per line and per case: recording a firing costs a few
 * array writes rather than hash-map lookups. Inputs are not kept; an outcome that belongs to no
 * case ({@link CaseFact}) is not kept either, since no decision reads it.
 *
 * <p>Engines other than Drools call {@link #recordFiring} and {@link #recordOutcome}, and get
 * their own order back. One instance per run; not thread-safe.
 */
public final class FiredRules extends DefaultAgendaEventListener
    implements RuleRuntimeEventListener {

  private static final String DEFAULT_PACKAGE_PREFIX = "dev.returnkit.rules.";

  private final RuleIds ruleIds;
  private final Keyed<String> lineRules = new Keyed<>();
  private final Keyed<String> caseRules = new Keyed<>();
  private final Keyed<Object> lineOutcomes = new Keyed<>();
  private final Keyed<Object> caseOutcomes = new Keyed<>();
  private long sequence;
  private int firingSalience;
  /** The rule firing now, null between firings. */
  private String firingRule;

  /** A record of one run, working out each rule's id as it fires. */
  public FiredRules() {
    this(new RuleIds());
  }

  /**
   * A record of one run of a rule set whose rule ids are known beforehand.
   *
   * @param ruleIds the rule set's ids
   */
  FiredRules(RuleIds ruleIds) {
    this.ruleIds = ruleIds;
  }

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
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    firingSalience = event.getMatch().getSalience();
    firingRule = ruleIds.of(event.getMatch().getRule());
    record(firingRule, event.getMatch().getObjects(), firingSalience, firingRule, sequence++);
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    firingRule = null;
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    // Inserted outside a firing: one of the run's inputs, which nothing reads back.
    if (firingRule != null) {
      keep(event.getObject(), firingSalience, firingRule);
    }
  }

  /**
   * Records that a rule fired on some facts: for engines other than Drools, which call it
   * where Drools' event would, in their own firing order.
   *
   * @param ruleId the rule's id, as {@link #idOf(String, String)} makes it
   * @param matched the facts the rule matched
   */
  public void recordFiring(String ruleId, List<?> matched) {
    // Other engines report in a firing order of their own, which is kept: one place for all.
    record(ruleId, matched, 0, "", sequence++);
  }

  /**
   * Records an outcome an engine other than Drools inserted, in its own firing order.
   *
   * @param outcome the outcome
   */
  public void recordOutcome(Object outcome) {
    keep(outcome, 0, "");
  }

  /** Records a firing on the lines and cases of its facts, at the agenda place given. */
  private void record(String ruleId, List<?> matched, int salience, String orderedBy, long at) {
    for (Object fact : matched) {
      if (fact instanceof LineFact line) {
        lineRules.at(line.lineKey()).addIfAbsent(ruleId, salience, orderedBy, at);
        caseRules.at(line.caseKey()).addIfAbsent(ruleId, salience, orderedBy, at);
      } else if (fact instanceof CaseFact c) {
        caseRules.at(c.caseKey()).addIfAbsent(ruleId, salience, orderedBy, at);
      }
    }
  }

  private void keep(Object outcome, int salience, String ruleId) {
    if (outcome instanceof LineKeyed line) {
      lineOutcomes.at(line.lineKey()).add(outcome, salience, ruleId, sequence++);
    } else if (outcome instanceof CaseFact c) {
      caseOutcomes.at(c.caseKey()).add(outcome, salience, ruleId, sequence++);
    }
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
   * The rules that fired on a line's facts, in agenda order.
   *
   * @param lineKey the line
   * @return the rule ids, a new list
   */
  public List<String> rulesOfLine(int lineKey) {
    return lineRules.items(lineKey);
  }

  /**
   * The rules that fired on any fact of a case, its lines' included, in agenda order.
   *
   * @param caseKey the case
   * @return the rule ids, a new list
   */
  public List<String> rulesOfCase(int caseKey) {
    return caseRules.items(caseKey);
  }

  /**
   * The outcomes rules inserted on a line ({@link LineKeyed}), in agenda order.
   *
   * @param lineKey the line
   * @return the outcomes, a new list
   */
  public List<Object> outcomesOfLine(int lineKey) {
    return lineOutcomes.items(lineKey);
  }

  /**
   * The outcomes rules inserted on a case as a whole (a {@link CaseFact} that is on no line),
   * in agenda order.
   *
   * @param caseKey the case
   * @return the outcomes, a new list
   */
  public List<Object> outcomesOfCase(int caseKey) {
    return caseOutcomes.items(caseKey);
  }

  /** One short agenda-ordered list per key, in an array that grows with the keys seen. */
  private static final class Keyed<T> {

    private AgendaOrdered<?>[] byKey = new AgendaOrdered<?>[16];

    @SuppressWarnings("unchecked")
    AgendaOrdered<T> at(int key) {
      if (key < 0) {
        throw new IllegalArgumentException("a case or line key is a run's own number, "
            + "0 or more, not " + key);
      }
      if (key >= byKey.length) {
        byKey = Arrays.copyOf(byKey, Math.max(key + 1, byKey.length * 2));
      }
      AgendaOrdered<?> items = byKey[key];
      if (items == null) {
        items = new AgendaOrdered<T>();
        byKey[key] = items;
      }
      return (AgendaOrdered<T>) items;
    }

    @SuppressWarnings("unchecked")
    List<T> items(int key) {
      AgendaOrdered<?> items = key >= 0 && key < byKey.length ? byKey[key] : null;
      return items == null ? new ArrayList<>() : ((AgendaOrdered<T>) items).items();
    }
  }
}
