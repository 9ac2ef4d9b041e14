package dev.returnkit.examples.report;

import static dev.returnkit.examples.report.Formats.count;
import static dev.returnkit.examples.report.Formats.duration;
import static dev.returnkit.examples.report.Formats.percent;

import dev.returnkit.examples.demo.ShopData;
import dev.returnkit.examples.demo.SimulationStats;
import dev.returnkit.examples.report.ReturnsReport.AbuseDetection;
import dev.returnkit.examples.report.ReturnsReport.CategoryReturns;
import dev.returnkit.examples.report.ReturnsReport.MoneyFlows;
import dev.returnkit.examples.report.ReturnsReport.ReasonCount;
import dev.returnkit.examples.report.ReturnsReport.ReviewReason;
import dev.returnkit.examples.report.ReturnsReport.SkuReturns;
import dev.returnkit.examples.report.ReturnsReport.Split;
import dev.returnkit.examples.report.ReturnsReport.StageTime;
import dev.returnkit.examples.report.ReturnsReport.StatusCount;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Lays the report's figures out as tables, in the order a returns manager reads them. */
final class ReportTables {

  private final ReturnsReport report;
  private final int cases;

  private ReportTables(ReturnsReport report) {
    this.report = report;
    this.cases = report.result().cases().size();
  }

  static List<ReportTable> of(ReturnsReport report) {
    ReportTables t = new ReportTables(report);
    return List.of(t.summary(), t.outcomes(), t.paths(), t.reasons(), t.rejections(),
        t.reviews(), t.liability(), t.dispositions(), t.money(), t.tenders(), t.orderMoney(),
        t.stageTimes(), t.topSkus(), t.categories(), t.operations(), t.checks());
  }

  private ReportTable summary() {
    ShopData shop = report.result().shop();
    int units = report.result().cases().stream().flatMap(c -> c.lines().stream())
        .mapToInt(l -> l.quantities().requested()).sum();
    long returningCustomers = report.result().cases().stream().map(c -> c.customerId())
        .distinct().count();
    LocalDate from = LocalDate.ofInstant(shop.requestsFrom(), ZoneOffset.UTC);
    LocalDate to = LocalDate.ofInstant(shop.requestsUntil(), ZoneOffset.UTC).minusDays(1);
    MoneyFlows money = report.money();
    List<List<String>> rows = List.of(
        List.of("Requests between", from + " and " + to),
        List.of("Seed", String.valueOf(shop.seed())),
        List.of("Policies", report.result().policies()),
        List.of("Return cases", count(cases)),
        List.of("Lines requested", count(report.linesRequested())),
        List.of("Units requested", count(units)),
        List.of("Customers who returned", count(returningCustomers) + " of "
            + count(shop.customers().size())),
        List.of("Orders in the shop data", count(shop.orders().size())),
        List.of("Refunded", Formats.money(money.refunded())),
        List.of("Store credit issued", Formats.money(money.storeCredit())));
    return new ReportTable("summary", "The month in numbers", null, List.of("", "value"),
        rows);
  }

  private ReportTable outcomes() {
    List<List<String>> rows = new ArrayList<>();
    for (StatusCount row : report.outcomes()) {
      if (row.status().isTerminal() || row.cases() > 0) {
        rows.add(List.of(row.status().name(), count(row.cases()), percent(row.cases(), cases)));
      }
    }
    rows.add(List.of("total", count(cases), percent(cases, cases)));
    return new ReportTable("outcomes", "Outcomes",
        "Where every case ended. A healthy run has every case in a final state.",
        List.of("status", ">cases", ">share"), rows);
  }

  private ReportTable paths() {
    List<List<String>> rows = new ArrayList<>();
    report.paths().forEach((path, n) -> rows.add(List.of(path, count(n), percent(n, cases))));
    return new ReportTable("paths", "Paths through the lifecycle",
        "How requests were decided and which cases left the usual path; a case can take "
            + "several (sent to review, then approved).",
        List.of("path", ">cases", ">of all cases"), rows);
  }

  private ReportTable reasons() {
    int lines = report.linesRequested();
    List<List<String>> rows = new ArrayList<>();
    int rank = 1;
    for (ReasonCount row : report.reasons()) {
      rows.add(List.of(String.valueOf(rank++), row.reason().name(), count(row.lines()),
          count(row.units()), percent(row.lines(), lines), percent(row.cumulativeLines(), lines)));
    }
    return new ReportTable("reasons", "Return reasons (Pareto)",
        "Reasons customers gave, per requested line, most frequent first. The cumulative "
            + "share shows how few reasons make most returns.",
        List.of(">#", "reason", ">lines", ">units", ">share", ">cumulative"), rows);
  }

