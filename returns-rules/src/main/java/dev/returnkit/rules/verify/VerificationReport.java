package dev.returnkit.rules.verify;

import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Liability;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The result of verifying a rule set against scenarios: per case what was expected, what the
 * rules decided, which rules fired, and whether it passed.
 *
 * @param ruleSet where the verified rule set came from
 * @param cases one result per scenario, in order
 */
public record VerificationReport(String ruleSet, List<CaseResult> cases) {

  /** Copies the cases. */
  public VerificationReport {
    cases = List.copyOf(cases);
  }

  /**
   * What the rules decided for a scenario. Fields the return never reached are {@code null}
   * (no liability for a rejected request).
   *
   * @param status {@code APPROVED}, {@code RETURNLESS}, {@code IN_REVIEW} or {@code REJECTED}
   * @param codes the eligibility reason codes
   * @param liability the liable party
   * @param disposition the disposition, {@code null} when no goods came back
   * @param refund the money back to the customer
   * @param fee the restocking fee
   * @param shippingCharge the return shipping charged
   * @param outboundRefund the outbound shipping refunded
   * @param tax the tax in the refund, {@code null} when nothing was settled
   * @param toGiftCard what went back to the order's gift card, {@code null} without one
   * @param exchangeCharge what an exchange for a dearer item charged, {@code null} when
   *     nothing was settled
   * @param markdown the open-box markdown in percent, {@code null} unless sold open-box
   */
  public record Outcome(String status, List<String> codes, Liability liability,
      Disposition disposition, Money refund, Money fee, Money shippingCharge,
      Money outboundRefund, Money tax, Money toGiftCard, Money exchangeCharge,
      BigDecimal markdown) {

    /** Copies the codes. */
    public Outcome {
      codes = List.copyOf(codes);
    }
  }

  /**
   * One scenario's result.
   *
   * @param scenario the scenario
   * @param actual what the rules decided, or {@code null} if they could not decide
   * @param rulesFired the rules that fired, in order
   * @param mismatches every way the decision differs from the expectation; empty if it passed
   */
  public record CaseResult(Scenario scenario, Outcome actual, List<String> rulesFired,
      List<String> mismatches) {

    /** Copies the lists. */
    public CaseResult {
      rulesFired = List.copyOf(rulesFired);
      mismatches = List.copyOf(mismatches);
    }

    /**
     * Whether the rules decided what was expected.
     *
     * @return true if nothing differs
     */
    public boolean passed() {
      return mismatches.isEmpty();
    }
  }

  /**
   * Whether every case passed.
   *
   * @return true if no case failed
   */
  public boolean allPassed() {
    return cases.stream().allMatch(CaseResult::passed);
  }

  /**
   * How many cases failed.
   *
   * @return the number of failed cases
   */
  public long failures() {
    return cases.stream().filter(c -> !c.passed()).count();
  }

  /**
   * The report as a text table for a console, at most {@value TextTable#WIDTH} characters wide:
   * case, result, what the rules decided and the rules that fired, and under each failed case
   * what was expected and every way the decision differs.
   *
   * @return the rule set's line, the table and a summary line
   */
  public String render() {
    return render(ReportFormat.TABLE);
  }

  /**
   * The report in a format.
   *
   * @param format {@link ReportFormat#TABLE} and {@link ReportFormat#MARKDOWN} start with the
   *     rule set's line and end with a summary line; {@link ReportFormat#CSV} is only the rows
   * @return the report
   */
  public String render(ReportFormat format) {
    if (format == ReportFormat.CSV) {
      return cases(format);
    }
    return "Rule set: " + ruleSet + "\n" + cases(format);
  }

  /** The cases in a format, without the rule set's line: for a command printing more above. */
  String cases(ReportFormat format) {
    String summary = "\n" + (cases.size() - failures()) + " passed, " + failures()
        + " failed\n";
    return switch (format) {
      case TABLE -> table() + summary;
      case MARKDOWN -> "\n" + markdown() + summary;
      case CSV -> csv();
    };
  }

