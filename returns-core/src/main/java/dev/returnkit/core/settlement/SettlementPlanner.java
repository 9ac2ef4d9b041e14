package dev.returnkit.core.settlement;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.spi.InvalidDecisionException;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.money.Allocation;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.storage.LineMoney;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Resolution;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Turns a settlement policy's decision into what may really be paid: a pure function from the
 * case's lines, the decision, the order and what the order's other cases refunded, to a
 * {@link SettlementPlan}.
 *
 * <p>Whatever the policy said, the plan never pays a line more than its accepted units' share
 * of what was paid for the line ({@link SettlementShares}), nor more than the other cases left
 * unrefunded on its order line; a fee, charge or clawback never exceeds the refund it is taken
 * from; no tender gets back more than it captured less what was refunded to it; outbound
 * shipping is refunded at most once per order; nothing is negative. Each clamp adds a reason
 * code ({@code ITEM_REFUND_CLAMPED:L-1}, {@code RESTOCKING_FEE_CLAMPED:L-1},
 * {@code REFUND_CLAMPED_TO_TENDERS:L-1}, {@code RETURN_SHIPPING_CHARGE_CLAMPED},
 * {@code RETURN_SHIPPING_CHARGE_WAIVED}, {@code OUTBOUND_SHIPPING_REFUND_CLAMPED},
 * {@code OUTBOUND_SHIPPING_REFUND_CLAMPED_TO_TENDERS}, {@code PROMOTION_CLAWBACK_WAIVED}), as do
 * the decision's terms when they apply ({@code PROMOTION_CLAWED_BACK:<code>},
 * {@code PROMOTION_CLAWBACK_GIVEN_BACK}, {@code STORE_CREDIT_BONUS}). An exchange that names
 * its replacement pays back what the returned units were worth above it
 * ({@code EXCHANGE_DIFFERENCE_REFUNDED:L-1}; {@code EXCHANGE_EVEN:L-1} at the same price), and
 * charges what a dearer one costs above them ({@code EXCHANGE_DIFFERENCE_CHARGED:L-1}, a
 * {@link PaymentKind#CHARGE} to the first tender in routing order that can be charged again:
 * not a gift card or store credit). A line exchanged in advance (its replacement sent before
 * the goods came back) is settled by its replacement whatever the policy said
 * ({@code ADVANCE_EXCHANGE_SETTLED_BY_REPLACEMENT:L-1}), and its units approved but not
 * accepted are charged at the replacement's price ({@code ADVANCE_REPLACEMENT_CHARGED:L-1}, a
 * {@link PaymentPurpose#ADVANCE_REPLACEMENT} charge to the same tender): never both the money
 * and a free replacement. Refunds are split over
 * the order's tenders in the terms' routing order; the tax refunded goes with the item, less
 * what a taxed fee or charge keeps. A decision that answers the wrong lines, or in another
 * currency, is refused as a faulty policy.
 *
 * <p>Used by the {@code ReturnCase} aggregate when a settlement begins; public so that it can
 * be tested, and used, on its own. Stateless and thread-safe.
 */
public final class SettlementPlanner {

  private SettlementPlanner() {}

  /**
   * Plans a settlement.
   *
   * @param returnCase the case, inspected or lost; its lines with units accepted are settled
   * @param decision the settlement policy's decision on the case's facts
   * @param order the case's order (the outbound shipping paid)
   * @param ledger what the order's other cases refunded
   * @return the plan
   * @throws InvalidDecisionException if the decision answers other lines than those settled,
   *     or gives an amount in another currency than the case's
   */
  public static SettlementPlan plan(ReturnCaseSnapshot returnCase, SettlementDecision decision,
      OrderSnapshot order, OrderReturnLedger ledger) {
    List<ReturnLineSnapshot> settled = returnCase.lines().stream()
        .filter(line -> line.quantities().accepted() > 0).toList();
    Map<OrderLineId, LineSettlement> said =
        decision.byLine(settled.stream().map(ReturnLineSnapshot::orderLineId).toList());
    Currency currency = returnCase.currency();
    requireCurrency(decision.returnShippingCharge(), currency, "return shipping charge");
    requireCurrency(decision.outboundShippingRefund(), currency, "outbound shipping refund");
    for (LineSettlement line : decision.lines()) {
      requireCurrency(line.itemRefund(), currency, "item refund of " + line.orderLineId());
      requireCurrency(line.restockingFee(), currency, "restocking fee of " + line.orderLineId());
    }

    Money zero = Money.zero(currency);
    List<String> clamps = new ArrayList<>();
    List<SettlementPlan.Line> lines = new ArrayList<>(settled.size());
    List<Tender> routed = decision.terms().routing().route(order.tenders());
    TenderSplit tenders = new TenderSplit(routed, ledger, currency);
    List<SettlementPlan.Payment> charges = new ArrayList<>();
    Money tenderRoom = tenders.room();
    Money chargeLeft = decision.returnShippingCharge().max(zero);
    Money clawbackLeft = zero;
    Money releaseLeft = zero;
    if (decision.terms().clawBackPromotions()) {
      PromotionClawback.Owed owed = PromotionClawback.of(returnCase, order, ledger);
      clawbackLeft = owed.amount().max(zero);
      releaseLeft = owed.amount().negate().max(zero);
      clamps.addAll(owed.codes());
    }
    if (decision.returnShippingCharge().isNegative()) {
      clamps.add("RETURN_SHIPPING_CHARGE_CLAMPED");
    }
    for (ReturnLineSnapshot line : settled) {
      LineSettlement lineSaid = said.get(line.orderLineId());
      LineValue share = SettlementShares.accepted(line, ledger);
      Money asked = lineSaid.itemRefund();
      Resolution method = lineSaid.method();
      if (line.advanceExchange() && method != Resolution.EXCHANGE) {
        // The replacement went out before the goods came back: the line is settled by it,
        // whatever the policy said, or the customer would have both the money and the goods.
        method = Resolution.EXCHANGE;
        asked = zero;
        clamps.add("ADVANCE_EXCHANGE_SETTLED_BY_REPLACEMENT:" + line.orderLineId());
      }
      boolean exchangeForLess = false;
      if (method == Resolution.EXCHANGE && line.replacement() != null) {
        // An exchange pays back what the returned units were worth above the replacement.
        // One replacement unit per accepted unit: units the warehouse did not accept are
        // neither replaced nor paid for.
        Money replacement = line.replacement().unitPrice().times(line.quantities().accepted());
        Money difference = share.gross().minus(replacement);
        if (difference.isPositive()) {
          asked = difference;
          exchangeForLess = true;
          clamps.add("EXCHANGE_DIFFERENCE_REFUNDED:" + line.orderLineId());
        } else if (difference.isZero()) {
          clamps.add("EXCHANGE_EVEN:" + line.orderLineId());
        } else {
          // A dearer replacement's difference is the customer's to pay.
          charges.add(new SettlementPlan.Payment(line.orderLineId(),
              PaymentPurpose.EXCHANGE_DIFFERENCE, PaymentKind.CHARGE, difference.negate(),
              chargeable(routed)));
          clamps.add("EXCHANGE_DIFFERENCE_CHARGED:" + line.orderLineId());
        }
      }
      if (!paysMoney(method) && !exchangeForLess) {
        lines.add(new SettlementPlan.Line(line.orderLineId(), method,
            new LineMoney(zero, zero, zero, zero, zero, share.discount(), zero)));
        continue;
      }
      Money unrefundedOnOrderLine = line.orderLinePaid().gross()
          .minus(ledger.refunded(line.orderLineId(), currency)).max(zero);
      Money ceiling = share.gross().min(unrefundedOnOrderLine);
      Money refund = clamp(asked, zero, ceiling);
      if (!refund.equals(asked)) {
        clamps.add("ITEM_REFUND_CLAMPED:" + line.orderLineId());
      }
      Money fee = clamp(lineSaid.restockingFee(), zero, refund);
      if (!fee.equals(lineSaid.restockingFee())) {
        clamps.add("RESTOCKING_FEE_CLAMPED:" + line.orderLineId());
      }
      // The return shipping charge is deducted line by line, in the case's line order, from
      // what each line's refund leaves after its fee, until it is used up.
      Money charge = chargeLeft.min(refund.minus(fee));
      chargeLeft = chargeLeft.minus(charge);
      // A promotion clawed back is taken the same way, from what fee and charge leave.
      Money clawback = clawbackLeft.min(refund.minus(fee).minus(charge));
      clawbackLeft = clawbackLeft.minus(clawback);
      if (releaseLeft.isPositive()) {
        // What earlier cases clawed back for goods that are now back too goes back with the
        // first line that pays money.
        clawback = releaseLeft.negate();
        releaseLeft = zero;
      }
      if (kindOf(method) == PaymentKind.REFUND) {
        // Money goes back only to what the tenders captured and were not refunded yet.
        Money due = refund.minus(fee).minus(charge).minus(clawback);
        if (due.isGreaterThan(tenderRoom)) {
          refund = refund.minus(due.minus(tenderRoom));
          clamps.add("REFUND_CLAMPED_TO_TENDERS:" + line.orderLineId());
        }
        tenderRoom = tenderRoom.minus(refund.minus(fee).minus(charge).minus(clawback));
      }
      Money due = refund.minus(fee).minus(charge).minus(clawback);
      // The clawed-back discount was a discount on taxed goods: it carries their tax.
      Money taxKept = (decision.terms().feeTax().restockingFee() ? share.taxIn(fee) : zero)
          .plus(decision.terms().feeTax().returnShipping() ? share.taxIn(charge) : zero)
          .plus(share.taxIn(clawback));
      Money refundTax = share.taxIn(refund).minus(taxKept).max(zero).min(due);
      lines.add(new SettlementPlan.Line(line.orderLineId(), method,
          new LineMoney(refund, fee, charge, zero, refundTax, share.discount(), clawback)));
    }
    charges.addAll(advanceReplacementCharges(returnCase, chargeable(routed), clamps));
    if (chargeLeft.isPositive()) {
      clamps.add("RETURN_SHIPPING_CHARGE_WAIVED");
    }
    if (clawbackLeft.isPositive()) {
      clamps.add("PROMOTION_CLAWBACK_WAIVED");
    }
    if (releaseLeft.isPositive()) {
      clamps.add("PROMOTION_CLAWBACK_GIVEN_BACK_LATER");
    }
    Money shippingCeiling = order.shippingPaid()
        .minus(ledger.outboundShippingRefunded(currency)).max(zero);
    Money shippingRefund = clamp(decision.outboundShippingRefund(), zero, shippingCeiling);
    if (!shippingRefund.equals(decision.outboundShippingRefund())) {
      clamps.add("OUTBOUND_SHIPPING_REFUND_CLAMPED");
    }
    PaymentKind shippingKind = shippingKind(lines);
    if (shippingKind == PaymentKind.REFUND && shippingRefund.isGreaterThan(tenderRoom)) {
      shippingRefund = tenderRoom;
      clamps.add("OUTBOUND_SHIPPING_REFUND_CLAMPED_TO_TENDERS");
    }
    List<SettlementPlan.Payment> payments = payments(lines, shippingRefund, shippingKind,
        tenders, decision.terms().storeCreditBonusPercent(), clamps);
    payments.addAll(charges);
    return new SettlementPlan(lines, payments, shippingRefund,
        decision.overallRationale().withReasonCodes(clamps));
  }

  /**
   * What the replacements sent ahead of their goods cost the customer: each advance exchange's
   * units approved but not accepted (never sent back by the drop-off deadline, missing from the
   * parcel, or refused by the warehouse) at the replacement's price, so that no replacement is
   * free and no unit is both kept and replaced.
   */
  private static List<SettlementPlan.Payment> advanceReplacementCharges(
      ReturnCaseSnapshot returnCase, Tender tender, List<String> codes) {
    List<SettlementPlan.Payment> charges = new ArrayList<>();
    for (ReturnLineSnapshot line : returnCase.lines()) {
      int kept = line.quantities().approved() - line.quantities().accepted();
      if (!line.advanceExchange() || kept <= 0) {
        continue;
      }
      Money unitPrice = line.replacement() != null ? line.replacement().unitPrice()
          : Allocation.units(line.orderLinePaid().gross(), line.orderedQuantity(), 0, 1);
      charges.add(new SettlementPlan.Payment(line.orderLineId(),
          PaymentPurpose.ADVANCE_REPLACEMENT, PaymentKind.CHARGE, unitPrice.times(kept),
          tender));
      codes.add("ADVANCE_REPLACEMENT_CHARGED:" + line.orderLineId());
    }
    return charges;
  }

  /**
   * The tender an exchange's difference is charged to: the first, in routing order, that can be
   * charged again (a card, a wallet; not a gift card or store credit, which are spent), else
   * the first there is; none for an order without tenders.
   */
  private static Tender chargeable(List<Tender> routed) {
    for (Tender tender : routed) {
      if (tender.type() != TenderType.GIFT_CARD && tender.type() != TenderType.STORE_CREDIT) {
        return tender;
      }
    }
    return routed.isEmpty() ? null : routed.get(0);
  }

  /**
   * One payment per line with money due (one per tender a refund goes back to, in routing
   * order; store credit with its bonus, if the terms give one), then the outbound shipping
   * refund.
   */
  private static List<SettlementPlan.Payment> payments(List<SettlementPlan.Line> lines,
      Money shippingRefund, PaymentKind shippingKind, TenderSplit tenders,
      BigDecimal bonusPercent, List<String> codes) {
    List<SettlementPlan.Payment> payments = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      SettlementPlan.Line line = lines.get(i);
      Money due = line.money().due();
      if (!due.isPositive()) {
        continue;
      }
      PaymentKind kind = kindOf(line.method());
      List<TenderSplit.Part> parts = kind == PaymentKind.REFUND ? tenders.take(due)
          : List.of(new TenderSplit.Part(null, due));
      for (TenderSplit.Part part : parts) {
        payments.add(new SettlementPlan.Payment(line.orderLineId(), PaymentPurpose.ITEM_REFUND,
            kind, part.amount(), part.tender()));
      }
      Money bonus = kind == PaymentKind.STORE_CREDIT ? due.percent(bonusPercent)
          : Money.zero(due.currency());
      if (bonus.isPositive()) {
        payments.add(new SettlementPlan.Payment(line.orderLineId(),
            PaymentPurpose.STORE_CREDIT_BONUS, PaymentKind.STORE_CREDIT, bonus, null));
        if (!codes.contains("STORE_CREDIT_BONUS")) {
          codes.add("STORE_CREDIT_BONUS");
        }
      }
    }
    if (shippingRefund.isPositive()) {
      List<TenderSplit.Part> parts = shippingKind == PaymentKind.REFUND
          ? tenders.take(shippingRefund) : List.of(new TenderSplit.Part(null, shippingRefund));
      for (TenderSplit.Part part : parts) {
        payments.add(new SettlementPlan.Payment(null, PaymentPurpose.OUTBOUND_SHIPPING_REFUND,
            shippingKind, part.amount(), part.tender()));
      }
    }
    return payments;
  }

  /** Shipping goes back the way the items do; to the original payment when in doubt. */
  private static PaymentKind shippingKind(List<SettlementPlan.Line> lines) {
    boolean anyRefund = false;
    boolean anyCredit = false;
    for (SettlementPlan.Line line : lines) {
      if (line.money().due().isPositive()) {
        PaymentKind kind = kindOf(line.method());
        anyRefund |= kind == PaymentKind.REFUND;
        anyCredit |= kind == PaymentKind.STORE_CREDIT;
      }
    }
    return anyCredit && !anyRefund ? PaymentKind.STORE_CREDIT : PaymentKind.REFUND;
  }

  private static boolean paysMoney(Resolution method) {
    return method == Resolution.REFUND || method == Resolution.STORE_CREDIT;
  }

  private static PaymentKind kindOf(Resolution method) {
    return method == Resolution.STORE_CREDIT ? PaymentKind.STORE_CREDIT : PaymentKind.REFUND;
  }

  private static Money clamp(Money value, Money floor, Money ceiling) {
    return value.max(floor).min(ceiling.max(floor));
  }

  private static void requireCurrency(Money amount, Currency currency, String what) {
    if (!amount.currency().equals(currency)) {
      throw new InvalidDecisionException("settlement policy gave the " + what + " in "
          + amount.currency().getCurrencyCode() + " but the case is in "
          + currency.getCurrencyCode());
    }
  }
}
