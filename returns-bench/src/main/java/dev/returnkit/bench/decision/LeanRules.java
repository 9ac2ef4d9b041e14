package dev.returnkit.bench.decision;

import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.request.RequestedLineFacts;
import dev.returnkit.core.settlement.LineSettlement;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.settlement.SettlementLineFacts;
import dev.returnkit.core.warehouse.DispositionDecision;
import dev.returnkit.core.warehouse.DispositionFacts;
import dev.returnkit.core.warehouse.DispositionLineFacts;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.core.warehouse.LiabilityFacts;
import dev.returnkit.core.warehouse.LiabilityLineFacts;
import dev.returnkit.core.warehouse.LineDisposition;
import dev.returnkit.core.warehouse.LineLiability;
import dev.returnkit.rules.settings.PolicySettings;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.ReasonFamily;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * returnkit's default policy as a shop would write it by hand with no rule engine and no rule
 * facts: straight from the core's decision facts to the core's decisions, with the same reason
 * codes and the names of the rules a decision rests on. The real floor of the benchmarks, what
 * deciding costs at the least; {@link JavaRules} beside it is the same policy behind
 * returnkit's rule glue, so the two show what the glue costs.
 *
 * <p>{@code CrossCheck} proves it decides as the DRL rules do. Thread-safe.
 */
public final class LeanRules {

  private final PolicySettings settings;

