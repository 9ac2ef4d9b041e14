package dev.returnkit.examples.report;

import dev.returnkit.examples.demo.SimulationResult;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.LineVerdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What a policy change does to a month of returns: the same generated month (the same seed, so
 * the same customers, requests, parcels and inspections) run under policy A and policy B, case
 * by case. The demo draws every case's world before the run, so case {@code R-000042} is the
 * same request under both, and only the decisions, and what follows from them, differ.
 *
 * <p>Tables: how cases ended, each change line by line with example cases, the money refunded
 * and kept, the review load, and by category and by return reason the lines approved and the
 * money refunded (only those that changed). Each is a {@link ReportTable}, rendered to a console,
 * Markdown or CSV like the demo's report.
 */
public final class PolicyComparison {

  /** Example cases listed per change. */
  public static final int EXAMPLES = 3;

  private final ReturnsReport a;
  private final ReturnsReport b;
  private final Currency currency;
  private final Map<String, Change> changes = new LinkedHashMap<>();
  private int linesCompared;

  /** One kind of change, e.g. {@code request: APPROVED ELIGIBLE -> REJECTED ...}. */
  private static final class Change {
    private int lines;
    private final List<String> examples = new ArrayList<>();
  }

  private PolicyComparison(SimulationResult underA, SimulationResult underB) {
    if (underA.cases().size() != underB.cases().size()) {
      throw new IllegalArgumentException("the runs are not of the same month: " + underA.cases()
          .size() + " cases under A, " + underB.cases().size() + " under B");
    }
    this.a = ReturnsReport.of(underA);
    this.b = ReturnsReport.of(underB);
    this.currency = underA.shop().orders().get(0).currency();
    for (int i = 0; i < underA.cases().size(); i++) {
      compare(underA.cases().get(i), underB.cases().get(i));
    }
  }

  /**
   * Compares two runs of the same month.
   *
   * @param underA the run under policy A (usually the one in force)
   * @param underB the run under policy B (the change)
   * @return the comparison
   * @throws IllegalArgumentException if the runs are not of the same generated month
   */
  public static PolicyComparison of(SimulationResult underA, SimulationResult underB) {
    return new PolicyComparison(underA, underB);
  }

  /**
   * How many requested lines decided or settled differently under B.
   *
   * @return the lines with a change
   */
  public int linesChanged() {
    return changes.values().stream().mapToInt(c -> c.lines).sum();
  }

  /**
   * The requested lines compared, in all.
   *
   * @return the lines of every case
   */
  public int linesCompared() {
    return linesCompared;
  }

  /**
   * The comparison as Markdown: a title, the two policies, then every table.
   *
   * @param header what was compared, e.g. the month and the two policies, as Markdown
   * @return the document
   */
  public String markdown(String header) {
    StringBuilder out = new StringBuilder("# What the policy change does\n\n").append(header)
        .append('\n');
    for (ReportTable table : tables()) {
      out.append('\n').append(table.toMarkdown());
    }
    return out.toString();
  }

  /**
   * The comparison's tables, in reading order.
   *
   * @return outcomes, changes, money, review load, categories, reasons
   */
  public List<ReportTable> tables() {
    return List.of(outcomes(), changes(), money(), reviewLoad(),
        byKey("categories", "By category", "category", "categories",
            ReturnLineSnapshot::category),
        byKey("reasons", "By return reason", "reason", "reasons", l -> l.reason().name()));
  }

  private void compare(ReturnCaseSnapshot caseA, ReturnCaseSnapshot caseB) {
    // The same request under both: same case, order, moment and lines asked for.
    if (!request(caseA).equals(request(caseB))) {
      throw new IllegalArgumentException("the runs are not of the same month: " + caseA.id()
          + " is " + request(caseA) + " under A, " + request(caseB) + " under B");
    }
    for (int i = 0; i < caseA.lines().size(); i++) {
      ReturnLineSnapshot lineA = caseA.lines().get(i);
      ReturnLineSnapshot lineB = caseB.lines().get(i);
      linesCompared++;
      String change = change(lineA, lineB);
      if (change != null) {
        Change counted = changes.computeIfAbsent(change, k -> new Change());
        counted.lines++;
        if (counted.examples.size() < EXAMPLES) {
          counted.examples.add(caseA.id().value() + " (" + lineA.category() + ", "
              + lineA.reason() + ")");
        }
      }
    }
  }

