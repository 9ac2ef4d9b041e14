package dev.returnkit.rules.table;

import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.rules.RuleInForce;
import dev.returnkit.rules.RuleProblem;
import dev.returnkit.rules.Spelling;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision table in a policy directory, turned into DRL: a {@code .drl.csv} or
 * {@code .drl.xlsx} file is the rule file its name has without the spreadsheet's extension, so
 * {@code disposition/grading.drl.csv} replaces the default {@code disposition/grading.drl} and
 * any other name adds its rules. Drools' decision-table compiler reads it (the optional
 * {@code drools-decisiontables} dependency; without it the table is reported, not ignored).
 *
 * <p>returnkit's tables are first-match, like its rule files: a row whose action gives a line
 * its disposition, liability, settlement method or restocking fee (the line bound as
 * {@code $line}) decides it only if no rule of a higher priority has ({@code not
 * DispositionChoice( lineKey == $line.lineKey )} and the like is added to every such row, so
 * no row needs that column), and {@code $settings} (the policy settings) is bound for the row's
 * conditions and actions. Other rows (eligibility verdicts, say) are taken as written.
 *
 * <p>A problem in the generated DRL is reported at the table's row (the spreadsheet's row
 * number; a CSV file's line), its sheet for a workbook, and the column whose cell the message
 * quotes. Immutable.
 */
public final class DecisionTable {

  private static final Pattern ROW = Pattern.compile("^// rule values at ([A-Z]+)(\\d+)");
  private static final Pattern RULE = Pattern.compile("^rule \"(.*)\"");
  private static final String COMPILER = "org.drools.decisiontable.SpreadsheetCompiler";
  private static final String FACTS = "dev.returnkit.rules.fact.";
  /**
   * The outcomes a line gets once: a row inserting one decides the line only if no row (or
   * rule) of a higher priority has.
   */
  private static final List<String> ONE_PER_LINE = List.of("DispositionChoice",
      "LiabilityFinding", "SettlementMethod", "RestockingFee");
  /** The line fact each such outcome is decided for. */
  private static final Map<String, String> LINE_FACT = Map.of(
      "DispositionChoice", "DispositionLine", "LiabilityFinding", "LiabilityLine",
      "SettlementMethod", "SettlementLine", "RestockingFee", "SettlementLine");

  private final String path;
  private final String drl;
  private final List<Spreadsheets.SheetCells> sheets;
  private final List<WrittenRow> rows;

  /**
   * A rule the table wrote: its DRL lines and text, its name and the spreadsheet row it came
   * from.
   */
  private record WrittenRow(int firstLine, int lastLine, String name, int row, String text,
      String sheet) {}

  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+");
  /** Drools' two ways of saying a cell's bare name is no value of the type before it. */
  private static final Pattern UNKNOWN_VALUE = Pattern.compile(
      "^Unknown field (\\w+) on class|^(\\w+) cannot be resolved or is not a field");
  private static final String VOCABULARY = "dev.returnkit.spi.vocabulary.";

  private DecisionTable(String path, String drl, List<Spreadsheets.SheetCells> sheets,
      List<WrittenRow> rows) {
    this.path = path;
    this.drl = drl;
    this.sheets = sheets;
    this.rows = rows;
  }

  /**
   * Whether a file is a decision table by its name.
   *
   * @param path a file's path
   * @return true for {@code .drl.csv} and {@code .drl.xlsx}
   */
  public static boolean isTable(String path) {
    String lower = path.toLowerCase(Locale.ROOT);
    return lower.endsWith(".drl.csv") || lower.endsWith(".drl.xlsx");
  }

  /**
   * Reads a decision table and turns it into DRL.
   *
   * @param path its logical path in the policy directory, e.g.
   *     {@code dev/returnkit/rules/disposition/grading.drl.csv}
   * @param content the file's bytes
   * @return the table
   * @throws InvalidRuleSetException if the decision-table libraries are missing, or the table
   *     cannot be read, or a row binds no {@code $line} for its first-match guard
   */
  public static DecisionTable read(String path, byte[] content) {
    return read(path, content, compilerPresent());
  }

