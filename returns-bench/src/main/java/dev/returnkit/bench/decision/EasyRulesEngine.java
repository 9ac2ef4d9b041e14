package dev.returnkit.bench.decision;

import dev.returnkit.rules.engine.FiredRules;
import dev.returnkit.rules.engine.RuleEngine;
import dev.returnkit.rules.fact.AdvanceExchangeGrant;
import dev.returnkit.rules.fact.CaseFact;
import dev.returnkit.rules.fact.DispositionChoice;
import dev.returnkit.rules.fact.DispositionLine;
import dev.returnkit.rules.fact.EligibilityCase;
import dev.returnkit.rules.fact.EligibilityLine;
import dev.returnkit.rules.fact.ItemRefund;
import dev.returnkit.rules.fact.LiabilityFinding;
import dev.returnkit.rules.fact.LiabilityLine;
import dev.returnkit.rules.fact.OutboundShippingRefund;
import dev.returnkit.rules.fact.RestockingFee;
import dev.returnkit.rules.fact.ReturnShippingCharge;
import dev.returnkit.rules.fact.ReturnlessGrant;
import dev.returnkit.rules.fact.SettlementCase;
import dev.returnkit.rules.fact.SettlementLine;
import dev.returnkit.rules.fact.SettlementMethod;
import dev.returnkit.rules.fact.ShippingPayerChoice;
import dev.returnkit.rules.fact.Verdict;
import dev.returnkit.rules.settings.PolicySettings;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.ReasonFamily;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.api.RulesEngineParameters;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;

/**
 * returnkit's default policy on Easy Rules ({@code org.jeasy:easy-rules-core}), the lightweight
 * engine teams often pick instead of Drools, written the way Easy Rules is used: one rule object
 * per DRL rule, with the DRL's salience as priority, fired per line (and per case) over a
 * {@link Facts} map. Liability and disposition fire with "skip on first applied rule", which is
 * what the DRL's {@code not LiabilityFinding(...)} guards amount to.
 *
 * <p>Easy Rules has no working memory to join facts across a batch, so this engine groups the
 * batch by case itself, as an Easy Rules user would. Thread-safe: the rule sets and engines are
 * built once and never changed.
 */
public final class EasyRulesEngine implements RuleEngine {

  private static final String LINE = "line";
  private static final String CASE = "case";
  private static final String STATE = "state";

  private final PolicySettings settings;
  private final Rules eligibilityLineRules = new Rules();
  private final Rules eligibilityCaseRules = new Rules();
  private final Rules liabilityRules = new Rules();
  private final Rules dispositionRules = new Rules();
  private final Rules settlementLineRules = new Rules();
  private final Rules settlementCaseRules = new Rules();
  private final RulesEngine everyRule = new DefaultRulesEngine();
  private final RulesEngine firstMatch = new DefaultRulesEngine(
      new RulesEngineParameters().skipOnFirstAppliedRule(true));

  /**
   * The default policy under some settings.
   *
   * @param settings the policy settings
   */
  public EasyRulesEngine(PolicySettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    eligibilityRules();
    liabilityRules();
    dispositionRules();
    settlementRules();
  }

  /** What one line's (or case's) rules share while they fire. */
  private static final class State {
    final FiredRules fired;
    int verdicts;
    boolean rejected;

    State(FiredRules fired) {
      this.fired = fired;
    }
  }

