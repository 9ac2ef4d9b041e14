package dev.returnkit.bench.decision;

import dev.returnkit.rules.engine.FiredRules;
import dev.returnkit.rules.engine.RuleEngine;
import dev.returnkit.rules.fact.AdvanceExchangeGrant;
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
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * returnkit's default policy written by hand in plain Java: the same conditions as the DRL
 * files, the same outcome facts, the same rule ids recorded as fired, in the order the rules'
 * salience gives. The floor of the benchmarks: what a decision costs with no engine at all.
 *
 * <p>Kept deliberately close to the DRL, rule by rule, so a reader can check one against the
 * other; {@code CrossCheck} proves they decide alike on generated cases. Thread-safe.
 */
public final class JavaRules implements RuleEngine {

  private final PolicySettings settings;

  /**
   * The default policy under some settings.
   *
   * @param settings the policy settings
   */
  public JavaRules(PolicySettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  @Override
  public FiredRules run(Collection<?> facts) {
    FiredRules fired = new FiredRules();
    Map<Integer, EligibilityCase> eligibilityCases = new HashMap<>();
    List<EligibilityLine> eligibilityLines = new ArrayList<>();
    Map<Integer, SettlementCase> settlementCases = new HashMap<>();
    List<SettlementLine> settlementLines = new ArrayList<>();
    List<LiabilityLine> liabilityLines = new ArrayList<>();
    List<DispositionLine> dispositionLines = new ArrayList<>();
    for (Object fact : facts) {
      if (fact instanceof EligibilityCase c) {
        eligibilityCases.put(c.caseKey(), c);
      } else if (fact instanceof EligibilityLine l) {
        eligibilityLines.add(l);
      } else if (fact instanceof LiabilityLine l) {
        liabilityLines.add(l);
      } else if (fact instanceof DispositionLine l) {
        dispositionLines.add(l);
      } else if (fact instanceof SettlementCase c) {
        settlementCases.put(c.caseKey(), c);
      } else if (fact instanceof SettlementLine l) {
        settlementLines.add(l);
      }
    }
    Out out = new Out(fired);
    eligibility(eligibilityCases, eligibilityLines, out);
    liabilityLines.forEach(line -> liability(line, out));
    dispositionLines.forEach(line -> disposition(line, out));
    settlement(settlementCases, settlementLines, out);
    return fired;
  }

  // ------------------------------------------------------------------------------ eligibility

  private void eligibility(Map<Integer, EligibilityCase> cases, List<EligibilityLine> lines,
      Out out) {
    // Cases with a customer-reason line that no rule rejected: the customer pays the return.
    Map<Integer, Boolean> customerReasonKept = new HashMap<>();
    for (EligibilityLine line : lines) {
      EligibilityCase c = cases.get(line.caseKey());
      int verdicts = 0;
      boolean reject = false;
      if (settings.needsValueReview(c.value())) {
        out.add(Verdict.review(line, "HIGH_VALUE"), "eligibility/high-value", c, line);
        verdicts++;
      }
      if (settings.needsReturnRateReview(line.returnRate(), line.returnCases())) {
        out.add(Verdict.review(line, "HIGH_RETURN_RATE"), "eligibility/high-return-rate", line);
        verdicts++;
      }
      if (line.reason() == ReturnReason.OTHER && !line.hasNote()) {
        out.add(Verdict.review(line, "NOTE_REQUIRED"), "eligibility/other-without-note", line);
        verdicts++;
      }
      boolean reviewsFault = settings.reviewsNonReturnableFault(line.reason());
      if (line.finalSale() && !reviewsFault) {
        out.add(Verdict.reject(line, "NON_RETURNABLE"), "eligibility/final-sale", line);
        verdicts++;
        reject = true;
      }
      if (settings.isNonReturnable(line.category()) && !reviewsFault) {
        out.add(Verdict.reject(line, "NON_RETURNABLE"), "eligibility/non-returnable-category",
            line);
        verdicts++;
        reject = true;
      }
      if ((line.finalSale() || settings.isNonReturnable(line.category())) && reviewsFault) {
        out.add(Verdict.review(line, "NON_RETURNABLE_SELLER_FAULT"),
            "eligibility/non-returnable-seller-fault", line);
        verdicts++;
      }
      if (!line.delivered()) {
        out.add(Verdict.reject(line, "ORDER_NOT_DELIVERED"), "eligibility/not-delivered", line);
        verdicts++;
        reject = true;
      }
      if (line.quantity() > line.bought() - line.alreadyReturned()) {
        out.add(Verdict.reject(line, "ALREADY_RETURNED"), "eligibility/already-returned", line);
        verdicts++;
        reject = true;
      }
      if (line.otherOpenCases() > 0) {
        out.add(Verdict.review(line, "OPEN_REQUEST_EXISTS"), "eligibility/open-request", line);
        verdicts++;
      }
      if (line.delivered()
          && line.daysSinceDelivery() > settings.returnWindowDays(line.category())) {
        out.add(Verdict.reject(line, "RETURN_WINDOW_EXPIRED"), "eligibility/return-window",
            line);
        verdicts++;
        reject = true;
      }
      if (settings.allowsReturnless(c.value()) && settings.isSellerFault(line.reason())) {
        out.add(ReturnlessGrant.of(line, "RETURNLESS_REFUND"), "eligibility/returnless-refund",
            c, line);
      }
      if (settings.allowsAdvanceExchange(c.value()) && line.resolution() == Resolution.EXCHANGE
          && settings.isInGoodStanding(line.returnRate())) {
        out.add(AdvanceExchangeGrant.of(line, "ADVANCE_EXCHANGE"),
            "eligibility/advance-exchange", c, line);
      }
      // salience -100: only where no rule gave a verdict
      if (verdicts == 0) {
        out.add(Verdict.approve(line, "ELIGIBLE"), "eligibility/eligible", line);
      }
      if (line.family() == ReasonFamily.CUSTOMER_REASON && !reject) {
        customerReasonKept.put(line.caseKey(), Boolean.TRUE);
      }
    }
    // salience -200: who pays the return shipment, once per case
    for (EligibilityCase c : cases.values()) {
      if (customerReasonKept.containsKey(c.caseKey())) {
        out.add(ShippingPayerChoice.of(c, ReturnShippingPayer.CUSTOMER,
            "CUSTOMER_PAYS_RETURN_SHIPPING"), "eligibility/customer-pays-return-shipping", c);
      } else {
        out.add(ShippingPayerChoice.of(c, ReturnShippingPayer.SELLER,
            "SELLER_PAYS_RETURN_SHIPPING"), "eligibility/seller-pays-return-shipping", c);
      }
    }
  }

  // -------------------------------------------------------------------------------- liability

  /** By salience, highest first; the first that matches decides. */
  private void liability(LiabilityLine line, Out out) {
    if (line.lostInTransit()) {
      out.add(LiabilityFinding.of(line, Liability.CARRIER, "LOST_IN_TRANSIT"),
          "liability/lost-in-transit", line);
    } else if (line.returnless()) {
      out.add(LiabilityFinding.of(line, Liability.SELLER, "RETURNLESS_SELLER_FAULT"),
          "liability/returnless", line);
    } else if (line.found(InspectionFinding.SERIAL_MISMATCH)) {
      out.add(LiabilityFinding.of(line, Liability.CUSTOMER, "SERIAL_MISMATCH"),
          "liability/serial-mismatch", line);
    } else if (line.reason() == ReturnReason.DAMAGED_IN_TRANSIT
        && line.found(InspectionFinding.PACKAGING_DAMAGED)) {
      out.add(LiabilityFinding.of(line, Liability.CARRIER, "TRANSIT_DAMAGE"),
          "liability/transit-damage", line);
    } else if (line.found(InspectionFinding.WRONG_ITEM)) {
      out.add(LiabilityFinding.of(line, Liability.SELLER, "WRONG_ITEM_CONFIRMED"),
          "liability/wrong-item", line);
    } else if (line.found(InspectionFinding.EXPIRED)) {
      out.add(LiabilityFinding.of(line, Liability.SELLER, "EXPIRED_ON_ARRIVAL"),
          "liability/expired-on-arrival", line);
    } else if (line.found(InspectionFinding.FUNCTIONAL_FAULT)
        && settings.hasSupplierWarranty(line.category())) {
      out.add(LiabilityFinding.of(line, Liability.SUPPLIER, "SUPPLIER_WARRANTY"),
          "liability/supplier-warranty", line);
    } else if (line.found(InspectionFinding.FUNCTIONAL_FAULT)) {
      out.add(LiabilityFinding.of(line, Liability.SELLER, "CONFIRMED_FAULT"),
          "liability/confirmed-fault", line);
    } else if (line.found(InspectionFinding.NO_FAULT_FOUND)
        && line.found(InspectionFinding.SIGNS_OF_USE)) {
      out.add(LiabilityFinding.of(line, Liability.CUSTOMER, "NO_FAULT_SIGNS_OF_USE"),
          "liability/no-fault-signs-of-use", line);
    } else if (line.found(InspectionFinding.ITEM_DAMAGED)
        && !line.found(InspectionFinding.PACKAGING_DAMAGED)) {
      out.add(LiabilityFinding.of(line, Liability.CUSTOMER, "CUSTOMER_DAMAGE"),
          "liability/customer-damage", line);
    } else if (line.family() == ReasonFamily.CUSTOMER_REASON) {
      out.add(LiabilityFinding.of(line, Liability.CUSTOMER, "CUSTOMER_REASON"),
          "liability/customer-reason", line);
    } else {
      out.add(LiabilityFinding.of(line, Liability.SELLER, "SELLER_BY_DEFAULT"),
          "liability/seller-by-default", line);
    }
  }

  // ------------------------------------------------------------------------------ disposition

  /** By salience, highest first; the first that matches decides; none may match. */
  private void disposition(DispositionLine line, Out out) {
    ItemGrade grade = line.grade();
    if (settings.scrapsHygiene(line.category(), grade,
        line.found(InspectionFinding.SEAL_INTACT))) {
      out.add(DispositionChoice.of(line, Disposition.SCRAP, "HYGIENE_CATEGORY"),
          "disposition/hygiene", line);
    } else if (line.found(InspectionFinding.EXPIRED)) {
      out.add(DispositionChoice.of(line, Disposition.SCRAP, "EXPIRED"), "disposition/expired",
          line);
    } else if (grade == ItemGrade.D) {
      out.add(DispositionChoice.of(line, Disposition.SCRAP, "NOT_SELLABLE"),
          "disposition/not-sellable", line);
    } else if (line.found(InspectionFinding.FUNCTIONAL_FAULT)
        && line.liability() == Liability.SUPPLIER) {
      out.add(DispositionChoice.of(line, Disposition.RETURN_TO_SUPPLIER, "SUPPLIER_WARRANTY"),
          "disposition/return-to-supplier", line);
    } else if (line.found(InspectionFinding.FUNCTIONAL_FAULT)) {
      out.add(DispositionChoice.of(line, Disposition.REFURBISH, "REPAIRABLE_FAULT"),
          "disposition/repairable-fault", line);
    } else if (grade == ItemGrade.A && line.found(InspectionFinding.SEAL_INTACT)) {
      out.add(DispositionChoice.of(line, Disposition.RESTOCK, "SEALED"),
          "disposition/sealed-as-new", line);
    } else if (grade == ItemGrade.A && line.found(InspectionFinding.WRONG_ITEM)) {
      out.add(DispositionChoice.of(line, Disposition.RESTOCK, "UNUSED_WRONG_ITEM"),
          "disposition/wrong-item-as-new", line);
    } else if (grade == ItemGrade.A || grade == ItemGrade.B) {
      out.add(DispositionChoice.openBox(line, settings.openBoxMarkdownPercent(), "OPEN_BOX"),
          "disposition/open-box", line);
    } else if (grade == ItemGrade.C) {
      out.add(DispositionChoice.of(line, Disposition.REFURBISH, "NEEDS_REFURBISHMENT"),
          "disposition/needs-work", line);
    }
  }

  // ------------------------------------------------------------------------------- settlement

  private void settlement(Map<Integer, SettlementCase> cases, List<SettlementLine> lines,
      Out out) {
    Map<Integer, Boolean> customerLiable = new HashMap<>();
    Map<Integer, Boolean> otherLiable = new HashMap<>();
    for (SettlementLine line : lines) {
      out.add(ItemRefund.of(line, line.paidForAccepted(), "ITEM_PRICE_REFUNDED"),
          "settlement/item-refund", line);
      out.add(SettlementMethod.of(line, line.resolution(), "AS_REQUESTED"),
          "settlement/method-as-requested", line);
      if (line.liability() == Liability.CUSTOMER && line.grade() != null
          && line.grade() != ItemGrade.A) {
        out.add(RestockingFee.of(line, line.paidForAccepted()
            .percent(settings.restockingFeePercent()), "RESTOCKING_FEE"),
            "settlement/restocking-fee", line);
      }
      if (line.liability() == Liability.CUSTOMER) {
        customerLiable.put(line.caseKey(), Boolean.TRUE);
      } else {
        otherLiable.put(line.caseKey(), Boolean.TRUE);
      }
    }
    for (SettlementCase c : cases.values()) {
      if (c.returnShippingPaidBy() == ReturnShippingPayer.CUSTOMER
          && settings.chargesReturnShipping(c.currency())
          && customerLiable.containsKey(c.caseKey())) {
        out.add(ReturnShippingCharge.of(c, settings.returnShippingCharge(c.currency()),
            "RETURN_SHIPPING_CHARGED"), "settlement/return-shipping-charged", c);
      }
      if (otherLiable.containsKey(c.caseKey())) {
        out.add(OutboundShippingRefund.of(c, c.outboundShippingPaid(),
            "OUTBOUND_SHIPPING_REFUNDED"), "settlement/outbound-shipping-refunded", c);
      }
    }
  }

  /** Inserts outcomes and records the firing, as the Drools listener would. */
  private record Out(FiredRules fired) {
    void add(Object outcome, String ruleId, Object... matched) {
      fired.recordFiring(ruleId, List.of(matched));
      fired.recordOutcome(outcome);
    }
  }
}