  private String table() {
    // The rules fired go under each case, across the whole width: as a column they would
    // wrap every rule id in two.
    TextTable table = new TextTable(new String[] {"case", "result", "decided"},
        new int[] {28, 6, TextTable.WIDTH - 28 - 6 - 4});
    for (CaseResult result : cases) {
      List<String[]> notes = new ArrayList<>();
      if (!result.rulesFired().isEmpty()) {
        notes.add(new String[] {"    rules: ", String.join(", ", result.rulesFired())});
      }
      if (!result.passed()) {
        notes.add(new String[] {"    expected: ", expected(result.scenario().expected())});
        for (String mismatch : result.mismatches()) {
          notes.add(new String[] {"    ! ", mismatch});
        }
      }
      table.add(new String[] {result.scenario().name(), result.passed() ? "pass" : "FAIL",
          actual(result.actual())}, notes);
    }
    return table.render();
  }

  private String markdown() {
    StringBuilder text = new StringBuilder(
        "| case | result | expected | decided | rules fired | differences |\n"
            + "|---|---|---|---|---|---|\n");
    for (CaseResult result : cases) {
      text.append("| ").append(String.join(" | ", Stream.of(result.scenario().name(),
          result.passed() ? "pass" : "**FAIL**", expected(result.scenario().expected()),
          actual(result.actual()), String.join(", ", result.rulesFired()),
          String.join("; ", result.mismatches())).map(VerificationReport::markdownCell)
          .toList())).append(" |\n");
    }
    return text.toString();
  }

  /** A Markdown cell: a bar would end the cell, so it is escaped. */
  static String markdownCell(String value) {
    return value.replace("|", "\\|");
  }

  private String csv() {
    StringBuilder text = new StringBuilder(
        "case,description,result,expected,decided,rules_fired,differences\n");
    for (CaseResult result : cases) {
      text.append(String.join(",", Stream.of(result.scenario().name(),
          result.scenario().description(), result.passed() ? "pass" : "fail",
          expected(result.scenario().expected()), actual(result.actual()),
          String.join(" ", result.rulesFired()), String.join("; ", result.mismatches()))
          .map(VerificationReport::csvCell).toList())).append('\n');
    }
    return text.toString();
  }

  /** A CSV cell, quoted when it holds a comma, a quote or a line break. */
  static String csvCell(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static String expected(Scenario.Expected e) {
    List<String> parts = new ArrayList<>();
    add(parts, e.status());
    if (!e.codes().isEmpty()) {
      parts.add(String.join("+", e.codes()));
    }
    add(parts, e.liability());
    add(parts, e.disposition());
    money(parts, "refund", e.refund());
    nonZero(parts, "fee", e.fee());
    nonZero(parts, "charge", e.shippingCharge());
    nonZero(parts, "shipping", e.outboundRefund());
    nonZero(parts, "tax", e.tax());
    nonZero(parts, "gift card", e.toGiftCard());
    nonZero(parts, "exchange charge", e.exchangeCharge());
    markdown(parts, e.markdown());
    return String.join(" ", parts);
  }

  private static String actual(Outcome o) {
    if (o == null) {
      return "(no decision)";
    }
    List<String> parts = new ArrayList<>();
    add(parts, o.status());
    if (!o.codes().isEmpty()) {
      parts.add(String.join("+", o.codes()));
    }
    add(parts, o.liability());
    add(parts, o.disposition());
    money(parts, "refund", o.refund());
    nonZero(parts, "fee", o.fee());
    nonZero(parts, "charge", o.shippingCharge());
    nonZero(parts, "shipping", o.outboundRefund());
    nonZero(parts, "tax", o.tax());
    nonZero(parts, "gift card", o.toGiftCard());
    nonZero(parts, "exchange charge", o.exchangeCharge());
    markdown(parts, o.markdown());
    return String.join(" ", parts);
  }

  /** Zero fees and charges are the usual case; only the ones that apply are shown. */
  private static void nonZero(List<String> parts, String label, Money value) {
    if (value != null && !value.isZero()) {
      money(parts, label, value);
    }
  }

  private static void markdown(List<String> parts, BigDecimal percent) {
    if (percent != null) {
      parts.add("markdown " + percent.stripTrailingZeros().toPlainString() + " %");
    }
  }

  private static void add(List<String> parts, Object value) {
    if (value != null) {
      parts.add(value.toString());
    }
  }

  private static void money(List<String> parts, String label, Money value) {
    if (value != null) {
      parts.add(label + " " + value);
    }
  }
}