  @Override
  public FiredRules run(Collection<?> facts) {
    FiredRules fired = new FiredRules();
    Map<Integer, CaseFact> cases = new LinkedHashMap<>();
    Map<Integer, List<Object>> lines = new LinkedHashMap<>();
    for (Object fact : facts) {
      if (fact instanceof EligibilityCase || fact instanceof SettlementCase) {
        cases.put(((CaseFact) fact).caseKey(), (CaseFact) fact);
      } else if (fact instanceof CaseFact line) {
        lines.computeIfAbsent(line.caseKey(), k -> new ArrayList<>()).add(fact);
      }
    }
    Map<Integer, Boolean> customerReasonKept = new HashMap<>();
    Map<Integer, Boolean> customerLiable = new HashMap<>();
    Map<Integer, Boolean> otherLiable = new HashMap<>();
    for (Map.Entry<Integer, List<Object>> perCase : lines.entrySet()) {
      CaseFact c = cases.get(perCase.getKey());
      for (Object line : perCase.getValue()) {
        State state = new State(fired);
        Facts ruleFacts = new Facts();
        ruleFacts.put(LINE, line);
        ruleFacts.put(STATE, state);
        if (c != null) {
          ruleFacts.put(CASE, c);
        }
        if (line instanceof EligibilityLine e) {
          everyRule.fire(eligibilityLineRules, ruleFacts);
          if (e.family() == ReasonFamily.CUSTOMER_REASON && !state.rejected) {
            customerReasonKept.put(e.caseKey(), Boolean.TRUE);
          }
        } else if (line instanceof LiabilityLine) {
          firstMatch.fire(liabilityRules, ruleFacts);
        } else if (line instanceof DispositionLine) {
          firstMatch.fire(dispositionRules, ruleFacts);
        } else if (line instanceof SettlementLine s) {
          everyRule.fire(settlementLineRules, ruleFacts);
          (s.liability() == Liability.CUSTOMER ? customerLiable : otherLiable)
              .put(s.caseKey(), Boolean.TRUE);
        }
      }
    }
    for (CaseFact c : cases.values()) {
      Facts ruleFacts = new Facts();
      ruleFacts.put(CASE, c);
      ruleFacts.put(STATE, new State(fired));
      ruleFacts.put("customerReasonKept", customerReasonKept.containsKey(c.caseKey()));
      ruleFacts.put("customerLiable", customerLiable.containsKey(c.caseKey()));
      ruleFacts.put("otherLiable", otherLiable.containsKey(c.caseKey()));
      everyRule.fire(c instanceof EligibilityCase ? eligibilityCaseRules : settlementCaseRules,
          ruleFacts);
    }
    return fired;
  }

  // --------------------------------------------------------------------------- the rule sets

  private void eligibilityRules() {
    Rules r = eligibilityLineRules;
    lineRule(r, "eligibility/high-value", 0, EligibilityLine.class,
        (l, f) -> settings.needsValueReview(((EligibilityCase) f.get(CASE)).value()),
        l -> Verdict.review(l, "HIGH_VALUE"), true);
    lineRule(r, "eligibility/high-return-rate", 0, EligibilityLine.class,
        (l, f) -> settings.needsReturnRateReview(l.returnRate(), l.returnCases()),
        l -> Verdict.review(l, "HIGH_RETURN_RATE"), false);
    lineRule(r, "eligibility/other-without-note", 0, EligibilityLine.class,
        (l, f) -> l.reason() == ReturnReason.OTHER && !l.hasNote(),
        l -> Verdict.review(l, "NOTE_REQUIRED"), false);
    lineRule(r, "eligibility/final-sale", 0, EligibilityLine.class,
        (l, f) -> l.finalSale() && !settings.reviewsNonReturnableFault(l.reason()),
        l -> Verdict.reject(l, "NON_RETURNABLE"), false);
    lineRule(r, "eligibility/non-returnable-category", 0, EligibilityLine.class,
        (l, f) -> settings.isNonReturnable(l.category())
            && !settings.reviewsNonReturnableFault(l.reason()),
        l -> Verdict.reject(l, "NON_RETURNABLE"), false);
    lineRule(r, "eligibility/non-returnable-seller-fault", 0, EligibilityLine.class,
        (l, f) -> (l.finalSale() || settings.isNonReturnable(l.category()))
            && settings.reviewsNonReturnableFault(l.reason()),
        l -> Verdict.review(l, "NON_RETURNABLE_SELLER_FAULT"), false);
    lineRule(r, "eligibility/not-delivered", 0, EligibilityLine.class,
        (l, f) -> !l.delivered(), l -> Verdict.reject(l, "ORDER_NOT_DELIVERED"), false);
    lineRule(r, "eligibility/already-returned", 0, EligibilityLine.class,
        (l, f) -> l.quantity() > l.bought() - l.alreadyReturned(),
        l -> Verdict.reject(l, "ALREADY_RETURNED"), false);
    lineRule(r, "eligibility/open-request", 0, EligibilityLine.class,
        (l, f) -> l.otherOpenCases() > 0, l -> Verdict.review(l, "OPEN_REQUEST_EXISTS"), false);
    lineRule(r, "eligibility/return-window", 0, EligibilityLine.class,
        (l, f) -> l.delivered() && l.daysSinceDelivery() > settings.returnWindowDays(
            l.category()), l -> Verdict.reject(l, "RETURN_WINDOW_EXPIRED"), false);
    lineRule(r, "eligibility/returnless-refund", 0, EligibilityLine.class,
        (l, f) -> settings.allowsReturnless(((EligibilityCase) f.get(CASE)).value())
            && settings.isSellerFault(l.reason()),
        l -> ReturnlessGrant.of(l, "RETURNLESS_REFUND"), true);
    lineRule(r, "eligibility/advance-exchange", 0, EligibilityLine.class,
        (l, f) -> settings.allowsAdvanceExchange(((EligibilityCase) f.get(CASE)).value())
            && l.resolution() == Resolution.EXCHANGE && settings.isInGoodStanding(l.returnRate()),
        l -> AdvanceExchangeGrant.of(l, "ADVANCE_EXCHANGE"), true);
    lineRule(r, "eligibility/eligible", -100, EligibilityLine.class,
        (l, f) -> ((State) f.get(STATE)).verdicts == 0, l -> Verdict.approve(l, "ELIGIBLE"),
        false);

    caseRule(eligibilityCaseRules, "eligibility/customer-pays-return-shipping", -200,
        f -> f.get("customerReasonKept"), c -> ShippingPayerChoice.of(c,
            ReturnShippingPayer.CUSTOMER, "CUSTOMER_PAYS_RETURN_SHIPPING"));
    caseRule(eligibilityCaseRules, "eligibility/seller-pays-return-shipping", -200,
        f -> !(Boolean) f.get("customerReasonKept"), c -> ShippingPayerChoice.of(c,
            ReturnShippingPayer.SELLER, "SELLER_PAYS_RETURN_SHIPPING"));
  }