  private ReportTable rejections() {
    List<List<String>> rows = new ArrayList<>();
    report.rejectionCodes().forEach((code, n) -> rows.add(List.of(code, count(n))));
    return new ReportTable("rejections", "Lines refused, by reason code",
        "Codes from the eligibility rules (at request) and from reviewers.",
        List.of("reason code", ">lines"), rows);
  }

  private ReportTable reviews() {
    AbuseDetection abuse = report.abuse();
    List<List<String>> rows = new ArrayList<>();
    for (ReviewReason row : report.reviews()) {
      rows.add(List.of(row.reasonCode(), count(row.cases()), count(row.approved()),
          count(row.rejected())));
    }
    String caption = "Why the policies asked a person to look; a case sent for two reasons "
        + "counts under both. The demo made " + abuse.abusiveCustomers() + " customer"
        + (abuse.abusiveCustomers() == 1 ? "" : "s") + " abusive; the return-rate rule sent "
        + "cases of " + abuse.caught() + " of them to review, and of "
        + abuse.otherCustomersFlagged() + " other customer"
        + (abuse.otherCustomersFlagged() == 1 ? "" : "s") + ".";
    return new ReportTable("reviews", "Cases sent to manual review", caption,
        List.of("reason code", ">cases", ">approved", ">rejected"), rows);
  }

  private ReportTable liability() {
    return splitTable("liability", "Liability",
        "Who bears the cost of each line whose goods were inspected or lost, at the price "
            + "paid.", "liable", report.liability(), true);
  }

  private ReportTable dispositions() {
    return splitTable("dispositions", "Dispositions",
        "Where the accepted units went, at the price paid.", "disposition",
        report.dispositions(), false);
  }

  private ReportTable splitTable(String slug, String title, String caption, String label,
      List<Split> splits, boolean shareOfLines) {
    int total = splits.stream().mapToInt(s -> shareOfLines ? s.lines() : s.units()).sum();
    List<List<String>> rows = new ArrayList<>();
    for (Split split : splits) {
      rows.add(List.of(split.label(), count(split.lines()), count(split.units()),
          Formats.money(split.value()),
          percent(shareOfLines ? split.lines() : split.units(), total)));
    }
    return new ReportTable(slug, title, caption, List.of(label, ">lines", ">units", ">value",
        shareOfLines ? ">share of lines" : ">share of units"), rows);
  }

  private ReportTable money() {
    MoneyFlows m = report.money();
    List<List<String>> rows = List.of(
        List.of("Refunded to the original payment", Formats.money(m.refunded())),
        List.of("  of which outbound shipping paid back",
            Formats.money(m.outboundShippingRefunded())),
        List.of("Store credit issued", Formats.money(m.storeCredit())),
        List.of("Restocking fees kept", Formats.money(m.restockingFees())),
        List.of("Return shipping charged to customers", Formats.money(m.returnShippingCharged())),
        List.of("Claims: parcels lost on the way back (" + Formats.count(m.lostParcelCases())
            + " cases)", Formats.money(m.lostParcelClaims())),
        List.of("Claims: goods damaged in transit (" + Formats.count(m.transitDamageCases())
            + " cases)", Formats.money(m.transitDamageClaims())),
        List.of("Exchanges ordered (lines)", count(m.exchangesOrdered())),
        List.of("Repairs ordered (lines)", count(m.repairsOrdered())),
        List.of("Sum of RefundIssued events", Formats.money(m.refundEvents())),
        List.of("Refunds in the payment provider's books", Formats.money(m.providerRefunds())),
        List.of("Orders paid back above what was paid", count(m.ordersPaidAboveTotal())));
    return new ReportTable("money", "Money",
        "What the settlements paid and kept. The last three rows reconcile the cases with the "
            + "published events and the provider's books.", List.of("", ">amount"), rows);
  }

  private ReportTable tenders() {
    List<List<String>> rows = new ArrayList<>();
    for (TenderBooks.Row row : report.tenders().rows()) {
      rows.add(List.of(row.tender().name(), Formats.money(row.refunded()),
          Formats.money(row.providerRefunded()), Formats.money(row.charged()),
          Formats.money(row.providerCharged()), row.reconciles() ? "yes" : "NO"));
    }
    return new ReportTable("tenders", "Money by tender",
        "Refunds to each kind of tender and what was charged to it (exchange differences, "
            + "advance replacements), as the cases have them and as the payment provider's "
            + "books do.",
        List.of("tender", ">refunded", ">provider refunded", ">charged", ">provider charged",
            "reconciles"), rows);
  }