  /** Reads a table, told whether the decision-table libraries are there (for a test). */
  static DecisionTable read(String path, byte[] content, boolean librariesPresent) {
    Objects.requireNonNull(path, "path");
    if (!librariesPresent) {
      throw new InvalidRuleSetException(List.of(new RuleProblem(path, 0, "decision tables "
          + "need Drools' decision-table compiler: add the dependency "
          + "org.drools:drools-decisiontables (the version of drools-engine) to the "
          + "application")));
    }
    boolean csv = path.toLowerCase(Locale.ROOT).endsWith(".csv");
    List<Spreadsheets.SheetDrl> generated;
    List<Spreadsheets.SheetCells> sheets;
    try {
      sheets = Spreadsheets.cells(content, csv);
      generated = Spreadsheets.toDrl(content, csv, sheets);
    } catch (RuntimeException e) {
      throw new InvalidRuleSetException(List.of(new RuleProblem(path, 0,
          "the table cannot be read: " + Objects.toString(e.getMessage(), e.toString()))));
    }
    List<RuleProblem> problems = new ArrayList<>();
    List<WrittenRow> rows = new ArrayList<>();
    String drl = firstMatch(generated, rows, problems, path);
    if (rows.isEmpty() && problems.isEmpty()) {
      problems.add(new RuleProblem(path, 0, "the table has no rules: it needs a 'RuleTable' "
          + "cell, a row of CONDITION and ACTION columns, and rows of values under them"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRuleSetException(problems);
    }
    return new DecisionTable(path, drl, sheets, rows);
  }

  /**
   * The path of the rule file this table is: its own without the spreadsheet's extension.
   *
   * @return e.g. {@code dev/returnkit/rules/disposition/grading.drl}
   */
  public String drlPath() {
    return path.substring(0, path.lastIndexOf('.'));
  }

  /**
   * The table's own path.
   *
   * @return e.g. {@code dev/returnkit/rules/disposition/grading.drl.csv}
   */
  public String path() {
    return path;
  }

  /**
   * The DRL the table stands for, first-match guards added.
   *
   * @return the DRL text
   */
  public String drl() {
    return drl;
  }

  /**
   * A problem reported in this table's DRL, moved to the table: its row, and its sheet and
   * column where they can be told.
   *
   * @param problem a problem whose source is {@link #drlPath()}
   * @return the problem at the table's row
   */
  public RuleProblem locate(RuleProblem problem) {
    WrittenRow written = problem.line() > 0 ? rowAt(problem.line())
        : rowNamedIn(problem.message());
    if (written == null) {
      return new RuleProblem(path, 0, problem.message());
    }
    StringBuilder where = new StringBuilder();
    Spreadsheets.SheetCells sheet = sheetOf(written);
    if (!sheet.name().equals("csv")) {
      where.append("sheet ").append(sheet.name()).append(", ");
    }
    String column = columnQuoted(sheet, written, problem.message());
    if (column != null) {
      where.append("column ").append(column).append(", ");
    }
    where.append("rule ").append(written.name()).append(": ");
    return new RuleProblem(path, written.row(), where + inTableWords(problem.message(),
        written.text()));
  }

  /**
   * A cell names a value of returnkit's vocabulary (a grade, a finding, a disposition) without
   * its type, so Drools' message about it is about a field: it is said in a table's words, with
   * the values there are and the nearest one.
   */
  private static String inTableWords(String message, String ruleText) {
    Matcher unknown = UNKNOWN_VALUE.matcher(message);
    String value = unknown.find() ? (unknown.group(1) != null ? unknown.group(1)
        : unknown.group(2)) : null;
    if (value == null) {
      return message;
    }
    Matcher typed = Pattern.compile("(\\w+)\\." + Pattern.quote(value) + "(?!\\w)")
        .matcher(ruleText);
    if (!typed.find()) {
      return message;
    }
    try {
      Class<?> type = Class.forName(VOCABULARY + typed.group(1));
      if (!type.isEnum()) {
        return message;
      }
      List<String> values = new ArrayList<>();
      for (Object constant : type.getEnumConstants()) {
        values.add(((Enum<?>) constant).name());
      }
      // A one- or two-letter value is near every other: a guess would only mislead.
      String nearest = value.length() <= 2 ? "" : Spelling.closest(value, values)
          .map(v -> "did you mean " + v + "? ").orElse("");
      return "'" + value + "' is no " + typed.group(1) + "; " + nearest + "the values are "
          + values;
    } catch (ClassNotFoundException e) {
      return message;
    }
  }

  /**
   * A warning about one of this table's rules (it names the rule), moved to the table's row.
   *
   * @param warning a warning whose source is {@link #drlPath()}, at a line of {@link #drl()}
   * @return the warning at the table's row
   */
  public RuleProblem atRow(RuleProblem warning) {
    WrittenRow written = rowAt(warning.line());
    return new RuleProblem(path, written == null ? 0 : written.row(), warning.message());
  }

  /**
   * A rule of this table as the rule list shows it: at the table and its row.
   *
   * @param rule a rule read from {@link #drl()}
   * @return the rule at the table's path and row
   */
  public RuleInForce locate(RuleInForce rule) {
    WrittenRow written = rowAt(rule.line());
    return new RuleInForce(rule.id(), path, written == null ? 0 : written.row(),
        rule.decision(), rule.status());
  }

  /**
   * For a message Drools gave no line for (e.g. {@code Unknown field E on class ItemGrade}): the
   * one rule whose DRL has the most of the message's words that the other rules lack, or
   * {@code null} if no rule stands out.
   */
  private WrittenRow rowNamedIn(String message) {
    WrittenRow best = null;
    int bestScore = 0;
    boolean tie = false;
    for (WrittenRow row : rows) {
      int score = 0;
      Matcher word = WORD.matcher(message);
      while (word.find()) {
        String w = word.group();
        if (hasWord(row.text(), w) && rows.stream().anyMatch(o -> !hasWord(o.text(), w))) {
          score++;
        }
      }
      if (score > bestScore) {
        best = row;
        bestScore = score;
        tie = false;
      } else if (score == bestScore && score > 0) {
        tie = true;
      }
    }
    return tie ? null : best;
  }

  private static boolean hasWord(String text, String word) {
    return Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(word) + "(?![A-Za-z0-9_])")
        .matcher(text).find();
  }

  private WrittenRow rowAt(int line) {
    for (WrittenRow row : rows) {
      if (line >= row.firstLine() && line <= row.lastLine()) {
        return row;
      }
    }
    return null;
  }

  /** The sheet a row came from. */
  private Spreadsheets.SheetCells sheetOf(WrittenRow written) {
    for (Spreadsheets.SheetCells sheet : sheets) {
      if (sheet.name().equals(written.sheet())) {
        return sheet;
      }
    }
    return sheets.get(0);
  }

  /**
   * The column, e.g. {@code D (finding)}, whose cell in the row holds a word of the message
   * (the longest such word; the rule's name does not count), or {@code null}.
   */
  private static String columnQuoted(Spreadsheets.SheetCells sheet, WrittenRow written,
      String message) {
    int row = written.row();
    if (row - 1 >= sheet.rows().size()) {
      return null;
    }
    List<String> cells = sheet.rows().get(row - 1);
    int best = -1;
    int longest = 0;
    for (int c = 0; c < cells.size(); c++) {
      String cell = cells.get(c).strip();
      if (cell.equals(written.name())) {
        continue;
      }
      Matcher word = WORD.matcher(cell);
      while (word.find()) {
        if (word.group().length() > longest && hasWord(message, word.group())) {
          best = c;
          longest = word.group().length();
        }
      }
    }
    if (best < 0) {
      return null;
    }
    String label = labelOf(sheet, row, best);
    return letter(best) + (label.isEmpty() ? "" : " (" + label + ")");
  }

  /** A column's name in the table: the row under its code templates, above the rows. */
  private static String labelOf(Spreadsheets.SheetCells sheet, int row, int column) {
    for (int r = row - 2; r >= 0; r--) {
      List<String> cells = sheet.rows().get(r);
      boolean header = cells.stream().map(c -> c.strip().toUpperCase(Locale.ROOT))
          .anyMatch(c -> c.equals("CONDITION") || c.equals("ACTION"));
      if (header) {
        int labels = r + 3;
        List<String> names = labels < sheet.rows().size() ? sheet.rows().get(labels) : List.of();
        return column < names.size() ? names.get(column).strip() : "";
      }
    }
    return "";
  }

  /** A spreadsheet column's letters: 0 is A, 25 Z, 26 AA. */
  static String letter(int column) {
    StringBuilder letters = new StringBuilder();
    for (int c = column; c >= 0; c = c / 26 - 1) {
      letters.insert(0, (char) ('A' + c % 26));
    }
    return letters.toString();
  }

  /**
   * Adds the first-match guard and the settings to each rule of a line decision, and notes
   * where each rule is in the DRL and which row it came from.
   */
  private static String firstMatch(List<Spreadsheets.SheetDrl> generated,
      List<WrittenRow> rows, List<RuleProblem> problems, String path) {
    // One package and every sheet's imports first, then each sheet's rules: a workbook's
    // sheets become one rule file.
    List<String> out = new ArrayList<>();
    for (Spreadsheets.SheetDrl sheet : generated) {
      for (String line : sheet.drl().split("\r?\n", -1)) {
        boolean header = line.startsWith("package ") && out.isEmpty()
            || line.startsWith("import ") && !out.contains(line);
        if (header) {
          out.add(line);
        }
      }
    }
    for (Spreadsheets.SheetDrl sheet : generated) {
      List<String> block = new ArrayList<>();
      int row = 0;
      for (String line : sheet.drl().split("\r?\n", -1)) {
        if (line.startsWith("package ") || line.startsWith("import ")) {
          continue;
        }
        Matcher at = ROW.matcher(line);
        if (at.find()) {
          row = Integer.parseInt(at.group(2));
        }
        if (RULE.matcher(line).find()) {
          block.clear();
        }
        block.add(line);
        if (line.strip().equals("end") && RULE.matcher(block.get(0)).find()) {
          List<String> guarded = guarded(block, row, problems, path);
          // The block was copied out as read: replace it with the guarded one.
          out.subList(out.size() - (block.size() - 1), out.size()).clear();
          out.addAll(guarded);
          Matcher name = RULE.matcher(block.get(0));
          name.find();
          rows.add(new WrittenRow(out.size() - guarded.size() + 1, out.size(), name.group(1),
              row, String.join("\n", guarded), sheet.sheet()));
          continue;
        }
        out.add(line);
      }
    }
    return String.join("\n", out);
  }

  private static List<String> guarded(List<String> block, int row, List<RuleProblem> problems,
      String path) {
    String text = String.join("\n", block);
    String then = text.substring(Math.max(0, text.indexOf("\tthen")));
    String choice = null;
    for (String outcome : ONE_PER_LINE) {
      if (Pattern.compile("\\b" + outcome + "\\s*\\.").matcher(then).find()) {
        choice = FACTS + outcome;
        break;
      }
    }
    if (choice == null) {
      return block;
    }
    if (!text.contains("$line :") && !text.contains("$line:")) {
      problems.add(new RuleProblem(path, row, "a row that decides a line's "
          + choice.substring(FACTS.length()) + " decides it once, so it binds the line as "
          + "$line: write '$line : " + LINE_FACT.get(choice.substring(FACTS.length()))
          + "' in the object type row"));
      return block;
    }
    List<String> guarded = new ArrayList<>();
    for (String line : block) {
      if (line.strip().equals("then")) {
        guarded.add("\t\tnot " + choice + "( lineKey == $line.lineKey )");
      }
      guarded.add(line);
      if (line.strip().equals("when") && !text.contains("$settings :")) {
        guarded.add("\t\t$settings : dev.returnkit.rules.settings.PolicySettings()");
      }
    }
    return guarded;
  }

  private static boolean compilerPresent() {
    try {
      Class.forName(COMPILER, false, DecisionTable.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }
}