  /** What identifies a request, whatever the policy decides: e.g. {@code O-1 at ... [L-1]}. */
  private static String request(ReturnCaseSnapshot returnCase) {
    return "a return of " + returnCase.orderId().value() + " at " + returnCase.requestedAt()
        + " " + returnCase.lines().stream().map(l -> l.orderLineId().value()).toList();
  }

  /**
   * The first way a line's path differs, in lifecycle order: its verdict (at request, or a
   * reviewer's), liability,
   * disposition, then the money back; {@code null} when it went the same way.
   */
  private String change(ReturnLineSnapshot lineA, ReturnLineSnapshot lineB) {
    String verdictA = verdict(lineA);
    String verdictB = verdict(lineB);
    if (!verdictA.equals(verdictB)) {
      return "verdict: " + verdictA + " -> " + verdictB;
    }
    if (!Objects.equals(lineA.liability(), lineB.liability())) {
      return "liability: " + name(lineA.liability()) + " -> " + name(lineB.liability());
    }
    if (!Objects.equals(lineA.disposition(), lineB.disposition())) {
      return "disposition: " + name(lineA.disposition()) + " -> " + name(lineB.disposition());
    }
    int paid = paidOut(lineA).compareTo(paidOut(lineB));
    if (paid != 0) {
      return paid < 0 ? "money back: more" : "money back: less";
    }
    return null;
  }

  private static String verdict(ReturnLineSnapshot line) {
    return line.verdict() + (line.verdictCodes().isEmpty() ? ""
        : " " + String.join("+", line.verdictCodes()));
  }

  private static String name(Enum<?> value) {
    return value == null ? "none" : value.name();
  }

  private Money paidOut(ReturnLineSnapshot line) {
    return line.money() == null ? Money.zero(currency) : line.money().paidOut();
  }

  private Money kept(ReturnLineSnapshot line) {
    return line.money() == null ? Money.zero(currency)
        : line.money().restockingFee().plus(line.money().returnShippingCharge());
  }

