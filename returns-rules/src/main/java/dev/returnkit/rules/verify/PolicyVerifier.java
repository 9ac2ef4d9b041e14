package dev.returnkit.rules.verify;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.request.CustomerHistory;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.request.RequestedLineFacts;
import dev.returnkit.core.settlement.LineSettlement;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.settlement.SettlementLineFacts;
import dev.returnkit.core.settlement.SettlementPlan;
import dev.returnkit.core.settlement.SettlementPlanner;
import dev.returnkit.core.warehouse.DispositionDecision;
import dev.returnkit.core.warehouse.DispositionFacts;
import dev.returnkit.core.warehouse.DispositionLineFacts;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.core.warehouse.LiabilityFacts;
import dev.returnkit.core.warehouse.LiabilityLineFacts;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.PurchaseSummary;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.storage.LineQuantities;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Runs scenarios through a rule set, the way a return would go (eligibility, then liability and
 * disposition on the inspected or lost goods, then settlement), and compares what the rules
 * decide with what the policy owner expects.
 *
 * <p>The verifier checks the policy, not the lifecycle: it calls the rules directly. The money
 * is what the core's settlement planner makes of the rules' decision (item refund minus fee and
 * return-shipping charge, plus outbound shipping, with its limits, the tax in it and its routing
 * over a gift card and a card), as a return of that one line would be paid. Stateless and
 * thread-safe.
 */
public final class PolicyVerifier {

  /** The moment every scenario's request is made at. */
  private static final Instant REQUESTED_AT = Instant.parse("2026-01-15T12:00:00Z");
  private static final OrderLineId LINE = OrderLineId.of("L-1");
  /** The reference of a scenario's gift card. */
  private static final String GIFT_CARD = "GIFT-1";
  /** Purchases a scenario's return rate is expressed against. */
  private static final int UNITS_BOUGHT = 1000;
  private static final String MARKDOWN = "MARKDOWN_";
  private static final String PERCENT = "_PERCENT";
  /** A code in expect_codes after this must not be among the codes decided. */
  private static final String NOT = "not ";

  private PolicyVerifier() {}

  /**
   * Runs every scenario.
   *
   * @param policies the rule set
   * @param scenarios the scenarios
   * @return one result per scenario, in order
   */
  public static VerificationReport verify(DroolsPolicies policies, List<Scenario> scenarios) {
    List<VerificationReport.CaseResult> results = new ArrayList<>();
    for (Scenario scenario : scenarios) {
      results.add(verify(policies, scenario));
    }
    return new VerificationReport(policies.description(), results);
  }

  /**
   * Runs one scenario.
   *
   * @param policies the rule set
   * @param scenario the scenario
   * @return what was decided, and whether it is what was expected
   */
  public static VerificationReport.CaseResult verify(DroolsPolicies policies,
      Scenario scenario) {
    Decided decided;
    try {
      decided = decide(policies, scenario);
    } catch (RuntimeException broken) {
      // A rule set that decides nothing (or two things) for a line, or a rule that throws,
      // fails that case, not the whole run: the policy owner sees every case affected.
      return new VerificationReport.CaseResult(scenario, null, List.of(),
          List.of("the rules could not decide: " + broken.getMessage()));
    }
    return new VerificationReport.CaseResult(scenario, decided.outcome(), decided.rules(),
        mismatches(scenario.expected(), decided.outcome()));
  }

  /** What the rules decided about a scenario, and the rules that fired along the way. */
  private record Decided(VerificationReport.Outcome outcome, List<String> rules) {}