  private ReportTable orderMoney() {
    TenderBooks b = report.tenders();
    List<List<String>> rows = List.of(
        List.of("Tax refunded (in the refunds and credit for lines)",
            Formats.money(b.taxRefunded())),
        List.of("Discounts the returned units had", Formats.money(b.discountShare())),
        List.of("Promotions clawed back", Formats.money(b.clawedBack())),
        List.of("Exchange differences refunded", Formats.money(b.exchangeDifferencesRefunded())),
        List.of("Exchange differences charged", Formats.money(b.exchangeDifferencesCharged())),
        List.of("Advance replacements charged (goods never sent back)",
            Formats.money(b.advanceReplacementsCharged())));
    return new ReportTable("order-money", "Tax, discounts and exchanges",
        "The money of the orders' details in what was settled. Clawbacks are off in the "
            + "default policies (setting promotion.clawback); the demo shop sends exchanges "
            + "ahead of the goods (setting advance-exchange.value-limit).", List.of("",
                ">amount"), rows);
  }

  private ReportTable stageTimes() {
    List<List<String>> rows = new ArrayList<>();
    for (StageTime row : report.stageTimes()) {
      rows.add(List.of(row.stage().label(), row.stage().span(), count(row.cases()),
          duration(row.median()), duration(row.p90())));
    }
    return new ReportTable("cycle-times", "Cycle times",
        "How long each stage took, from the timestamps in the cases' histories.",
        List.of("stage", "from -> to", ">cases", ">median", ">p90"), rows);
  }

  private ReportTable topSkus() {
    List<List<String>> rows = new ArrayList<>();
    for (SkuReturns row : report.topSkus()) {
      rows.add(List.of(row.sku().value(), row.category(), count(row.unitsReturned()),
          count(row.unitsSold()), percent(row.unitsReturned(), row.unitsSold()),
          row.topReason().name()));
    }
    return new ReportTable("top-skus", "Products returned most",
        "Units customers asked to return, against units sold in the generated orders.",
        List.of("sku", "category", ">returned", ">sold", ">return rate", "top reason"), rows);
  }

  private ReportTable categories() {
    List<List<String>> rows = new ArrayList<>();
    for (CategoryReturns row : report.categories()) {
      rows.add(List.of(row.category(), count(row.lines()), percent(row.linesApproved(),
          row.lines()), count(row.unitsReturned()), count(row.unitsSold()),
          percent(row.unitsReturned(), row.unitsSold()), row.topReason().name()));
    }
    return new ReportTable("categories", "Categories",
        "Lines approved include those a reviewer approved. Categories the policy does not "
            + "take back, and final-sale goods, show as low approval.",
        List.of("category", ">lines", ">approved", ">units returned", ">units sold",
            ">return rate", "top reason"), rows);
  }

  private ReportTable operations() {
    SimulationStats s = report.stats();
    List<List<String>> rows = List.of(
        List.of("Carrier reports received", count(s.carrierReports())),
        List.of("  ignored as older news (late, out-of-order feed)",
            count(s.staleReportsIgnored())),
        List.of("Parcels delayed in the network", count(s.delayedParcels())),
        List.of("Parcels lost", count(s.lostParcels())),
        List.of("Deliveries the carrier never reported", count(s.deliveryScansMissing())),
        List.of("Payment calls", count(s.paymentAttempts())),
        List.of("  timed out before paying", count(s.paymentTimeoutsBeforePaying())),
        List.of("  paid, but the answer was lost", count(s.paymentTimeoutsAfterPaying())),
        List.of("Settlements retried", count(s.settlementRetries())),
        List.of("Payments made (one per idempotency key)",
            count(report.result().receipts().size())),
        List.of("Expiry sweeps run", count(s.expirySweeps())),
        List.of("Unexpected errors", count(s.errors().size())));
    return new ReportTable("operations", "The world around returnkit",
        "What the simulated carrier, payment provider and customers did. Every failed "
            + "payment was retried with the same idempotency key, so none was paid twice.",
        List.of("", ">count"), rows);
  }

  private ReportTable checks() {
    List<List<String>> rows = new ArrayList<>();
    List<String> problems = report.checks();
    if (problems.isEmpty()) {
      rows.add(List.of("every case in exactly one final state", "ok"));
      rows.add(List.of("refunds: cases = events = provider's books", "ok"));
      rows.add(List.of("store credit: cases = events = provider's books", "ok"));
      rows.add(List.of("no order paid back above what was paid", "ok"));
      if (report.result().outboxEvents().isPresent()) {
        rows.add(List.of("events: the database outbox delivered every published one", "ok"));
      }
      rows.add(List.of("no unexpected errors", "ok"));
    } else {
      problems.forEach(p -> rows.add(List.of(p, "FAILED")));
    }
    return new ReportTable("checks", "Checks", null, List.of("check", "result"), rows);
  }
}