  private ReportTable outcomes() {
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Integer> path : a.paths().entrySet()) {
      rows.add(countRow(path.getKey(), path.getValue(), b.paths().get(path.getKey())));
    }
    return new ReportTable("outcomes", "Outcomes",
        "Cases by the path they took, under A and under B, of the same month of requests.",
        List.of("path", ">A", ">B", ">change"), rows);
  }

  private ReportTable changes() {
    List<List<String>> rows = new ArrayList<>();
    changes.entrySet().stream()
        .sorted(Comparator.comparingInt((Map.Entry<String, Change> e) -> -e.getValue().lines)
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> rows.add(List.of(e.getKey(), Formats.count(e.getValue().lines),
            String.join(", ", e.getValue().examples))));
    return new ReportTable("changes", "What changed",
        Formats.count(linesChanged()) + " of " + Formats.count(linesCompared) + " requested "
            + "lines went another way under B, each counted once, at the first step that "
            + "differs: the verdict and its reason codes (at request, or a reviewer's), "
            + "liability, disposition, or the "
            + "money back.",
        List.of("change", ">lines", "examples"), rows);
  }

  private ReportTable money() {
    ReturnsReport.MoneyFlows ma = a.money();
    ReturnsReport.MoneyFlows mb = b.money();
    List<List<String>> rows = new ArrayList<>();
    rows.add(moneyRow("Refunded", ma.refunded(), mb.refunded()));
    rows.add(moneyRow("Store credit issued", ma.storeCredit(), mb.storeCredit()));
    rows.add(moneyRow("  of the refunds, outbound shipping", ma.outboundShippingRefunded(),
        mb.outboundShippingRefunded()));
    rows.add(moneyRow("Kept: restocking fees", ma.restockingFees(), mb.restockingFees()));
    rows.add(moneyRow("Kept: return shipping charged", ma.returnShippingCharged(),
        mb.returnShippingCharged()));
    rows.add(moneyRow("Claims against carriers", ma.lostParcelClaims()
        .plus(ma.transitDamageClaims()), mb.lostParcelClaims().plus(mb.transitDamageClaims())));
    return new ReportTable("money", "Money", null, List.of("", ">A", ">B", ">change"), rows);
  }

  private ReportTable reviewLoad() {
    List<List<String>> rows = new ArrayList<>();
    rows.add(countRow("Cases sent to review", a.paths().get(ReturnsReport.SENT_TO_REVIEW),
        b.paths().get(ReturnsReport.SENT_TO_REVIEW)));
    Map<String, int[]> byReason = new TreeMap<>();
    a.reviews().forEach(r -> byReason.computeIfAbsent(r.reasonCode(), k -> new int[2])[0] =
        r.cases());
    b.reviews().forEach(r -> byReason.computeIfAbsent(r.reasonCode(), k -> new int[2])[1] =
        r.cases());
    byReason.forEach((code, n) -> rows.add(countRow("  " + code, n[0], n[1])));
    return new ReportTable("review-load", "Review load",
        "Cases a person has to decide, in all and by the reason the policy gave.",
        List.of("", ">A", ">B", ">change"), rows);
  }

  /** Lines approved and money refunded per group, only the groups that changed. */
  private ReportTable byKey(String slug, String title, String heading, String plural,
      Function<ReturnLineSnapshot, String> key) {
    Map<String, Totals> totals = new TreeMap<>();
    List<ReturnCaseSnapshot> casesA = a.result().cases();
    List<ReturnCaseSnapshot> casesB = b.result().cases();
    for (int c = 0; c < casesA.size(); c++) {
      for (int l = 0; l < casesA.get(c).lines().size(); l++) {
        ReturnLineSnapshot lineA = casesA.get(c).lines().get(l);
        ReturnLineSnapshot lineB = casesB.get(c).lines().get(l);
        totals.computeIfAbsent(key.apply(lineA), k -> new Totals(currency)).add(lineA, lineB);
      }
    }
    List<List<String>> rows = new ArrayList<>();
    totals.forEach((group, t) -> {
      if (t.approvedA != t.approvedB || !t.paidA.equals(t.paidB) || !t.keptA.equals(t.keptB)) {
        rows.add(List.of(group, Formats.count(t.lines), Formats.count(t.approvedA),
            Formats.count(t.approvedB), Formats.money(t.paidA), Formats.money(t.paidB),
            signed(t.paidB.minus(t.paidA)), signed(t.keptB.minus(t.keptA))));
      }
    });
    return new ReportTable(slug, title, rows.isEmpty() ? "No " + heading + " changed."
        : "Only the " + plural + " that changed: lines requested, approved (at request or in "
            + "review) under A and B, money refunded, and the change in fees and charges kept.",
        List.of(heading, ">lines", ">approved A", ">approved B", ">refunded A", ">refunded B",
            ">refund change", ">kept change"), rows);
  }

  /** A group's lines under both policies. */
  private final class Totals {
    private int lines;
    private int approvedA;
    private int approvedB;
    private Money paidA;
    private Money paidB;
    private Money keptA;
    private Money keptB;

    Totals(Currency currency) {
      paidA = paidB = keptA = keptB = Money.zero(currency);
    }

    void add(ReturnLineSnapshot lineA, ReturnLineSnapshot lineB) {
      lines++;
      approvedA += approved(lineA);
      approvedB += approved(lineB);
      paidA = paidA.plus(paidOut(lineA));
      paidB = paidB.plus(paidOut(lineB));
      keptA = keptA.plus(kept(lineA));
      keptB = keptB.plus(kept(lineB));
    }

    private int approved(ReturnLineSnapshot line) {
      return line.verdict() == LineVerdict.APPROVED ? 1 : 0;
    }
  }

  private static List<String> countRow(String label, int underA, int underB) {
    int change = underB - underA;
    return List.of(label, Formats.count(underA), Formats.count(underB),
        change > 0 ? "+" + Formats.count(change) : Formats.count(change));
  }

  private static List<String> moneyRow(String label, Money underA, Money underB) {
    return List.of(label, Formats.money(underA), Formats.money(underB),
        signed(underB.minus(underA)));
  }

  /** A change of money, with its sign, e.g. {@code EUR +12.00} or {@code EUR -3.50}. */
  static String signed(Money change) {
    String text = Formats.money(change);
    return change.isPositive() ? text.replace(" ", " +") : text;
  }
}