  private static Decided decide(DroolsPolicies policies, Scenario s) {
    Set<String> rules = new LinkedHashSet<>();
    OrderSnapshot order = order(s);
    OrderLine orderLine = order.lines().get(0);
    EligibilityDecision eligibility = policies.decide(new EligibilityFacts(REQUESTED_AT, order,
        List.of(new RequestedLineFacts(orderLine, s.quantity(), s.reason(), s.resolution(),
            s.note(), s.alreadyReturned(), s.openRequests())),
        new CustomerHistory(CustomerId.of("C-1"), REQUESTED_AT.minus(Duration.ofDays(90)),
            s.returnCases(), (int) Math.round(s.returnRate() * UNITS_BOUGHT),
            new PurchaseSummary(Math.max(1, s.returnCases()), UNITS_BOUGHT))));
    LineEligibility line = eligibility.lines().get(0);
    collect(rules, line.rationale());
    collect(rules, eligibility.rationale());
    List<String> codes = new ArrayList<>(line.rationale().reasonCodes());
    codes.addAll(eligibility.rationale().reasonCodes());
    String status = line.verdict() == LineVerdict.APPROVED && line.returnless() ? "RETURNLESS"
        : line.verdict().name();
    VerificationReport.Outcome outcome = new VerificationReport.Outcome(status, codes, null,
        null, null, null, null, null, null, null, null, null);
    boolean goodsDecided = line.returnless() || s.lost() || s.grade() != null;
    if (line.verdict() != LineVerdict.APPROVED || !goodsDecided) {
      return new Decided(outcome, List.copyOf(rules));
    }

    Inspection inspection = line.returnless() || s.lost() ? null
        : new Inspection(s.grade(), s.findings(), null);
    LiabilityDecision liability = policies.decide(new LiabilityFacts(ReturnId.of("R-1"),
        List.of(new LiabilityLineFacts(LINE, orderLine.sku(), s.category(), s.reason(),
            inspection, line.returnless(), s.lost() && !line.returnless()))));
    Liability liable = liability.lines().get(0).liability();
    collect(rules, liability.lines().get(0).rationale());
    Disposition disposition = null;
    BigDecimal markdown = null;
    if (inspection != null) {
      DispositionDecision decision = policies.decide(new DispositionFacts(ReturnId.of("R-1"),
          List.of(new DispositionLineFacts(LINE, orderLine.sku(), s.category(), s.reason(),
              s.quantity(), inspection, liable))));
      disposition = decision.lines().get(0).disposition();
      markdown = markdown(decision.lines().get(0).rationale());
      collect(rules, decision.lines().get(0).rationale());
    }
    SettlementDecision settlement = policies.decide(new SettlementFacts(ReturnId.of("R-1"),
        s.lost() && !line.returnless(), eligibility.returnShippingPaidBy(), s.shippingPaid(),
        List.of(new SettlementLineFacts(LINE, orderLine.sku(), s.category(), s.reason(),
            s.resolution(), orderLine.value().units(orderLine.quantity(), 0, s.quantity()),
            s.quantity(), inspection, liable, disposition,
            line.returnless())), order.tenders().stream().map(Tender::type).toList()));
    LineSettlement settled = settlement.lines().get(0);
    collect(rules, settled.rationale());
    collect(rules, settlement.rationale());
    // The money as the core would pay it: the settlement planner, with its limits, the tax
    // and the routing over the order's tenders.
    SettlementPlan plan = SettlementPlanner.plan(settling(s, order, eligibility, liable,
        disposition, inspection, line.returnless()), settlement, order,
        OrderReturnLedger.empty());
    Money refund = plan.total(PaymentKind.REFUND).plus(plan.total(PaymentKind.STORE_CREDIT));
    return new Decided(new VerificationReport.Outcome(status, codes, liable, disposition,
        refund, settled.restockingFee(), settlement.returnShippingCharge(),
        settlement.outboundShippingRefund(), plan.refundTax(),
        s.giftCard() == null ? null : plan.toTender(GIFT_CARD),
        plan.total(PaymentKind.CHARGE), markdown), List.copyOf(rules));
  }

  /**
   * The open-box markdown a disposition carries: the rules engine writes it as the reason code
   * {@code MARKDOWN_<percent>_PERCENT} beside the disposition's own code.
   */
  private static BigDecimal markdown(Rationale rationale) {
    for (String code : rationale.reasonCodes()) {
      if (code.startsWith(MARKDOWN) && code.endsWith(PERCENT)) {
        return new BigDecimal(code.substring(MARKDOWN.length(), code.length() - PERCENT.length()));
      }
    }
    return null;
  }

  /** The scenario's case as it stands when settled: its one line inspected, or lost. */
  private static ReturnCaseSnapshot settling(Scenario s, OrderSnapshot order,
      EligibilityDecision eligibility, Liability liable, Disposition disposition,
      Inspection inspection, boolean returnless) {
    OrderLine bought = order.lines().get(0);
    int units = Math.min(s.quantity(), bought.quantity());
    ReturnLineSnapshot line = ReturnLineSnapshot.builder().orderLineId(LINE).sku(bought.sku())
        .category(s.category()).orderLinePaid(bought.value()).orderedQuantity(bought.quantity())
        .reason(s.reason()).resolution(s.resolution()).verdict(LineVerdict.APPROVED)
        .returnless(returnless).quantities(new LineQuantities(units, units,
            s.lost() || returnless ? 0 : units, units))
        .inspection(inspection).liability(liable).disposition(disposition)
        .replacement(s.replacementPrice() == null ? null : new ReplacementItem(
            Sku.of("SKU-1-REPLACEMENT"), units, s.replacementPrice())).build();
    return ReturnCaseSnapshot.builder().id(ReturnId.of("R-1")).historyHead(HistoryHead.EMPTY)
        .orderId(order.id()).customerId(order.customerId())
        .status(s.lost() && !returnless ? ReturnStatus.LOST_IN_TRANSIT : ReturnStatus.INSPECTED)
        .requestedAt(REQUESTED_AT).updatedAt(REQUESTED_AT)
        .returnShippingPaidBy(eligibility.returnShippingPaidBy()).lines(List.of(line))
        .outboundShippingPaid(order.shippingPaid()).build();
  }