  private void liabilityRules() {
    Rules r = liabilityRules;
    liability(r, "lost-in-transit", 100, LiabilityLine::lostInTransit, Liability.CARRIER,
        "LOST_IN_TRANSIT");
    liability(r, "returnless", 95, LiabilityLine::returnless, Liability.SELLER,
        "RETURNLESS_SELLER_FAULT");
    liability(r, "serial-mismatch", 90, l -> l.found(InspectionFinding.SERIAL_MISMATCH),
        Liability.CUSTOMER, "SERIAL_MISMATCH");
    liability(r, "transit-damage", 80, l -> l.reason() == ReturnReason.DAMAGED_IN_TRANSIT
        && l.found(InspectionFinding.PACKAGING_DAMAGED), Liability.CARRIER, "TRANSIT_DAMAGE");
    liability(r, "wrong-item", 75, l -> l.found(InspectionFinding.WRONG_ITEM), Liability.SELLER,
        "WRONG_ITEM_CONFIRMED");
    liability(r, "expired-on-arrival", 70, l -> l.found(InspectionFinding.EXPIRED),
        Liability.SELLER, "EXPIRED_ON_ARRIVAL");
    liability(r, "supplier-warranty", 60, l -> l.found(InspectionFinding.FUNCTIONAL_FAULT)
        && settings.hasSupplierWarranty(l.category()), Liability.SUPPLIER, "SUPPLIER_WARRANTY");
    liability(r, "confirmed-fault", 59, l -> l.found(InspectionFinding.FUNCTIONAL_FAULT),
        Liability.SELLER, "CONFIRMED_FAULT");
    liability(r, "no-fault-signs-of-use", 50, l -> l.found(InspectionFinding.NO_FAULT_FOUND)
        && l.found(InspectionFinding.SIGNS_OF_USE), Liability.CUSTOMER, "NO_FAULT_SIGNS_OF_USE");
    liability(r, "customer-damage", 40, l -> l.found(InspectionFinding.ITEM_DAMAGED)
        && !l.found(InspectionFinding.PACKAGING_DAMAGED), Liability.CUSTOMER, "CUSTOMER_DAMAGE");
    liability(r, "customer-reason", 30, l -> l.family() == ReasonFamily.CUSTOMER_REASON,
        Liability.CUSTOMER, "CUSTOMER_REASON");
    liability(r, "seller-by-default", -100, l -> true, Liability.SELLER, "SELLER_BY_DEFAULT");
  }

  private void dispositionRules() {
    Rules r = dispositionRules;
    disposition(r, "hygiene", 100, l -> settings.scrapsHygiene(l.category(), l.grade(),
        l.found(InspectionFinding.SEAL_INTACT)), Disposition.SCRAP, "HYGIENE_CATEGORY");
    disposition(r, "expired", 90, l -> l.found(InspectionFinding.EXPIRED), Disposition.SCRAP,
        "EXPIRED");
    disposition(r, "not-sellable", 80, l -> l.grade() == ItemGrade.D, Disposition.SCRAP,
        "NOT_SELLABLE");
    disposition(r, "return-to-supplier", 70, l -> l.found(InspectionFinding.FUNCTIONAL_FAULT)
        && l.liability() == Liability.SUPPLIER, Disposition.RETURN_TO_SUPPLIER,
        "SUPPLIER_WARRANTY");
    disposition(r, "repairable-fault", 65, l -> l.found(InspectionFinding.FUNCTIONAL_FAULT),
        Disposition.REFURBISH, "REPAIRABLE_FAULT");
    disposition(r, "sealed-as-new", 60, l -> l.grade() == ItemGrade.A
        && l.found(InspectionFinding.SEAL_INTACT), Disposition.RESTOCK, "SEALED");
    disposition(r, "wrong-item-as-new", 55, l -> l.grade() == ItemGrade.A
        && l.found(InspectionFinding.WRONG_ITEM), Disposition.RESTOCK, "UNUSED_WRONG_ITEM");
    lineRule(r, "disposition/open-box", 50, DispositionLine.class,
        (l, f) -> l.grade() == ItemGrade.A || l.grade() == ItemGrade.B,
        l -> DispositionChoice.openBox(l, settings.openBoxMarkdownPercent(), "OPEN_BOX"), false);
    disposition(r, "needs-work", 40, l -> l.grade() == ItemGrade.C, Disposition.REFURBISH,
        "NEEDS_REFURBISHMENT");
  }