  /**
   * The default policy under some settings.
   *
   * @param settings the policy settings
   */
  public LeanRules(PolicySettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * The four decisions of a case.
   *
   * @param c the case
   * @return its decisions
   */
  public CaseDecisions decide(DecisionCase c) {
    return new CaseDecisions(eligibility(c.eligibility()), liability(c.liability()),
        disposition(c.disposition()), settlement(c.settlement()));
  }

  // ------------------------------------------------------------------------------ eligibility

  /**
   * Whether a request's lines may be returned, and who pays the return shipment.
   *
   * @param request the request
   * @return the decision
   */
  public EligibilityDecision eligibility(EligibilityFacts request) {
    Money total = Money.zero(request.order().currency());
    for (RequestedLineFacts line : request.lines()) {
      total = total.plus(line.requestedValue());
    }
    boolean delivered = request.order().isDelivered();
    long days = Math.max(0, request.timeSinceDelivery().map(Duration::toDays).orElse(0L));
    boolean reviewValue = settings.needsValueReview(total);
    boolean returnlessValue = settings.allowsReturnless(total);
    boolean advanceValue = settings.allowsAdvanceExchange(total);
    double returnRate = request.customer().returnRate();
    boolean reviewRate = settings.needsReturnRateReview(returnRate,
        request.customer().returnCases());
    boolean goodStanding = settings.isInGoodStanding(returnRate);
    boolean customerPays = false;
    List<LineEligibility> lines = new ArrayList<>(request.lines().size());
    for (RequestedLineFacts line : request.lines()) {
      Verdicts v = new Verdicts();
      String category = line.orderLine().category();
      ReturnReason reason = line.reason();
      boolean nonReturnable = settings.isNonReturnable(category);
      boolean reviewsFault = settings.reviewsNonReturnableFault(reason);
      boolean finalSale = line.orderLine().finalSale();
      if (reviewValue) {
        v.review("HIGH_VALUE", "eligibility/high-value");
      }
      if (reviewRate) {
        v.review("HIGH_RETURN_RATE", "eligibility/high-return-rate");
      }
      if (reason == ReturnReason.OTHER && !line.hasNote()) {
        v.review("NOTE_REQUIRED", "eligibility/other-without-note");
      }
      if (finalSale && !reviewsFault) {
        v.reject("NON_RETURNABLE", "eligibility/final-sale");
      }
      if (nonReturnable && !reviewsFault) {
        v.reject("NON_RETURNABLE", "eligibility/non-returnable-category");
      }
      if ((finalSale || nonReturnable) && reviewsFault) {
        v.review("NON_RETURNABLE_SELLER_FAULT", "eligibility/non-returnable-seller-fault");
      }
      if (!delivered) {
        v.reject("ORDER_NOT_DELIVERED", "eligibility/not-delivered");
      }
      if (line.quantity() > line.orderLine().quantity() - line.alreadyReturned()) {
        v.reject("ALREADY_RETURNED", "eligibility/already-returned");
      }
      if (line.otherOpenCases() > 0) {
        v.review("OPEN_REQUEST_EXISTS", "eligibility/open-request");
      }
      if (delivered && days > settings.returnWindowDays(category)) {
        v.reject("RETURN_WINDOW_EXPIRED", "eligibility/return-window");
      }
      boolean returnless = returnlessValue && settings.isSellerFault(reason);
      if (returnless) {
        v.rules.add("eligibility/returnless-refund");
      }
      boolean advance = advanceValue && line.resolution() == Resolution.EXCHANGE && goodStanding;
      if (advance) {
        v.rules.add("eligibility/advance-exchange");
      }
      if (reason.family() == ReasonFamily.CUSTOMER_REASON && v.rejected.isEmpty()) {
        customerPays = true;
      }
      lines.add(v.decide(line, returnless, advance));
    }
    return customerPays
        ? new EligibilityDecision(lines, ReturnShippingPayer.CUSTOMER, Rationale.of(
            "CUSTOMER_PAYS_RETURN_SHIPPING", "eligibility/customer-pays-return-shipping"))
        : new EligibilityDecision(lines, ReturnShippingPayer.SELLER, Rationale.of(
            "SELLER_PAYS_RETURN_SHIPPING", "eligibility/seller-pays-return-shipping"));
  }

  /** The verdicts one line collects; rejection wins over review, review over approval. */
  private static final class Verdicts {
    final List<String> rejected = new ArrayList<>(2);
    final List<String> reviewed = new ArrayList<>(2);
    final List<String> rules = new ArrayList<>(4);

    void reject(String code, String rule) {
      if (!rejected.contains(code)) {
        rejected.add(code);
      }
      rules.add(rule);
    }

    void review(String code, String rule) {
      if (!reviewed.contains(code)) {
        reviewed.add(code);
      }
      rules.add(rule);
    }

    LineEligibility decide(RequestedLineFacts line, boolean returnless, boolean advance) {
      if (!rejected.isEmpty()) {
        return new LineEligibility(line.orderLine().id(), LineVerdict.REJECTED, false,
            new Rationale(rejected, rules));
      }
      if (!reviewed.isEmpty()) {
        return new LineEligibility(line.orderLine().id(), LineVerdict.IN_REVIEW, false,
            new Rationale(reviewed, rules));
      }
      List<String> codes = new ArrayList<>(3);
      codes.add("ELIGIBLE");
      rules.add("eligibility/eligible");
      if (returnless) {
        codes.add("RETURNLESS_REFUND");
      }
      if (advance) {
        codes.add("ADVANCE_EXCHANGE");
      }
      return new LineEligibility(line.orderLine().id(), LineVerdict.APPROVED, returnless,
          new Rationale(codes, rules), advance);
    }
  }

  // -------------------------------------------------------------------------------- liability

  /**
   * Who is liable for each inspected (or lost, or returnless) line.
   *
   * @param facts the lines
   * @return the decision
   */
  public LiabilityDecision liability(LiabilityFacts facts) {
    List<LineLiability> lines = new ArrayList<>(facts.lines().size());
    for (LiabilityLineFacts line : facts.lines()) {
      lines.add(liability(line));
    }
    return new LiabilityDecision(lines);
  }

  /** By the rules' salience, highest first; the first that matches decides. */
  private LineLiability liability(LiabilityLineFacts line) {
    Set<InspectionFinding> found = line.inspection() == null ? Set.of()
        : line.inspection().findings();
    if (line.lostInTransit()) {
      return liable(line, Liability.CARRIER, "LOST_IN_TRANSIT", "liability/lost-in-transit");
    } else if (line.returnless()) {
      return liable(line, Liability.SELLER, "RETURNLESS_SELLER_FAULT", "liability/returnless");
    } else if (found.contains(InspectionFinding.SERIAL_MISMATCH)) {
      return liable(line, Liability.CUSTOMER, "SERIAL_MISMATCH", "liability/serial-mismatch");
    } else if (line.reason() == ReturnReason.DAMAGED_IN_TRANSIT
        && found.contains(InspectionFinding.PACKAGING_DAMAGED)) {
      return liable(line, Liability.CARRIER, "TRANSIT_DAMAGE", "liability/transit-damage");
    } else if (found.contains(InspectionFinding.WRONG_ITEM)) {
      return liable(line, Liability.SELLER, "WRONG_ITEM_CONFIRMED", "liability/wrong-item");
    } else if (found.contains(InspectionFinding.EXPIRED)) {
      return liable(line, Liability.SELLER, "EXPIRED_ON_ARRIVAL",
          "liability/expired-on-arrival");
    } else if (found.contains(InspectionFinding.FUNCTIONAL_FAULT)) {
      return settings.hasSupplierWarranty(line.category())
          ? liable(line, Liability.SUPPLIER, "SUPPLIER_WARRANTY", "liability/supplier-warranty")
          : liable(line, Liability.SELLER, "CONFIRMED_FAULT", "liability/confirmed-fault");
    } else if (found.contains(InspectionFinding.NO_FAULT_FOUND)
        && found.contains(InspectionFinding.SIGNS_OF_USE)) {
      return liable(line, Liability.CUSTOMER, "NO_FAULT_SIGNS_OF_USE",
          "liability/no-fault-signs-of-use");
    } else if (found.contains(InspectionFinding.ITEM_DAMAGED)
        && !found.contains(InspectionFinding.PACKAGING_DAMAGED)) {
      return liable(line, Liability.CUSTOMER, "CUSTOMER_DAMAGE", "liability/customer-damage");
    } else if (line.reason().family() == ReasonFamily.CUSTOMER_REASON) {
      return liable(line, Liability.CUSTOMER, "CUSTOMER_REASON", "liability/customer-reason");
    }
    return liable(line, Liability.SELLER, "SELLER_BY_DEFAULT", "liability/seller-by-default");
  }

  private static LineLiability liable(LiabilityLineFacts line, Liability liability,
      String code, String rule) {
    return new LineLiability(line.orderLineId(), liability, Rationale.of(code, rule));
  }

  // ------------------------------------------------------------------------------ disposition

  /**
   * What happens to each inspected line's goods.
   *
   * @param facts the lines
   * @return the decision
   */
  public DispositionDecision disposition(DispositionFacts facts) {
    List<LineDisposition> lines = new ArrayList<>(facts.lines().size());
    for (DispositionLineFacts line : facts.lines()) {
      lines.add(disposition(line));
    }
    return new DispositionDecision(lines);
  }

  /** By the rules' salience, highest first; the first that matches decides. */
  private LineDisposition disposition(DispositionLineFacts line) {
    ItemGrade grade = line.inspection().grade();
    Set<InspectionFinding> found = line.inspection().findings();
    boolean sealed = found.contains(InspectionFinding.SEAL_INTACT);
    if (settings.scrapsHygiene(line.category(), grade, sealed)) {
      return goes(line, Disposition.SCRAP, "HYGIENE_CATEGORY", "disposition/hygiene");
    } else if (found.contains(InspectionFinding.EXPIRED)) {
      return goes(line, Disposition.SCRAP, "EXPIRED", "disposition/expired");
    } else if (grade == ItemGrade.D) {
      return goes(line, Disposition.SCRAP, "NOT_SELLABLE", "disposition/not-sellable");
    } else if (found.contains(InspectionFinding.FUNCTIONAL_FAULT)) {
      return line.liability() == Liability.SUPPLIER
          ? goes(line, Disposition.RETURN_TO_SUPPLIER, "SUPPLIER_WARRANTY",
              "disposition/return-to-supplier")
          : goes(line, Disposition.REFURBISH, "REPAIRABLE_FAULT",
              "disposition/repairable-fault");
    } else if (grade == ItemGrade.A && sealed) {
      return goes(line, Disposition.RESTOCK, "SEALED", "disposition/sealed-as-new");
    } else if (grade == ItemGrade.A && found.contains(InspectionFinding.WRONG_ITEM)) {
      return goes(line, Disposition.RESTOCK, "UNUSED_WRONG_ITEM",
          "disposition/wrong-item-as-new");
    } else if (grade == ItemGrade.A || grade == ItemGrade.B) {
      BigDecimal markdown = settings.openBoxMarkdownPercent();
      return new LineDisposition(line.orderLineId(), Disposition.RESTOCK_OPEN_BOX,
          markdown.signum() > 0
              ? new Rationale(List.of("OPEN_BOX", "MARKDOWN_"
                  + markdown.stripTrailingZeros().toPlainString() + "_PERCENT"),
                  List.of("disposition/open-box"))
              : Rationale.of("OPEN_BOX", "disposition/open-box"));
    }
    return goes(line, Disposition.REFURBISH, "NEEDS_REFURBISHMENT", "disposition/needs-work");
  }

  private static LineDisposition goes(DispositionLineFacts line, Disposition disposition,
      String code, String rule) {
    return new LineDisposition(line.orderLineId(), disposition, Rationale.of(code, rule));
  }

  // ------------------------------------------------------------------------------- settlement

  /**
   * The money of a case: per line the refund, the fee and the method; the return shipment
   * charged and the outbound shipping refunded.
   *
   * @param facts the lines to settle
   * @return the decision
   */
  public SettlementDecision settlement(SettlementFacts facts) {
    Currency currency = facts.outboundShippingPaid().currency();
    Money zero = Money.zero(currency);
    boolean customerLiable = false;
    boolean otherLiable = false;
    List<LineSettlement> lines = new ArrayList<>(facts.lines().size());
    for (SettlementLineFacts line : facts.lines()) {
      Money paid = line.paidForAccepted();
      boolean fee = line.liability() == Liability.CUSTOMER && line.inspection() != null
          && line.inspection().grade() != ItemGrade.A;
      lines.add(fee
          ? new LineSettlement(line.orderLineId(), paid,
              paid.percent(settings.restockingFeePercent()), line.resolution(),
              new Rationale(List.of("ITEM_PRICE_REFUNDED", "RESTOCKING_FEE", "AS_REQUESTED"),
                  List.of("settlement/item-refund", "settlement/restocking-fee",
                      "settlement/method-as-requested")))
          : new LineSettlement(line.orderLineId(), paid, zero, line.resolution(),
              new Rationale(List.of("ITEM_PRICE_REFUNDED", "AS_REQUESTED"),
                  List.of("settlement/item-refund", "settlement/method-as-requested"))));
      if (line.liability() == Liability.CUSTOMER) {
        customerLiable = true;
      } else {
        otherLiable = true;
      }
    }
    boolean charge = facts.returnShippingPaidBy() == ReturnShippingPayer.CUSTOMER
        && settings.chargesReturnShipping(currency) && customerLiable;
    List<String> codes = new ArrayList<>(2);
    List<String> rules = new ArrayList<>(2);
    if (charge) {
      codes.add("RETURN_SHIPPING_CHARGED");
      rules.add("settlement/return-shipping-charged");
    }
    if (otherLiable) {
      codes.add("OUTBOUND_SHIPPING_REFUNDED");
      rules.add("settlement/outbound-shipping-refunded");
    }
    return new SettlementDecision(lines,
        charge ? settings.returnShippingCharge(currency) : zero,
        otherLiable ? facts.outboundShippingPaid() : zero, new Rationale(codes, rules));
  }
}
