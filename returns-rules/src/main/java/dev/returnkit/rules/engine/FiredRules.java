package dev.returnkit.rules.engine;

import dev.returnkit.rules.fact.CaseFact;
import dev.returnkit.rules.fact.LineFact;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;

/**
 * Records which rules fired for which line and case during one execution, from the facts each
 * match bound, so that every outcome can name the rules behind it without rule authors having
 * to write rule names into their outcomes; and every fact inserted, inputs first, then the
 * outcomes.
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
 * <p>Engines other than Drools call {@link #recordFiring} and {@link #recordInserted}, and get
 * their own order back. One instance per execution; not thread-safe.
 */
public final class FiredRules extends DefaultAgendaEventListener
    implements RuleRuntimeEventListener {

  private static final String DEFAULT_PACKAGE_PREFIX = "dev.returnkit.rules.";

  /** Where an insertion or a firing sits in the order outcomes are listed in. */
  private record Position(int salience, String ruleId, long sequence) {
    static final Comparator<Position> AGENDA_ORDER = Comparator
        .comparingInt((Position p) -> -p.salience())
        .thenComparing(Position::ruleId)
        .thenComparingLong(Position::sequence);
  }

  private record Inserted(Object fact, Position position) {}

  private final Map<String, Map<String, Position>> byLine = new HashMap<>();
  private final Map<String, Map<String, Position>> byCase = new HashMap<>();
  private final List<Object> inputs = new ArrayList<>();
  private final List<Inserted> outcomes = new ArrayList<>();
  private long sequence;
  private Position firing;

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
  public void beforeMatchFired(BeforeMatchFiredEvent event) {
    firing = new Position(event.getMatch().getSalience(), idOf(event.getMatch().getRule()),
        sequence++);
  }

  @Override
  public void afterMatchFired(AfterMatchFiredEvent event) {
    record(idOf(event.getMatch().getRule()), event.getMatch().getObjects(), firing);
    firing = null;
  }

  @Override
  public void objectInserted(ObjectInsertedEvent event) {
    recordInserted(event.getObject());
  }

  /**
   * Records that a rule fired on some facts: for engines other than Drools, which call it
   * where Drools' event would, in their own firing order.
   *
   * @param ruleId the rule's id, as {@link #idOf(String, String)} makes it
   * @param matched the facts the rule matched
   */
  public void recordFiring(String ruleId, List<?> matched) {
    // Other engines report in a firing order of their own, which is kept: one rule id for all.
    record(ruleId, matched, new Position(0, "", sequence++));
  }

  private void record(String ruleId, List<?> matched, Position position) {
    for (Object fact : matched) {
      if (fact instanceof LineFact line) {
        byLine.computeIfAbsent(line.lineKey(), k -> new HashMap<>())
            .putIfAbsent(ruleId, position);
        byCase.computeIfAbsent(line.caseKey(), k -> new HashMap<>())
            .putIfAbsent(ruleId, position);
      } else if (fact instanceof CaseFact c) {
        byCase.computeIfAbsent(c.caseKey(), k -> new HashMap<>()).putIfAbsent(ruleId, position);
      }
    }
  }

  /**
   * Records a fact as inserted: while a Drools rule fires, as its outcome; otherwise in the
   * order given (inputs, and the outcomes of engines other than Drools, which insert them in
   * their own firing order).
   *
   * @param fact an input or an outcome
   */
  public void recordInserted(Object fact) {
    if (firing == null) {
      inputs.add(fact);
    } else {
      outcomes.add(new Inserted(fact,
          new Position(firing.salience(), firing.ruleId(), sequence++)));
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
   * Every fact of the execution: the inputs as inserted, then the outcomes of Drools rules in
   * agenda order.
   *
   * @return the facts
   */
  public List<Object> inserted() {
    List<Object> all = new ArrayList<>(inputs.size() + outcomes.size());
    all.addAll(inputs);
    outcomes.stream().sorted(Comparator.comparing(Inserted::position, Position.AGENDA_ORDER))
        .forEach(outcome -> all.add(outcome.fact()));
    return all;
  }

  /**
   * The rules that fired on a line's facts, in agenda order.
   *
   * @param lineKey the line
   * @return the rule ids
   */
  public List<String> forLine(String lineKey) {
    return inAgendaOrder(byLine.get(lineKey));
  }

  /**
   * The rules that fired on any fact of a case, in agenda order.
   *
   * @param caseKey the case
   * @return the rule ids
   */
  public List<String> forCase(String caseKey) {
    return inAgendaOrder(byCase.get(caseKey));
  }

  private static List<String> inAgendaOrder(Map<String, Position> rules) {
    if (rules == null) {
      return new ArrayList<>();
    }
    return new ArrayList<>(rules.entrySet().stream()
        .sorted(Map.Entry.comparingByValue(Position.AGENDA_ORDER)).map(Map.Entry::getKey)
        .toList());
  }
}
