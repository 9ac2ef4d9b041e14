package dev.returnkit.bench.decision;

import dev.returnkit.core.policy.Rationale;
import dev.returnkit.rules.DroolsPolicies;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Runs every engine on the same generated cases and demands identical decisions before
 * anything is timed: a benchmark of engines that decide differently would compare nothing.
 *
 * <p>Decisions are compared whole (verdicts, returnless grants, who pays, liability,
 * disposition, every amount, reason codes and the rules that fired), except for the order of
 * reason codes and rule names within one rationale: Drools orders rules of equal salience as it
 * likes, and that order means nothing. Also demands that the cases made every default rule
 * fire, so no rule goes unchecked.
 */
public final class CrossCheck {

  private CrossCheck() {}

  /**
   * What the check found.
   *
   * @param cases how many cases were compared
   * @param rulesFired how many of the default rules fired on them
   */
  public record Result(int cases, int rulesFired) {}

  /**
   * Compares the engines.
   *
   * @param cases the cases
   * @param batchSize how many cases each engine decides per run
   * @return what was compared
   * @throws IllegalStateException at the first case the engines decide differently, or if a
   *     default rule never fired
   */
  public static Result run(List<DecisionCase> cases, int batchSize) {
    List<List<CaseDecisions>> byEngine = new ArrayList<>();
    for (Engine engine : Engine.values()) {
      DecisionPipeline pipeline = DecisionPipeline.of(engine);
      List<CaseDecisions> decisions = new ArrayList<>(cases.size());
      for (int from = 0; from < cases.size(); from += batchSize) {
        decisions.addAll(pipeline.decide(cases.subList(from,
            Math.min(cases.size(), from + batchSize))));
      }
      byEngine.add(decisions);
    }
    SortedSet<String> fired = new TreeSet<>();
    for (int i = 0; i < cases.size(); i++) {
      String drools = canonical(byEngine.get(0).get(i));
      for (int e = 1; e < Engine.values().length; e++) {
        String other = canonical(byEngine.get(e).get(i));
        if (!drools.equals(other)) {
          throw new IllegalStateException("case " + i + " ("
              + cases.get(i).liability().returnId() + ") is decided differently by "
              + Engine.DROOLS + " and " + Engine.values()[e] + ":\n  " + drools + "\n  "
              + other);
        }
      }
      collectRules(byEngine.get(0).get(i), fired);
    }
    SortedSet<String> never = new TreeSet<>(DroolsPolicies.defaultRuleIds());
    never.removeAll(fired);
    if (!never.isEmpty()) {
      throw new IllegalStateException("the generated cases never made these default rules "
          + "fire, so the check says nothing about them: " + never);
    }
    return new Result(cases.size(), fired.size());
  }

  /** The decision as text, with each rationale's codes and rules sorted. */
  static String canonical(Object value) {
    StringBuilder text = new StringBuilder(512);
    write(text, value);
    return text.toString();
  }

  private static void write(StringBuilder text, Object value) {
    if (value instanceof Rationale rationale) {
      text.append("Rationale").append(new TreeSet<>(rationale.reasonCodes()))
          .append(new TreeSet<>(rationale.rules()));
    } else if (value instanceof List<?> list) {
      text.append('[');
      for (Object item : list) {
        write(text, item);
        text.append(',');
      }
      text.append(']');
    } else if (value instanceof Record record && !(value instanceof dev.returnkit.spi.money.Money)
        && !record.getClass().getPackageName().startsWith("dev.returnkit.spi.id")) {
      text.append(record.getClass().getSimpleName()).append('(');
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        text.append(component.getName()).append('=');
        write(text, valueOf(component, record));
        text.append(' ');
      }
      text.append(')');
    } else {
      text.append(value);
    }
  }

  private static void collectRules(Object value, SortedSet<String> rules) {
    if (value instanceof Rationale rationale) {
      rules.addAll(rationale.rules());
    } else if (value instanceof List<?> list) {
      list.forEach(item -> collectRules(item, rules));
    } else if (value instanceof Record record) {
      for (RecordComponent component : record.getClass().getRecordComponents()) {
        collectRules(valueOf(component, record), rules);
      }
    }
  }

  private static Object valueOf(RecordComponent component, Record record) {
    try {
      return component.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component, e);
    }
  }
}
