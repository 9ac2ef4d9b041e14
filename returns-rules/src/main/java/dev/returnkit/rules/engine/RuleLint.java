package dev.returnkit.rules.engine;

import dev.returnkit.rules.RuleProblem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What in a policy owner's rules builds but cannot work as meant, found by reading them: a rule
 * that takes part in a one-per-line decision (liability, disposition, the way a line is
 * settled) without checking that no rule decided the line first, so that it competes with the
 * defaults and a line gets two; a rule that comes after the default that decides every line,
 * so that it never decides; and a rule in a decision's package that inserts no outcome at all.
 * Each is reported by the rule's id at its file and line, as a warning (the rules still build;
 * the verifier then shows what they do). Stateless.
 */
public final class RuleLint {

  private static final Pattern SALIENCE = Pattern.compile("\\bsalience\\s+(-?\\d+)");
  private static final Pattern INSERT = Pattern.compile("\\binsert(?:Logical)?\\s*\\(");
  private static final Pattern THEN = Pattern.compile("(?m)^\\s*then\\b");
  /** The packages whose rules decide something: a rule there inserts an outcome. */
  private static final List<String> DECISIONS = List.of("eligibility", "liability",
      "disposition", "settlement");

  /** A one-per-line decision: the outcome a rule inserts, and what it is called. */
  private record OneOutcome(String type, String decision) {
    Pattern inserted() {
      return Pattern.compile("\\b" + type + "\\s*\\.\\s*\\w+\\s*\\(");
    }

    Pattern guard() {
      return Pattern.compile("\\bnot\\s+(?:[\\w.]+\\.)?" + type + "\\s*\\(");
    }
  }

  private static final List<OneOutcome> ONE_PER_LINE = List.of(
      new OneOutcome("LiabilityFinding", "liability"),
      new OneOutcome("DispositionChoice", "disposition"),
      new OneOutcome("SettlementMethod", "settlement method"));

  private RuleLint() {}

  /** One rule's text, from its {@code rule} line to its {@code end}. */
  private record Block(String id, int line, String text) {
    /** Its conditions: up to {@code then}. */
    String when() {
      Matcher then = THEN.matcher(text);
      return then.find() ? text.substring(0, then.start()) : text;
    }

    /** Its actions: from {@code then} on. */
    String then() {
      Matcher then = THEN.matcher(text);
      return then.find() ? text.substring(then.start()) : "";
    }
  }

  /**
   * Finds the rules of the policy owner's files that compete with the defaults, never decide,
   * or decide nothing.
   *
   * @param defaults the default rule files still in force (not replaced), by path
   * @param own the files the policy owner replaced or added, by path (DRL, tables turned into
   *     DRL)
   * @return one warning per such rule, at its file and line
   */
  public static List<RuleProblem> warnings(Map<String, String> defaults,
      Map<String, String> own) {
    List<RuleProblem> warnings = new ArrayList<>();
    // The defaults are read once, not once per rule checked.
    Map<OneOutcome, Last> lasts = new HashMap<>();
    for (OneOutcome outcome : ONE_PER_LINE) {
      Last last = lastDefault(outcome, defaults);
      if (last != null) {
        lasts.put(outcome, last);
      }
    }
    for (Map.Entry<String, String> file : own.entrySet()) {
      for (Block rule : blocks(file.getValue())) {
        check(file.getKey(), rule, lasts, warnings);
      }
    }
    return warnings;
  }

  private static void check(String path, Block rule, Map<OneOutcome, Last> lasts,
      List<RuleProblem> warnings) {
    String decision = rule.id().substring(0, rule.id().lastIndexOf('/'));
    String then = rule.then();
    if (DECISIONS.contains(decision) && !INSERT.matcher(then).find()) {
      warnings.add(new RuleProblem(path, rule.line(), "rule " + rule.id() + " decides "
          + "nothing: a rule decides by inserting an outcome (Verdict.reject(...), "
          + "LiabilityFinding.of(...), ...) after 'then'"));
      return;
    }
    for (OneOutcome outcome : ONE_PER_LINE) {
      if (!outcome.inserted().matcher(then).find()) {
        continue;
      }
      if (!outcome.guard().matcher(rule.when()).find()) {
        warnings.add(new RuleProblem(path, rule.line(), "rule " + rule.id() + " decides a "
            + "line's " + outcome.decision() + " without checking that no rule did first, so "
            + "it competes with the defaults: a line a rule decided before it gets two and "
            + "cannot be decided. Add the condition 'not " + outcome.type() + "( lineKey == "
            + "$key )' (with $key : lineKey on the line), and a salience above the default it "
            + "should come before"));
        continue;
      }
      Last last = lasts.get(outcome);
      int salience = salienceOf(rule.text());
      if (last != null && !last.id().equals(rule.id()) && salience <= last.salience()) {
        warnings.add(new RuleProblem(path, rule.line(), "rule " + rule.id() + " never "
            + "decides: its salience " + salience + " is not above " + last.salience()
            + ", where the default " + last.id() + " has decided every line's "
            + outcome.decision() + "; give it a salience above " + last.salience()));
      }
    }
  }

  /** The default that decides a one-per-line outcome last, its salience and its file. */
  private record Last(String id, int salience, String file) {}

  /**
   * The shipped default rule of an outcome with the lowest salience, by which every line has
   * one (seller-by-default for liability, method-as-requested for the settlement method; for
   * disposition, needs-work, the last grade to be covered), or {@code null} when its file was
   * replaced (the policy owner's file may decide differently).
   */
  private static Last lastDefault(OneOutcome outcome, Map<String, String> inForce) {
    Last last = null;
    for (Map.Entry<String, String> file : DefaultRules.sources().entrySet()) {
      for (Block rule : blocks(file.getValue())) {
        int salience = salienceOf(rule.text());
        if (outcome.inserted().matcher(rule.then()).find()
            && (last == null || salience < last.salience())) {
          last = new Last(rule.id(), salience, file.getKey());
        }
      }
    }
    return last != null && inForce.containsKey(last.file()) ? last : null;
  }

  private static int salienceOf(String rule) {
    Matcher salience = SALIENCE.matcher(rule);
    OptionalInt value = salience.find() ? OptionalInt.of(Integer.parseInt(salience.group(1)))
        : OptionalInt.empty();
    return value.orElse(0);
  }

  /** Every rule of a DRL text, comments left out, with its id and line. */
  private static List<Block> blocks(String drl) {
    String text = RuleSetCompiler.withoutComments(drl);
    String[] lines = text.split("\r?\n", -1);
    List<Block> blocks = new ArrayList<>();
    for (RuleSetCompiler.WrittenRule rule : RuleSetCompiler.rulesWritten(drl)) {
      StringBuilder body = new StringBuilder();
      for (int i = rule.line() - 1; i < lines.length; i++) {
        body.append(lines[i]).append('\n');
        if (i > rule.line() - 1 && lines[i].strip().equals("end")) {
          break;
        }
      }
      blocks.add(new Block(FiredRules.idOf(rule.packageName(), rule.name()), rule.line(),
          body.toString()));
    }
    return blocks;
  }
}
