package dev.returnkit.rules.verify;

import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Liability;
import java.util.ArrayList;
import java.util.List;

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
   */
  public record Outcome(String status, List<String> codes, Liability liability,
      Disposition disposition, Money refund, Money fee, Money shippingCharge,
      Money outboundRefund, Money tax, Money toGiftCard, Money exchangeCharge) {

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
   * The report as a text table for a console: case, expected, actual, rules fired, result, and
   * under each failed case what differs.
   *
   * @return the table, ending with a summary line
   */
  public String render() {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"case", "expected", "actual", "rules fired", "result"});
    for (CaseResult result : cases) {
      rows.add(new String[] {result.scenario().name(), expected(result.scenario().expected()),
          actual(result.actual()), String.join(", ", result.rulesFired()),
          result.passed() ? "pass" : "FAIL"});
    }
    int[] widths = new int[5];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    StringBuilder text = new StringBuilder();
    text.append("Rule set: ").append(ruleSet).append('\n');
    for (int r = 0; r < rows.size(); r++) {
      appendRow(text, rows.get(r), widths);
      if (r == 0) {
        String[] rule = new String[5];
        for (int i = 0; i < 5; i++) {
          rule[i] = "-".repeat(widths[i]);
        }
        appendRow(text, rule, widths);
      } else if (!cases.get(r - 1).passed()) {
        for (String mismatch : cases.get(r - 1).mismatches()) {
          text.append("    ! ").append(mismatch).append('\n');
        }
      }
    }
    text.append('\n').append(cases.size() - failures()).append(" passed, ").append(failures())
        .append(" failed\n");
    return text.toString();
  }

  private static void appendRow(StringBuilder text, String[] row, int[] widths) {
    for (int i = 0; i < row.length; i++) {
      text.append(i == row.length - 1 ? row[i] : pad(row[i], widths[i]) + " | ");
    }
    text.append('\n');
  }

  private static String pad(String value, int width) {
    return value + " ".repeat(width - value.length());
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
    return String.join(" ", parts);
  }

  /** Zero fees and charges are the usual case; only the ones that apply are shown. */
  private static void nonZero(List<String> parts, String label, Money value) {
    if (value != null && !value.isZero()) {
      money(parts, label, value);
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