  private void settlementRules() {
    Rules r = settlementLineRules;
    lineRule(r, "settlement/item-refund", 0, SettlementLine.class, (l, f) -> true,
        l -> ItemRefund.of(l, l.paidForAccepted(), "ITEM_PRICE_REFUNDED"), false);
    lineRule(r, "settlement/method-as-requested", -100, SettlementLine.class, (l, f) -> true,
        l -> SettlementMethod.of(l, l.resolution(), "AS_REQUESTED"), false);
    lineRule(r, "settlement/restocking-fee", 0, SettlementLine.class,
        (l, f) -> l.liability() == Liability.CUSTOMER && l.grade() != null
            && l.grade() != ItemGrade.A,
        l -> RestockingFee.of(l, l.paidForAccepted().percent(settings.restockingFeePercent()),
            "RESTOCKING_FEE"), false);
    caseRule(settlementCaseRules, "settlement/return-shipping-charged", 0, f -> {
      SettlementCase c = f.get(CASE);
      return c.returnShippingPaidBy() == ReturnShippingPayer.CUSTOMER
          && settings.chargesReturnShipping(c.currency()) && (Boolean) f.get("customerLiable");
    }, c -> ReturnShippingCharge.of(c, settings.returnShippingCharge(
        ((SettlementCase) c).currency()), "RETURN_SHIPPING_CHARGED"));
    caseRule(settlementCaseRules, "settlement/outbound-shipping-refunded", 0,
        f -> f.get("otherLiable"), c -> OutboundShippingRefund.of(c,
            ((SettlementCase) c).outboundShippingPaid(), "OUTBOUND_SHIPPING_REFUNDED"));
  }

  // --------------------------------------------------------------------------------- helpers

  /** A condition on a line and the rule facts. */
  @FunctionalInterface
  private interface LineCondition<L> {
    boolean test(L line, Facts facts);
  }

  private <L extends CaseFact> void lineRule(Rules rules, String id, int salience,
      Class<L> type, LineCondition<L> when, Function<L, Object> outcome, boolean matchesCase) {
    rules.register(new RuleBuilder().name(id).priority(-salience)
        .when(facts -> when.test(type.cast(facts.get(LINE)), facts))
        .then(facts -> {
          L line = type.cast(facts.get(LINE));
          State state = facts.get(STATE);
          Object result = outcome.apply(line);
          if (result instanceof Verdict verdict) {
            state.verdicts++;
            state.rejected |= verdict.kind() == Verdict.Kind.REJECT;
          }
          state.fired.recordFiring(id, matchesCase ? List.of(facts.get(CASE), line)
              : List.of(line));
          state.fired.recordOutcome(result);
        })
        .build());
  }

  private void caseRule(Rules rules, String id, int salience, Predicate<Facts> when,
      Function<CaseFact, Object> outcome) {
    rules.register(new RuleBuilder().name(id).priority(-salience)
        .when(when::test)
        .then(facts -> {
          CaseFact c = facts.get(CASE);
          State state = facts.get(STATE);
          state.fired.recordFiring(id, List.of(c));
          state.fired.recordOutcome(outcome.apply(c));
        })
        .build());
  }

  private void liability(Rules rules, String name, int salience, Predicate<LiabilityLine> when,
      Liability liability, String code) {
    lineRule(rules, "liability/" + name, salience, LiabilityLine.class,
        (l, f) -> when.test(l), l -> LiabilityFinding.of(l, liability, code), false);
  }

  private void disposition(Rules rules, String name, int salience,
      Predicate<DispositionLine> when, Disposition disposition, String code) {
    lineRule(rules, "disposition/" + name, salience, DispositionLine.class,
        (l, f) -> when.test(l), l -> DispositionChoice.of(l, disposition, code), false);
  }
}
