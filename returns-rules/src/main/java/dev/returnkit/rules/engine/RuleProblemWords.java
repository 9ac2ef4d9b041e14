package dev.returnkit.rules.engine;

import dev.returnkit.rules.RuleProblem;
import dev.returnkit.rules.Spelling;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drools' messages about a rule file, said in a policy owner's words, with the file and line:
 * a type not imported names the import line to add; an unknown fact or field lists what there
 * is, with "did you mean"; an amount compared with a number or text says how amounts are
 * compared. Other messages pass unchanged. Stateless.
 */
final class RuleProblemWords {

  private static final Pattern NOT_FOUND = Pattern.compile("Unable to find class: (\\w+)");
  private static final Pattern LEFT_PART =
      Pattern.compile("Unable to parse left part of expression: (.+)");
  private static final Pattern FIRST_NAME = Pattern.compile("^\\s*!?\\s*(\\w+)");
  private static final Pattern PATTERN_START = Pattern.compile("(\\w+)\\s*\\(");
  private static final Pattern MONEY_COMPARED = Pattern.compile(
      "Found class dev\\.returnkit\\.spi\\.money\\.Money|\\(Class<Money>");
  private static final Pattern VALUE_COMPARISON =
      Pattern.compile("\\bvalue\\s*(?:[<>]=?|[!=]=)");

  private RuleProblemWords() {}

  /**
   * The problem in a policy owner's words, where it is one returnkit recognises.
   *
   * @param problem the problem as Drools reported it (located in a file where possible)
   * @param sources the DRL text by logical path, the host's changed files last
   * @return the problem to show
   */
  static RuleProblem explain(RuleProblem problem, Map<String, String> sources) {
    String message = problem.message();
    Matcher notFound = NOT_FOUND.matcher(message);
    if (notFound.find()) {
      return notImported(problem, notFound.group(1), sources.get(problem.file()));
    }
    Matcher leftPart = LEFT_PART.matcher(message);
    if (leftPart.find() && sources.containsKey(problem.file())) {
      return unknownField(problem, leftPart.group(1), sources.get(problem.file()))
          .orElse(problem);
    }
    if (MONEY_COMPARED.matcher(message).find()) {
      return amountCompared(problem, sources);
    }
    return problem;
  }

  private static RuleProblem notImported(RuleProblem problem, String name, String source) {
    int line = problem.line() > 0 || source == null ? problem.line()
        : firstUse(source, name);
    Optional<Class<?>> type = RuleVocabulary.type(name);
    if (type.isPresent()) {
      return new RuleProblem(problem.file(), line, "'" + name + "' is not imported in this "
          + "file: add the line 'import " + type.get().getName() + ";' below its package "
          + "line");
    }
    String hint = Spelling.closest(name, RuleVocabulary.types().keySet())
        .map(m -> "; did you mean '" + m + "'?").orElse("");
    return new RuleProblem(problem.file(), line, "there is no fact or type '" + name + "'"
        + hint + " (the facts and types rules use: "
        + String.join(", ", RuleVocabulary.types().keySet()) + ")");
  }

  private static Optional<RuleProblem> unknownField(RuleProblem problem, String expression,
      String source) {
    Matcher first = FIRST_NAME.matcher(expression);
    if (!first.find() || problem.line() <= 0) {
      return Optional.empty();
    }
    String field = first.group(1);
    Optional<Class<?>> fact = factBefore(source, problem.line());
    if (fact.isEmpty()) {
      return Optional.empty();
    }
    List<String> fields = RuleVocabulary.fieldsOf(fact.get());
    if (fields.contains(field)) {
      return Optional.empty();
    }
    String hint = Spelling.closest(field, fields).map(m -> "; did you mean '" + m + "'?")
        .orElse("");
    return Optional.of(new RuleProblem(problem.file(), problem.line(),
        fact.get().getSimpleName() + " has no field '" + field + "'" + hint + " (its fields: "
            + String.join(", ", fields) + ")"));
  }

  /** The fact whose pattern the line is in: the last "Fact(" on it or on a line above. */
  private static Optional<Class<?>> factBefore(String source, int line) {
    String[] lines = RuleSetCompiler.withoutComments(source).split("\r?\n", -1);
    for (int i = Math.min(line, lines.length) - 1; i >= 0; i--) {
      Matcher start = PATTERN_START.matcher(lines[i]);
      String last = null;
      while (start.find()) {
        if (RuleVocabulary.type(start.group(1)).isPresent()) {
          last = start.group(1);
        }
      }
      if (last != null) {
        return RuleVocabulary.type(last);
      }
    }
    return Optional.empty();
  }

  private static RuleProblem amountCompared(RuleProblem problem, Map<String, String> sources) {
    String file = problem.file();
    int line = problem.line();
    if (line == 0) {
      // Drools reports it in its generated Java: find the comparison, the host's files first.
      List<Map.Entry<String, String>> newestFirst = new ArrayList<>(sources.entrySet());
      Collections.reverse(newestFirst);
      for (Map.Entry<String, String> source : newestFirst) {
        String[] lines = RuleSetCompiler.withoutComments(source.getValue()).split("\r?\n", -1);
        for (int i = 0; i < lines.length && line == 0; i++) {
          if (VALUE_COMPARISON.matcher(lines[i]).find()) {
            file = source.getKey();
            line = i + 1;
          }
        }
        if (line > 0) {
          break;
        }
      }
    }
    return new RuleProblem(file, line, "an amount is compared with a number or text, but "
        + "'value' is money, with its currency: compare 'amount', a plain number in the "
        + "case's currency ('amount > 500'), or 'valueIn(\"EUR\") > 500' for cases in euros "
        + "only");
  }

  private static int firstUse(String source, String name) {
    Pattern use = Pattern.compile("\\b" + Pattern.quote(name) + "\\b");
    String[] lines = RuleSetCompiler.withoutComments(source).split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (!lines[i].strip().startsWith("import") && use.matcher(lines[i]).find()) {
        return i + 1;
      }
    }
    return 0;
  }
}
