package dev.returnkit.examples.report;

import dev.returnkit.examples.demo.DemoCustomer;
import dev.returnkit.examples.demo.SimulationResult;
import dev.returnkit.examples.demo.SimulationStats;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The report on a demo run: what happened to the returns, why customers sent things back, who
 * was liable, where the goods went, where the money went, how long each stage took, which
 * products come back most, and which cases a person had to look at.
 *
 * <p>Everything is computed from what returnkit stored (cases and their histories) and
 * published (events), and from the payments the provider made; the report then checks that
 * these agree with each other (see {@link #checks()}). The figures are deterministic: sorted,
 * never read from hash order, so the same run gives the same report byte for byte.
 */
public final class ReturnsReport {

  /** How many SKUs the top-SKU table lists. */
  public static final int TOP_SKUS = 10;

  /** A path: the request was approved by the policies at once. */
  public static final String APPROVED_AT_REQUEST = "Approved at request";
  /** A path: the policies sent the request to manual review. */
  public static final String SENT_TO_REVIEW = "Sent to manual review";
  /** A path: the policies rejected the request. */
  public static final String REJECTED_AT_REQUEST = "Rejected at request";
  /** A path: a reviewer approved. */
  public static final String APPROVED_BY_REVIEWER = "Approved by a reviewer";
  /** A path: a reviewer rejected. */
  public static final String REJECTED_BY_REVIEWER = "Rejected by a reviewer";
  /** A path: refunded without the goods coming back. */
  public static final String RETURNLESS = "Returnless refund (customer keeps the goods)";
  /** A path: the carrier lost the parcel. */
  public static final String LOST = "Parcel lost in transit";
  /** A path: the customer withdrew. */
  public static final String CANCELLED = "Cancelled by the customer";
  /** A path: the parcel never came. */
  public static final String EXPIRED = "Expired (parcel never sent)";
  /** A path: the parcel never came, and the replacement sent ahead of it was charged. */
  public static final String ADVANCE_CHARGED =
      "Advance replacement charged (parcel never sent)";

  /**
   * Cases in one final (or, on a broken run, not final) status.
   *
   * @param status the status
   * @param cases how many cases are in it
   */
  public record StatusCount(ReturnStatus status, int cases) {}

  /**
   * A return reason in the Pareto ranking, counted over requested lines.
   *
   * @param reason the reason
   * @param lines lines requested with it
   * @param units units requested with it
   * @param cumulativeLines lines of this and every higher-ranked reason
   */
  public record ReasonCount(ReturnReason reason, int lines, int units, int cumulativeLines) {}

  /**
   * Lines grouped by a label (a liability, a disposition).
   *
   * @param label the group
   * @param lines lines in it
   * @param units units in it
   * @param value the units' value at the price paid
   */
  public record Split(String label, int lines, int units, Money value) {}

  /**
   * Durations of one stage.
   *
   * @param stage the stage
   * @param cases cases that went through it
   * @param median the median duration, {@code null} if no case went through it
   * @param p90 the 90th percentile, {@code null} if no case went through it
   */
  public record StageTime(Stage stage, int cases, Duration median, Duration p90) {}

  /**
   * A product's returns.
   *
   * @param sku the product
   * @param category its category
   * @param unitsSold units sold in every generated order
   * @param unitsReturned units customers asked to return
   * @param topReason the reason given most often
   */
  public record SkuReturns(Sku sku, String category, int unitsSold, int unitsReturned,
      ReturnReason topReason) {}

  /**
   * A category's returns.
   *
   * @param category the category
   * @param lines lines requested
   * @param linesApproved lines approved (by eligibility or a reviewer)
   * @param unitsReturned units requested
   * @param unitsSold units sold in every generated order
   * @param topReason the reason given most often
   */
  public record CategoryReturns(String category, int lines, int linesApproved, int unitsReturned,
      int unitsSold, ReturnReason topReason) {}

  /**
   * Cases sent to manual review for one reason code, and what the reviewers did.
   *
   * @param reasonCode the policy's reason, e.g. {@code HIGH_VALUE}
   * @param cases cases sent to review with it
   * @param approved of those, approved by the reviewer
   * @param rejected of those, rejected by the reviewer
   */
  public record ReviewReason(String reasonCode, int cases, int approved, int rejected) {}

  /**
   * The money, from the stored cases, the events and the provider's books.
   *
   * @param refunded refunds paid (item refunds and outbound shipping refunds)
   * @param storeCredit store credit issued
   * @param outboundShippingRefunded of the refunds, the original shipping paid back
   * @param restockingFees restocking fees kept
   * @param returnShippingCharged return shipping charged to customers
   * @param lostParcelClaims claims recorded against the return carrier for parcels it lost
   * @param lostParcelCases cases of those
   * @param transitDamageClaims claims recorded for goods damaged in transit on the way out
   *     (the outbound carrier's, which the host knows from the order)
   * @param transitDamageCases cases of those
   * @param exchangesOrdered lines settled by sending a replacement
   * @param repairsOrdered lines settled by a repair
   * @param refundEvents the sum of the {@code RefundIssued} events
   * @param storeCreditEvents the sum of the {@code StoreCreditIssued} events
   * @param providerRefunds refunds in the payment provider's books
   * @param providerStoreCredit store credit in the payment provider's books
   * @param ordersPaidAboveTotal orders whose payments back exceed what the customer paid
   */
  public record MoneyFlows(Money refunded, Money storeCredit, Money outboundShippingRefunded,
      Money restockingFees, Money returnShippingCharged, Money lostParcelClaims,
      int lostParcelCases, Money transitDamageClaims, int transitDamageCases,
      int exchangesOrdered, int repairsOrdered, Money refundEvents, Money storeCreditEvents,
      Money providerRefunds, Money providerStoreCredit, int ordersPaidAboveTotal) {}

  /**
   * How the run's abusive customers fared against the return-rate review.
   *
   * @param abusiveCustomers customers the demo made abusive
   * @param caught of those, customers with at least one case sent to review for their return
   *     rate
   * @param otherCustomersFlagged customers not abusive whose return rate sent a case to review
   */
  public record AbuseDetection(int abusiveCustomers, int caught, int otherCustomersFlagged) {}

  private final SimulationResult result;
  private final Currency currency;
  private final List<ReturnLineSnapshot> requestedLines;
  private final Map<String, Integer> paths;
  private final List<StatusCount> outcomes;
  private final List<ReasonCount> reasons;
  private final List<Split> liability;
  private final List<Split> dispositions;
  private final MoneyFlows money;
  private final TenderBooks tenders;
  private final List<StageTime> stageTimes;
  private final List<SkuReturns> topSkus;
  private final List<CategoryReturns> categories;
  private final List<ReviewReason> reviews;
  private final Map<String, Integer> rejectionCodes;
  private final AbuseDetection abuse;
  private final List<String> checks;

  private ReturnsReport(SimulationResult result) {
    this.result = result;
    this.currency = result.shop().orders().get(0).currency();
    this.requestedLines = result.cases().stream().flatMap(c -> c.lines().stream()).toList();
    this.paths = computePaths();
    this.outcomes = computeOutcomes();
    this.reasons = computeReasons();
    this.liability = computeLiability();
    this.dispositions = computeDispositions();
    this.money = computeMoney();
    this.stageTimes = computeStageTimes();
    this.topSkus = computeTopSkus();
    this.categories = computeCategories();
    this.reviews = computeReviews();
    this.rejectionCodes = computeRejectionCodes();
    this.abuse = computeAbuse();
    this.tenders = TenderBooks.of(result, currency);
    this.checks = computeChecks();
  }

  /**
   * Computes the report on a run.
   *
   * @param result what the run left behind
   * @return the report
   */
  public static ReturnsReport of(SimulationResult result) {
    return new ReturnsReport(result);
  }

  /**
   * Cases per status, every status listed, final ones first.
   *
   * @return the counts, which sum to the number of cases
   */
  public List<StatusCount> outcomes() {
    return outcomes;
  }

  /**
   * The paths cases took through the lifecycle, counted from their histories: how requests
   * were decided, how reviews ended, which cases skipped the parcel or lost it.
   *
   * @return cases per path, in lifecycle order
   */
  public Map<String, Integer> paths() {
    return paths;
  }

  /**
   * Return reasons by number of requested lines, most frequent first (Pareto order).
   *
   * @return the reasons given at least once; their lines sum to the lines requested
   */
  public List<ReasonCount> reasons() {
    return reasons;
  }

  /**
   * Who bore the cost, over lines whose liability was decided (inspected or lost).
   *
   * @return one row per liability decided at least once
   */
  public List<Split> liability() {
    return liability;
  }

  /**
   * Where the accepted goods went.
   *
   * @return one row per disposition decided at least once
   */
  public List<Split> dispositions() {
    return dispositions;
  }

  /**
   * Where the money went.
   *
   * @return the flows and their reconciliation
   */
  public MoneyFlows money() {
    return money;
  }

  /**
   * Median and 90th-percentile durations of each stage.
   *
   * @return one row per stage, in lifecycle order
   */
  public List<StageTime> stageTimes() {
    return stageTimes;
  }

  /**
   * The products customers asked to return most, by units.
   *
   * @return at most {@link #TOP_SKUS} rows
   */
  public List<SkuReturns> topSkus() {
    return topSkus;
  }

  /**
   * Returns per product category, most units returned first.
   *
   * @return one row per category returned from
   */
  public List<CategoryReturns> categories() {
    return categories;
  }

  /**
   * Why cases were sent to manual review, and what the reviewers did with them. A case sent
   * for two reasons counts under both.
   *
   * @return one row per reason code, most frequent first
   */
  public List<ReviewReason> reviews() {
    return reviews;
  }

  /**
   * Why lines were refused: the reason codes on rejected lines, by the policies at request or
   * by a reviewer.
   *
   * @return lines per code, most frequent first
   */
  public Map<String, Integer> rejectionCodes() {
    return rejectionCodes;
  }

  /**
   * How the return-rate review did against the customers the demo made abusive.
   *
   * @return the counts
   */
  public AbuseDetection abuse() {
    return abuse;
  }

  /**
   * The money by tender, in the cases and in the provider's books, with the tax refunded, the
   * discounts, the clawbacks and the exchanges' differences.
   *
   * @return the books
   */
  public TenderBooks tenders() {
    return tenders;
  }

  /**
   * What the report checked, each saying whether it held: every case in a final state, the
   * money in the cases equal to the events and to the provider's books, each tender
   * reconciled with the provider's books, no order paid back above what was paid, no
   * unexpected errors.
   *
   * @return the problems found; empty on a healthy run
   */
  public List<String> checks() {
    return checks;
  }

  /**
   * The run's data: what the report is about.
   *
   * @return the simulation result
   */
  public SimulationResult result() {
    return result;
  }

  /**
   * The report's tables, in reading order.
   *
   * @return the tables
   */
  public List<ReportTable> tables() {
    return ReportTables.of(this);
  }

  /**
   * Lines requested in the run.
   *
   * @return the count
   */
  public int linesRequested() {
    return allLines().size();
  }

  /**
   * The simulation's own counts.
   *
   * @return the stats
   */
  public SimulationStats stats() {
    return result.stats();
  }

  // -------------------------------------------------------------------------------------------
  // Computations, each run once by the constructor

  private Map<String, Integer> computePaths() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (String path : List.of(APPROVED_AT_REQUEST, SENT_TO_REVIEW, REJECTED_AT_REQUEST,
        APPROVED_BY_REVIEWER, REJECTED_BY_REVIEWER, RETURNLESS, LOST, CANCELLED, EXPIRED,
        ADVANCE_CHARGED)) {
      counts.put(path, 0);
    }
    for (List<HistoryEntry> history : result.histories().values()) {
      for (HistoryEntry entry : history) {
        String path = switch (entry.command()) {
          case REQUEST -> switch (entry.toStatus()) {
            case IN_REVIEW -> SENT_TO_REVIEW;
            case REJECTED -> REJECTED_AT_REQUEST;
            default -> APPROVED_AT_REQUEST;
          };
          case APPROVE -> APPROVED_BY_REVIEWER;
          case REJECT -> REJECTED_BY_REVIEWER;
          case GRANT_RETURNLESS_REFUND -> RETURNLESS;
          case RECORD_LOSS -> LOST;
          case CANCEL -> CANCELLED;
          case EXPIRE -> EXPIRED;
          case CHARGE_ADVANCE_REPLACEMENT -> ADVANCE_CHARGED;
          default -> null;
        };
        if (path != null) {
          counts.merge(path, 1, Integer::sum);
        }
      }
    }
    return Collections.unmodifiableMap(counts);
  }

  private List<StatusCount> computeOutcomes() {
    Map<ReturnStatus, Integer> counts = new EnumMap<>(ReturnStatus.class);
    for (ReturnStatus status : ReturnStatus.values()) {
      counts.put(status, 0);
    }
    result.cases().forEach(c -> counts.merge(c.status(), 1, Integer::sum));
    List<StatusCount> rows = new ArrayList<>();
    counts.forEach((status, n) -> rows.add(new StatusCount(status, n)));
    rows.sort(Comparator.comparing((StatusCount r) -> !r.status().isTerminal())
        .thenComparing(r -> r.status().ordinal()));
    return List.copyOf(rows);
  }

  private List<ReasonCount> computeReasons() {
    Map<ReturnReason, int[]> counts = new EnumMap<>(ReturnReason.class);
    for (ReturnLineSnapshot line : allLines()) {
      int[] c = counts.computeIfAbsent(line.reason(), r -> new int[2]);
      c[0]++;
      c[1] += line.quantities().requested();
    }
    List<ReturnReason> ranked = new ArrayList<>(counts.keySet());
    ranked.sort(Comparator.comparing((ReturnReason r) -> -counts.get(r)[0])
        .thenComparing(Enum::ordinal));
    List<ReasonCount> rows = new ArrayList<>();
    int cumulative = 0;
    for (ReturnReason reason : ranked) {
      cumulative += counts.get(reason)[0];
      rows.add(new ReasonCount(reason, counts.get(reason)[0], counts.get(reason)[1],
          cumulative));
    }
    return List.copyOf(rows);
  }

  private List<Split> computeLiability() {
    Map<Liability, Split> rows = new EnumMap<>(Liability.class);
    for (ReturnCaseSnapshot c : result.cases()) {
      for (ReturnLineSnapshot line : c.lines()) {
        if (line.liability() != null) {
          // A lost parcel's liability covers the approved units; an inspection's, those counted.
          int units = line.quantities().received() == 0 ? line.quantities().approved()
              : line.quantities().received();
          rows.merge(line.liability(), split(line.liability().name(), units, line),
              ReturnsReport::add);
        }
      }
    }
    return List.copyOf(rows.values());
  }

  private List<Split> computeDispositions() {
    Map<Disposition, Split> rows = new EnumMap<>(Disposition.class);
    for (ReturnLineSnapshot line : allLines()) {
      if (line.disposition() != null && line.quantities().accepted() > 0) {
        rows.merge(line.disposition(), split(line.disposition().name(),
            line.quantities().accepted(), line), ReturnsReport::add);
      }
    }
    return List.copyOf(rows.values());
  }

  private MoneyFlows computeMoney() {
    Money zero = Money.zero(currency);
    Money refunded = zero;
    Money storeCredit = zero;
    Money shippingRefunded = zero;
    Money fees = zero;
    Money returnShipping = zero;
    for (ReturnCaseSnapshot c : result.cases()) {
      refunded = refunded.plus(c.paidOut(PaymentKind.REFUND));
      storeCredit = storeCredit.plus(c.paidOut(PaymentKind.STORE_CREDIT));
      if (c.status() == ReturnStatus.COMPLETED) {
        shippingRefunded = shippingRefunded.plus(c.outboundShippingRefund());
        for (ReturnLineSnapshot line : c.lines()) {
          fees = fees.plus(line.money().restockingFee());
          returnShipping = returnShipping.plus(line.money().returnShippingCharge());
        }
      }
    }
    Money lostClaims = zero;
    Money damageClaims = zero;
    int lostCases = 0;
    int damageCases = 0;
    Money refundEvents = zero;
    Money creditEvents = zero;
    int exchanges = 0;
    int repairs = 0;
    for (ReturnEvent event : result.events()) {
      if (event instanceof ReturnEvent.CarrierClaimRecorded claim) {
        // A claim naming the return shipment's carrier is for a parcel lost on the way back;
        // one naming none is for damage on the way out.
        if (claim.carrier() != null) {
          lostClaims = lostClaims.plus(claim.amount());
          lostCases++;
        } else {
          damageClaims = damageClaims.plus(claim.amount());
          damageCases++;
        }
      } else if (event instanceof ReturnEvent.RefundIssued refund) {
        refundEvents = refundEvents.plus(refund.payment().amount());
      } else if (event instanceof ReturnEvent.StoreCreditIssued credit) {
        creditEvents = creditEvents.plus(credit.payment().amount());
      } else if (event instanceof ReturnEvent.ExchangeOrdered) {
        exchanges++;
      } else if (event instanceof ReturnEvent.RepairOrdered) {
        repairs++;
      }
    }
    Money providerRefunds = zero;
    Money providerCredit = zero;
    for (PaymentReceipt receipt : result.receipts()) {
      if (receipt.kind() == PaymentKind.REFUND) {
        providerRefunds = providerRefunds.plus(receipt.amount());
      } else if (receipt.kind() == PaymentKind.STORE_CREDIT) {
        providerCredit = providerCredit.plus(receipt.amount());
      }
    }
    return new MoneyFlows(refunded, storeCredit, shippingRefunded, fees, returnShipping,
        lostClaims, lostCases, damageClaims, damageCases, exchanges, repairs, refundEvents,
        creditEvents, providerRefunds, providerCredit,
        ordersPaidAboveTotal());
  }

  private List<StageTime> computeStageTimes() {
    List<StageTime> rows = new ArrayList<>();
    for (Stage stage : Stage.values()) {
      List<Duration> durations = new ArrayList<>();
      for (ReturnCaseSnapshot c : result.cases()) {
        stage.measure(result.histories().get(c.id())).ifPresent(durations::add);
      }
      durations.sort(Comparator.naturalOrder());
      rows.add(new StageTime(stage, durations.size(), percentile(durations, 50),
          percentile(durations, 90)));
    }
    return List.copyOf(rows);
  }

  private List<SkuReturns> computeTopSkus() {
    Map<Sku, Integer> sold = new HashMap<>();
    Map<Sku, String> categoryOf = new HashMap<>();
    for (OrderSnapshot order : result.shop().orders()) {
      for (OrderLine line : order.lines()) {
        sold.merge(line.sku(), line.quantity(), Integer::sum);
        categoryOf.put(line.sku(), line.category());
      }
    }
    Map<Sku, Integer> returned = new HashMap<>();
    Map<Sku, Map<ReturnReason, Integer>> reasonsOf = new HashMap<>();
    for (ReturnLineSnapshot line : allLines()) {
      returned.merge(line.sku(), line.quantities().requested(), Integer::sum);
      reasonsOf.computeIfAbsent(line.sku(), s -> new EnumMap<>(ReturnReason.class))
          .merge(line.reason(), 1, Integer::sum);
    }
    return returned.keySet().stream()
        .sorted(Comparator.comparing((Sku s) -> -returned.get(s)).thenComparing(Sku::value))
        .limit(TOP_SKUS)
        .map(s -> new SkuReturns(s, categoryOf.get(s), sold.get(s), returned.get(s),
            topReason(reasonsOf.get(s))))
        .toList();
  }

  private List<CategoryReturns> computeCategories() {
    Map<String, Integer> sold = new TreeMap<>();
    for (OrderSnapshot order : result.shop().orders()) {
      for (OrderLine line : order.lines()) {
        sold.merge(line.category(), line.quantity(), Integer::sum);
      }
    }
    Map<String, int[]> counts = new TreeMap<>();
    Map<String, Map<ReturnReason, Integer>> reasonsOf = new TreeMap<>();
    for (ReturnLineSnapshot line : allLines()) {
      int[] c = counts.computeIfAbsent(line.category(), k -> new int[3]);
      c[0]++;
      c[1] += line.verdict() == LineVerdict.APPROVED ? 1 : 0;
      c[2] += line.quantities().requested();
      reasonsOf.computeIfAbsent(line.category(), k -> new EnumMap<>(ReturnReason.class))
          .merge(line.reason(), 1, Integer::sum);
    }
    return counts.keySet().stream()
        .sorted(Comparator.comparing((String k) -> -counts.get(k)[2])
            .thenComparing(Comparator.naturalOrder()))
        .map(k -> new CategoryReturns(k, counts.get(k)[0], counts.get(k)[1], counts.get(k)[2],
            sold.getOrDefault(k, 0), topReason(reasonsOf.get(k))))
        .toList();
  }

  private List<ReviewReason> computeReviews() {
    Map<String, int[]> counts = new TreeMap<>();
    for (ReturnEvent event : result.events()) {
      if (event instanceof ReturnEvent.ReturnSentToReview sent) {
        ReturnCommand decision = reviewDecision(result.histories().get(sent.returnId()));
        for (String code : new TreeSet<>(sent.reasonCodes())) {
          int[] c = counts.computeIfAbsent(code, k -> new int[3]);
          c[0]++;
          c[1] += decision == ReturnCommand.APPROVE ? 1 : 0;
          c[2] += decision == ReturnCommand.REJECT ? 1 : 0;
        }
      }
    }
    return counts.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, int[]> e) -> -e.getValue()[0])
            .thenComparing(Map.Entry::getKey))
        .map(e -> new ReviewReason(e.getKey(), e.getValue()[0], e.getValue()[1],
            e.getValue()[2]))
        .toList();
  }

  private Map<String, Integer> computeRejectionCodes() {
    Map<String, Integer> counts = new TreeMap<>();
    for (ReturnLineSnapshot line : allLines()) {
      if (line.verdict() == LineVerdict.REJECTED) {
        for (String code : new TreeSet<>(line.verdictCodes())) {
          counts.merge(code, 1, Integer::sum);
        }
      }
    }
    Map<String, Integer> ranked = new LinkedHashMap<>();
    counts.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<String, Integer> e) -> -e.getValue())
            .thenComparing(Map.Entry::getKey))
        .forEach(e -> ranked.put(e.getKey(), e.getValue()));
    return ranked;
  }

  private AbuseDetection computeAbuse() {
    Set<CustomerId> flagged = new HashSet<>();
    Map<ReturnId, CustomerId> customerOf = new HashMap<>();
    result.cases().forEach(c -> customerOf.put(c.id(), c.customerId()));
    for (ReturnEvent event : result.events()) {
      if (event instanceof ReturnEvent.ReturnSentToReview sent
          && sent.reasonCodes().contains("HIGH_RETURN_RATE")) {
        flagged.add(customerOf.get(sent.returnId()));
      }
    }
    int abusive = 0;
    int caught = 0;
    for (DemoCustomer customer : result.shop().customers()) {
      if (customer.abusive()) {
        abusive++;
        caught += flagged.contains(customer.id()) ? 1 : 0;
      }
    }
    return new AbuseDetection(abusive, caught, flagged.size() - caught);
  }

  private List<String> computeChecks() {
    List<String> problems = new ArrayList<>();
    for (ReturnCaseSnapshot c : result.cases()) {
      if (!c.status().isTerminal()) {
        problems.add("case " + c.id() + " ended the run in " + c.status());
      }
    }
    MoneyFlows m = money();
    if (!m.refunded().equals(m.refundEvents()) || !m.refunded().equals(m.providerRefunds())) {
      problems.add("refunds disagree: cases " + m.refunded() + ", events " + m.refundEvents()
          + ", provider " + m.providerRefunds());
    }
    if (!m.storeCredit().equals(m.storeCreditEvents())
        || !m.storeCredit().equals(m.providerStoreCredit())) {
      problems.add("store credit disagrees: cases " + m.storeCredit() + ", events "
          + m.storeCreditEvents() + ", provider " + m.providerStoreCredit());
    }
    problems.addAll(tenders.disagreements());
    if (m.ordersPaidAboveTotal() > 0) {
      problems.add(m.ordersPaidAboveTotal() + " order(s) paid back above what was paid");
    }
    result.outboxEvents().ifPresent(relayed -> {
      if (relayed != result.events().size()) {
        problems.add("the outbox delivered " + relayed + " events; " + result.events().size()
            + " were published");
      }
    });
    result.stats().errors().forEach(e -> problems.add("error: " + e));
    return List.copyOf(problems);
  }

  private List<ReturnLineSnapshot> allLines() {
    return requestedLines;
  }

  private static Split split(String label, int units, ReturnLineSnapshot line) {
    return new Split(label, 1, units, line.paidFor(units));
  }

  private static Split add(Split a, Split b) {
    return new Split(a.label(), a.lines() + b.lines(), a.units() + b.units(),
        a.value().plus(b.value()));
  }

  private static Duration percentile(List<Duration> sorted, int percent) {
    if (sorted.isEmpty()) {
      return null;
    }
    // Nearest rank: the smallest value with at least percent% of the values at or below it.
    int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1));
  }

  private static ReturnReason topReason(Map<ReturnReason, Integer> counts) {
    return counts.entrySet().stream()
        .sorted(Comparator.comparing((Map.Entry<ReturnReason, Integer> e) -> -e.getValue())
            .thenComparing(e -> e.getKey().ordinal()))
        .map(Map.Entry::getKey)
        .findFirst().orElseThrow();
  }

  private static ReturnCommand reviewDecision(List<HistoryEntry> history) {
    return history.stream()
        .map(HistoryEntry::command)
        .filter(c -> c == ReturnCommand.APPROVE || c == ReturnCommand.REJECT
            || c == ReturnCommand.CANCEL)
        .findFirst().orElse(null);
  }

  /** Orders whose confirmed payments back exceed the price of their lines plus shipping. */
  private int ordersPaidAboveTotal() {
    Map<OrderId, Money> paidBack = new HashMap<>();
    for (ReturnCaseSnapshot c : result.cases()) {
      for (SettlementPayment payment : c.payments()) {
        // A charge takes money in, and a store credit bonus is a gift: neither is money back.
        if (payment.paidAt() != null && payment.kind() != PaymentKind.CHARGE
            && payment.purpose() != PaymentPurpose.STORE_CREDIT_BONUS) {
          paidBack.merge(c.orderId(), payment.amount(), Money::plus);
        }
      }
    }
    int above = 0;
    for (OrderSnapshot order : result.shop().orders()) {
      Money paid = order.shippingPaid();
      for (OrderLine line : order.lines()) {
        paid = paid.plus(line.paid());
      }
      Money back = paidBack.get(order.id());
      if (back != null && back.isGreaterThan(paid)) {
        above++;
      }
    }
    return above;
  }
}
