package dev.returnkit.rules.verify;

import dev.returnkit.rules.RuleProblem;
import dev.returnkit.rules.settings.PolicySettings;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.io.IOException;
import java.math.BigDecimal;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads scenario files: CSV, one case per row, a header row naming the columns, {@code #} for
 * comment lines. docs/policies.md documents every column; the required ones are {@code case},
 * {@code category}, {@code price} and {@code reason}. Values may be quoted with {@code "}.
 *
 * <p>Every problem in the file is reported at once, with its line. Stateless and thread-safe.
 */
public final class ScenarioFile {

  /** The scenario file shipped with returnkit: the worked cases and one case per rule. */
  public static final String DEFAULT_RESOURCE = "dev/returnkit/rules/scenarios/worked-cases.csv";

  private static final List<String> REQUIRED = List.of("case", "category", "price", "reason");
  private static final Set<String> COLUMNS = new LinkedHashSet<>(List.of("case", "description",
      "category", "price", "quantity", "bought", "final_sale", "delivered_days_ago", "reason",
      "note", "resolution", "return_rate", "return_cases", "already_returned", "open_requests",
      "grade", "findings", "lost", "shipping_paid", "tax_rate", "discount", "gift_card",
      "promotion", "replacement_price",
      "expect_status", "expect_codes", "expect_liability", "expect_disposition",
      "expect_refund", "expect_fee", "expect_shipping_charge", "expect_outbound_refund",
      "expect_tax", "expect_to_gift_card",
      "expect_exchange_charge", "expect_markdown"));
  // A list, so that the message naming them reads the same every time.
  private static final List<String> STATUSES =
      List.of("APPROVED", "RETURNLESS", "IN_REVIEW", "REJECTED");

  private ScenarioFile() {}

  /**
   * The scenarios shipped with returnkit.
   *
   * @return the scenarios
   */
  public static List<Scenario> defaults() {
    try (InputStream in = ScenarioFile.class.getClassLoader()
        .getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(DEFAULT_RESOURCE + " is missing from the class path");
      }
      return parse(DEFAULT_RESOURCE, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a scenario file.
   *
   * @param file the file
   * @return the scenarios, in file order
   * @throws InvalidScenarioFileException listing every problem
   */
  public static List<Scenario> load(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read scenario file " + file, e);
    }
  }

  /**
   * Reads scenarios from CSV text.
   *
   * @param source the file name, for problem reports
   * @param text the CSV
   * @return the scenarios, in file order
   * @throws InvalidScenarioFileException listing every problem
   */
  public static List<Scenario> parse(String source, String text) {
    List<RuleProblem> problems = new ArrayList<>();
    List<Scenario> scenarios = new ArrayList<>();
    String[] rows = PolicySettings.stripByteOrderMark(text).split("\r?\n", -1);
    List<String> header = null;
    for (int i = 0; i < rows.length; i++) {
      String row = rows[i];
      if (row.isBlank() || row.strip().startsWith("#")) {
        continue;
      }
      List<String> cells = cells(row);
      if (header == null) {
        header = cells.stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
        for (String column : header) {
          if (!COLUMNS.contains(column)) {
            problems.add(new RuleProblem(source, i + 1, "unknown column '" + column
                + "'; the columns are " + COLUMNS));
          }
        }
        for (String column : REQUIRED) {
          if (!header.contains(column)) {
            problems.add(new RuleProblem(source, i + 1, "missing column '" + column + "'"));
          }
        }
        continue;
      }
      if (cells.size() > header.size()) {
        problems.add(new RuleProblem(source, i + 1, "has " + cells.size() + " values but the "
            + "header names " + header.size() + " columns"));
        continue;
      }
      Map<String, String> values = new HashMap<>();
      for (int c = 0; c < cells.size(); c++) {
        String value = cells.get(c).strip();
        if (!value.isEmpty()) {
          values.put(header.get(c), value);
        }
      }
      Row parsed = new Row(source, i + 1, values, problems);
      Scenario scenario = parsed.scenario();
      if (scenario != null) {
        scenarios.add(scenario);
      }
    }
    if (header == null) {
      problems.add(new RuleProblem(source, 0, "has no header row"));
    }
    Set<String> names = new LinkedHashSet<>();
    for (Scenario scenario : scenarios) {
      if (!names.add(scenario.name())) {
        problems.add(new RuleProblem(source, scenario.line(), "case '" + scenario.name()
            + "' appears more than once"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidScenarioFileException(problems);
    }
    return scenarios;
  }

  /** Splits one CSV row: commas separate, double quotes enclose, "" is a quote. */
  static List<String> cells(String row) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < row.length(); i++) {
      char c = row.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        cells.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    cells.add(cell.toString());
    return cells;
  }

  /** One row's values, read with every problem collected. */
  private static final class Row {
    private final String source;
    private final int line;
    private final Map<String, String> values;
    private final List<RuleProblem> problems;
    private boolean broken;

    Row(String source, int line, Map<String, String> values, List<RuleProblem> problems) {
      this.source = source;
      this.line = line;
      this.values = values;
      this.problems = problems;
    }

    Scenario scenario() {
      String name = required("case");
      String category = required("category");
      required("price");
      Money price = money("price", null);
      required("reason");
      ReturnReason reason = enumValue("reason", ReturnReason.class, null);
      int quantity = integer("quantity", 1);
      int bought = integer("bought", quantity);
      Money zero = price == null ? null : Money.zero(price.currency());
      Scenario.Expected expected = new Scenario.Expected(status(),
          list("expect_codes", Function.identity()),
          enumValue("expect_liability", Liability.class, null),
          enumValue("expect_disposition", Disposition.class, null),
          money("expect_refund", null), money("expect_fee", null),
          money("expect_shipping_charge", null), money("expect_outbound_refund", null),
          money("expect_tax", null), money("expect_to_gift_card", null),
          money("expect_exchange_charge", null),
          values.containsKey("expect_markdown") ? percent("expect_markdown") : null);
      Resolution resolution = enumValue("resolution", Resolution.class, Resolution.REFUND);
      Money replacementPrice = money("replacement_price", null);
      if (replacementPrice != null && resolution != Resolution.EXCHANGE) {
        problem("replacement_price", "a replacement is named for an exchange only; this case's "
            + "resolution is " + resolution);
      }
      Scenario scenario = new Scenario(name, line, values.getOrDefault("description", ""),
          category, price, quantity, bought, yes("final_sale"),
          values.containsKey("delivered_days_ago") ? integer("delivered_days_ago", 0) : null,
          reason, values.get("note"), resolution,
          decimal("return_rate"), integer("return_cases", 0), integer("already_returned", 0),
          integer("open_requests", 0), enumValue("grade", ItemGrade.class, null),
          findings(), yes("lost"), money("shipping_paid", zero), percent("tax_rate"),
          money("discount", null), money("gift_card", null), promotion(), replacementPrice,
          expected);
      return broken ? null : scenario;
    }

    private void problem(String column, String message) {
      problems.add(new RuleProblem(source, line, column + ": " + message));
      broken = true;
    }

    private String required(String column) {
      String value = values.get(column);
      if (value == null) {
        problem(column, "is required");
      }
      return value;
    }

    private int integer(String column, int fallback) {
      String value = values.get(column);
      if (value == null) {
        return fallback;
      }
      try {
        int parsed = Integer.parseInt(value);
        if (parsed < 0) {
          problem(column, "cannot be negative");
        }
        return parsed;
      } catch (NumberFormatException e) {
        problem(column, "'" + value + "' is not a whole number");
        return fallback;
      }
    }

    private double decimal(String column) {
      String value = values.get(column);
      if (value == null) {
        return 0;
      }
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        problem(column, "'" + value + "' is not a number");
        return 0;
      }
    }

    private BigDecimal percent(String column) {
      String value = values.get(column);
      if (value == null) {
        return BigDecimal.ZERO;
      }
      try {
        BigDecimal percent = new BigDecimal(value.replace("%", "").strip());
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
          problem(column, "'" + value + "' must be a percentage between 0 and 100");
          return BigDecimal.ZERO;
        }
        return percent;
      } catch (NumberFormatException e) {
        problem(column, "'" + value + "' is not a percentage such as 19 or 7.7");
        return BigDecimal.ZERO;
      }
    }

    /** A threshold promotion, written like {@code EUR 10.00 off from EUR 100.00}. */
    private Scenario.Promotion promotion() {
      String value = values.get("promotion");
      if (value == null) {
        return null;
      }
      String[] parts = value.split("\\s+off\\s+from\\s+", -1);
      if (parts.length != 2) {
        problem("promotion", "'" + value + "' should read like 'EUR 10.00 off from EUR 100.00'");
        return null;
      }
      Money amount = amount("promotion", parts[0]);
      Money minimum = amount("promotion", parts[1]);
      return amount == null || minimum == null ? null : new Scenario.Promotion(amount, minimum);
    }

    private boolean yes(String column) {
      String value = values.getOrDefault(column, "no").toLowerCase(Locale.ROOT);
      if (!Set.of("yes", "no", "true", "false").contains(value)) {
        problem(column, "'" + value + "' must be yes or no");
      }
      return value.equals("yes") || value.equals("true");
    }

    private Money money(String column, Money fallback) {
      String value = values.get(column);
      if (value == null) {
        return fallback;
      }
      Money amount = amount(column, value);
      return amount == null ? fallback : amount;
    }

    private Money amount(String column, String value) {
      String[] parts = value.strip().split("\\s+");
      try {
        if (parts.length != 2) {
          throw new IllegalArgumentException("write it like 'EUR 19.99'");
        }
        return Money.of(parts[1], parts[0].toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problem(column, "'" + value + "' is not an amount (" + e.getMessage() + ")");
        return null;
      }
    }

    private <E extends Enum<E>> E enumValue(String column, Class<E> type, E fallback) {
      String value = values.get(column);
      if (value == null) {
        return fallback;
      }
      try {
        return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problem(column, "'" + value + "' is not one of "
            + Arrays.toString(type.getEnumConstants()));
        return fallback;
      }
    }

    private String status() {
      String value = values.get("expect_status");
      if (value == null) {
        return null;
      }
      String status = value.toUpperCase(Locale.ROOT);
      if (!STATUSES.contains(status)) {
        problem("expect_status", "'" + value + "' is not one of " + STATUSES);
      }
      return status;
    }

    private <T> List<T> list(String column, Function<String, T> parse) {
      String value = values.get(column);
      if (value == null) {
        return List.of();
      }
      List<T> items = new ArrayList<>();
      for (String item : value.split("\\+")) {
        if (!item.isBlank()) {
          items.add(parse.apply(item.strip()));
        }
      }
      return items;
    }

    private Set<InspectionFinding> findings() {
      Set<InspectionFinding> findings = EnumSet.noneOf(InspectionFinding.class);
      for (String item : list("findings", Function.identity())) {
        try {
          findings.add(InspectionFinding.valueOf(item.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          problem("findings", "'" + item + "' is not one of "
              + Arrays.toString(InspectionFinding.values()));
        }
      }
      return findings;
    }
  }
}