  private static OrderSnapshot order(Scenario s) {
    Instant delivered = s.deliveredDaysAgo() == null ? null
        : REQUESTED_AT.minus(Duration.ofDays(s.deliveredDaysAgo()));
    Instant placed = (delivered == null ? REQUESTED_AT : delivered).minus(Duration.ofDays(2));
    int bought = Math.max(1, s.bought());
    String price = s.price().amount().toPlainString();
    OrderSnapshot.Builder order = OrderSnapshot.builder(OrderId.of("O-1"),
        CustomerId.of("C-1"), s.price().currency()).placedAt(placed).deliveredAt(delivered)
        .shipping(s.shippingPaid());
    if (s.finalSale()) {
      order.finalSaleLine(LINE.value(), "SKU-1", s.category(), bought, price);
    } else {
      order.line(LINE.value(), "SKU-1", s.category(), bought, price);
    }
    order.taxRate(s.taxRate().toPlainString());
    if (s.lineDiscount() != null) {
      order.lineDiscount(s.lineDiscount().amount().toPlainString());
    }
    if (s.promotion() != null) {
      order.promotion("PROMOTION", s.promotion().amount().amount().toPlainString(),
          s.promotion().minimumSubtotal().amount().toPlainString());
    }
    if (s.giftCard() == null) {
      return order.paymentReference("PAY-1").build();
    }
    // The gift card pays what it paid, the card the rest: the total is known once built.
    Money total = order.paymentReference("PAY-1").build().totalPaid();
    return order.paymentReference(null)
        .tender(TenderType.GIFT_CARD, GIFT_CARD, s.giftCard().amount().toPlainString())
        .tender(TenderType.CARD, "PAY-1", total.minus(s.giftCard()).amount().toPlainString())
        .build();
  }

  private static void collect(Set<String> rules, Rationale rationale) {
    rules.addAll(rationale.rules());
  }

  private static List<String> mismatches(Scenario.Expected expected,
      VerificationReport.Outcome actual) {
    List<String> wrong = new ArrayList<>();
    check(wrong, "status", expected.status(), actual.status());
    for (String code : expected.codes()) {
      if (code.startsWith(NOT)) {
        String absent = code.substring(NOT.length()).strip();
        if (actual.codes().contains(absent)) {
          wrong.add("code " + absent + " not expected, but among " + actual.codes());
        }
      } else if (!actual.codes().contains(code)) {
        wrong.add("code " + code + " expected among " + actual.codes());
      }
    }
    check(wrong, "liability", expected.liability(), actual.liability());
    check(wrong, "disposition", expected.disposition(), actual.disposition());
    check(wrong, "refund", expected.refund(), actual.refund());
    check(wrong, "fee", expected.fee(), actual.fee());
    check(wrong, "shipping charge", expected.shippingCharge(), actual.shippingCharge());
    check(wrong, "outbound refund", expected.outboundRefund(), actual.outboundRefund());
    check(wrong, "tax", expected.tax(), actual.tax());
    check(wrong, "gift card", expected.toGiftCard(), actual.toGiftCard());
    check(wrong, "exchange charge", expected.exchangeCharge(), actual.exchangeCharge());
    if (expected.markdown() != null && (actual.markdown() == null
        || expected.markdown().compareTo(actual.markdown()) != 0)) {
      wrong.add("markdown expected " + expected.markdown().toPlainString() + " % but was "
          + (actual.markdown() == null ? "none" : actual.markdown().toPlainString() + " %"));
    }
    return wrong;
  }

  private static void check(List<String> wrong, String what, Object expected, Object actual) {
    if (expected != null && !Objects.equals(expected, actual)) {
      wrong.add(what + " expected " + expected + " but was " + actual);
    }
  }
}
