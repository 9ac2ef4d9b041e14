package dev.returnkit.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.LineQuantities;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The planner and the tenders of an order: refunds split over them in routing order, each within
 * what it has left, store credit beside them, and the routing itself.
 */
@DisplayName("Planning refunds to tenders")
class TenderPlanningTest {

  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
  private static final OrderLineId L1 = OrderLineId.of("L-1");
  private static final OrderLineId L2 = OrderLineId.of("L-2");
  private static final Tender CARD = new Tender(TenderType.CARD, "PSP-1", eur("40.00"));
  private static final Tender GIFT = new Tender(TenderType.GIFT_CARD, "GC-1", eur("24.95"));

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  /** L-1 and L-2 at EUR 30.00 each, EUR 4.95 shipping, paid by a card and a gift card. */
  private static final OrderSnapshot ORDER = OrderSnapshot.builder("O-1", "C-1", "EUR")
      .placedAt(T0).deliveredAt(T0).line("L-1", "SKU-1", "home", 1, "30.00")
      .line("L-2", "SKU-2", "home", 1, "30.00").shipping("4.95")
      .tender(TenderType.GIFT_CARD, "GC-1", "24.95").tender(TenderType.CARD, "PSP-1", "40.00")
      .build();

  @Test
  @DisplayName("a refund goes to the card first, the rest to the gift card, the outbound "
      + "shipping after it; store credit goes to no tender and takes none of their room")
  void routing() {
    SettlementPlan plan = SettlementPlanner.plan(inspected("R-1", L1, L2), decision(
        Resolution.STORE_CREDIT, Resolution.REFUND, "4.95"), ORDER, OrderReturnLedger.empty());

    assertThat(plan.payments()).extracting(SettlementPlan.Payment::orderLineId,
        SettlementPlan.Payment::kind, p -> p.tender() == null ? null : p.tender().reference(),
        SettlementPlan.Payment::amount).containsExactly(
        tuple(L1, PaymentKind.STORE_CREDIT, null, eur("30.00")),
        tuple(L2, PaymentKind.REFUND, "PSP-1", eur("30.00")),
        tuple(null, PaymentKind.REFUND, "PSP-1", eur("4.95")));
    assertThat(plan.toTender("PSP-1")).isEqualTo(eur("34.95"));
    assertThat(plan.toTender("GC-1")).isEqualTo(eur("0.00"));
    assertThat(plan.rationale().reasonCodes()).doesNotContain("REFUND_CLAMPED_TO_TENDERS:L-2");
  }

  @Test
  @DisplayName("what other cases refunded to a tender is taken from its room: the card's last "
      + "EUR 10.00, then the gift card")
  void roomLeft() {
    OrderReturnLedger ledger = OrderReturnLedger.of(List.of(settled("R-0", L2,
        SettlementPayment.planned("R-0/L-2/ITEM_REFUND", L2, PaymentPurpose.ITEM_REFUND,
            PaymentKind.REFUND, eur("30.00"), CARD))), null);

    SettlementPlan plan = SettlementPlanner.plan(inspected("R-1", L1),
        decision(Resolution.REFUND, null, "0.00"), ORDER, ledger);

    assertThat(plan.payments()).extracting(p -> p.tender().reference(),
        SettlementPlan.Payment::amount).containsExactly(tuple("PSP-1", eur("10.00")),
        tuple("GC-1", eur("20.00")));
  }

  @Test
  @DisplayName("a refund above what the tenders have left is clamped to it, with a reason code; "
      + "so is the outbound shipping, and store credit is not")
  void clampedToTenders() {
    // Payments to the tenders the lines' own limits do not explain (a store changed around
    // returnkit, say): the card has EUR 5.00 left, the gift card nothing.
    OrderReturnLedger ledger = OrderReturnLedger.of(List.of(settled("R-0", L2,
        SettlementPayment.planned("R-0/L-2/ITEM_REFUND/PSP-1", L2, PaymentPurpose.ITEM_REFUND,
            PaymentKind.REFUND, eur("35.00"), CARD),
        SettlementPayment.planned("R-0/L-2/ITEM_REFUND/GC-1", L2, PaymentPurpose.ITEM_REFUND,
            PaymentKind.REFUND, eur("24.95"), GIFT))), null);

    SettlementPlan refund = SettlementPlanner.plan(inspected("R-1", L1),
        decision(Resolution.REFUND, null, "4.95"), ORDER, ledger);
    SettlementPlan credit = SettlementPlanner.plan(inspected("R-2", L1),
        decision(Resolution.STORE_CREDIT, null, "0.00"), ORDER, ledger);

    assertThat(refund.lines().get(0).money().itemRefund()).isEqualTo(eur("5.00"));
    assertThat(refund.outboundShippingRefund()).isEqualTo(eur("0.00"));
    assertThat(refund.payments()).extracting(SettlementPlan.Payment::amount)
        .containsExactly(eur("5.00"));
    assertThat(refund.rationale().reasonCodes()).contains("REFUND_CLAMPED_TO_TENDERS:L-1",
        "OUTBOUND_SHIPPING_REFUND_CLAMPED_TO_TENDERS");
    assertThat(credit.lines().get(0).money().itemRefund()).isEqualTo(eur("30.00"));
    assertThat(credit.rationale().reasonCodes()).doesNotContain("REFUND_CLAMPED_TO_TENDERS:L-1");
  }

  @Test
  @DisplayName("a routing orders the kinds it names first and adds the others in their order; "
      + "two routings that route alike are equal; a kind named twice is refused")
  void routingOrder() {
    RefundRouting giftFirst = new RefundRouting(List.of(TenderType.GIFT_CARD), Rationale.NONE);

    assertThat(giftFirst.route(List.of(CARD, GIFT))).containsExactly(GIFT, CARD);
    assertThat(RefundRouting.CARD_FIRST.route(List.of(GIFT, CARD))).containsExactly(CARD, GIFT);
    assertThat(giftFirst.order()).hasSize(TenderType.values().length)
        .startsWith(TenderType.GIFT_CARD, TenderType.CARD);
    assertThat(new RefundRouting(List.of(TenderType.CARD, TenderType.WALLET), Rationale.NONE))
        .isEqualTo(RefundRouting.CARD_FIRST);
    assertThatIllegalArgumentException().isThrownBy(() -> new RefundRouting(
        List.of(TenderType.CARD, TenderType.CARD), Rationale.NONE))
        .withMessageContaining("twice");
  }

  @Test
  @DisplayName("a dearer exchange's difference is charged to the first tender that can be "
      + "charged again (the card, even when gift cards are refunded first), the gift card only "
      + "when it is all there is; it takes no refund room")
  void exchangeCharge() {
    ReturnCaseSnapshot exchange = inspected("R-1", L1, L2).toBuilder().lines(List.of(
        line(L1).toBuilder().resolution(Resolution.EXCHANGE).replacement(new ReplacementItem(
            Sku.of("SKU-1-L"), 1, eur("45.00"))).build(), line(L2))).build();
    SettlementDecision decision = decision(Resolution.EXCHANGE, Resolution.REFUND, "0.00")
        .withTerms(new SettlementTerms(new RefundRouting(List.of(TenderType.GIFT_CARD),
            Rationale.NONE), FeeTax.TAXED, false, BigDecimal.ZERO), Rationale.NONE);

    SettlementPlan plan = SettlementPlanner.plan(exchange, decision, ORDER,
        OrderReturnLedger.empty());
    OrderSnapshot giftCardOnly = OrderSnapshot.builder("O-1", "C-1", "EUR").placedAt(T0)
        .deliveredAt(T0).line("L-1", "SKU-1", "home", 1, "30.00")
        .line("L-2", "SKU-2", "home", 1, "30.00").shipping("4.95")
        .tender(TenderType.GIFT_CARD, "GC-1", "64.95").build();
    SettlementPlan onGiftCard = SettlementPlanner.plan(exchange, decision, giftCardOnly,
        OrderReturnLedger.empty());

    assertThat(plan.payments()).extracting(SettlementPlan.Payment::orderLineId,
        SettlementPlan.Payment::purpose, SettlementPlan.Payment::kind,
        p -> p.tender().reference(), SettlementPlan.Payment::amount).containsExactly(
        tuple(L2, PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, "GC-1", eur("24.95")),
        tuple(L2, PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, "PSP-1", eur("5.05")),
        tuple(L1, PaymentPurpose.EXCHANGE_DIFFERENCE, PaymentKind.CHARGE, "PSP-1",
            eur("15.00")));
    assertThat(plan.toTender("PSP-1")).isEqualTo(eur("5.05"));
    assertThat(plan.total(PaymentKind.CHARGE)).isEqualTo(eur("15.00"));
    assertThat(plan.rationale().reasonCodes()).contains("EXCHANGE_DIFFERENCE_CHARGED:L-1")
        .doesNotContain("EXCHANGE_DIFFERENCE_REFUNDED:L-1");
    assertThat(onGiftCard.payments()).filteredOn(p -> p.kind() == PaymentKind.CHARGE)
        .singleElement().satisfies(p -> assertThat(p.tender().reference()).isEqualTo("GC-1"));
  }

  @Test
  @DisplayName("a store credit bonus goes on the store credit only, never on a refund")
  void bonusOnStoreCreditOnly() {
    SettlementDecision decision = decision(Resolution.REFUND, Resolution.STORE_CREDIT, "0.00")
        .withTerms(new SettlementTerms(RefundRouting.CARD_FIRST, FeeTax.TAXED, false,
            BigDecimal.TEN), Rationale.NONE);

    SettlementPlan plan = SettlementPlanner.plan(inspected("R-1", L1, L2), decision, ORDER,
        OrderReturnLedger.empty());

    assertThat(plan.payments()).extracting(SettlementPlan.Payment::orderLineId,
        SettlementPlan.Payment::purpose, SettlementPlan.Payment::amount).containsExactly(
        tuple(L1, PaymentPurpose.ITEM_REFUND, eur("30.00")),
        tuple(L2, PaymentPurpose.ITEM_REFUND, eur("30.00")),
        tuple(L2, PaymentPurpose.STORE_CREDIT_BONUS, eur("3.00")));
  }

  private static SettlementDecision decision(Resolution first, Resolution second,
      String outbound) {
    List<LineSettlement> lines = second == null
        ? List.of(new LineSettlement(L1, eur("30.00"), eur("0.00"), first, Rationale.NONE))
        : List.of(new LineSettlement(L1, eur("30.00"), eur("0.00"), first, Rationale.NONE),
            new LineSettlement(L2, eur("30.00"), eur("0.00"), second, Rationale.NONE));
    return new SettlementDecision(lines, eur("0.00"), eur(outbound), Rationale.NONE);
  }

  private static ReturnLineSnapshot line(OrderLineId id) {
    return ReturnLineSnapshot.builder().orderLineId(id).sku(Sku.of("SKU-" + id)).category("home")
        .unitPrice(eur("30.00")).orderedQuantity(1).reason(ReturnReason.DEFECTIVE)
        .resolution(Resolution.REFUND).verdict(LineVerdict.APPROVED)
        .quantities(new LineQuantities(1, 1, 1, 1)).liability(Liability.SELLER).build();
  }

  private static ReturnCaseSnapshot inspected(String id, OrderLineId... lines) {
    return ReturnCaseSnapshot.builder().id(ReturnId.of(id)).historyHead(HistoryHead.EMPTY)
        .orderId(OrderId.of("O-1")).customerId(CustomerId.of("C-1"))
        .status(ReturnStatus.INSPECTED).requestedAt(T0).updatedAt(T0)
        .returnShippingPaidBy(ReturnShippingPayer.SELLER)
        .lines(Arrays.stream(lines).map(TenderPlanningTest::line).toList())
        .outboundShippingPaid(eur("4.95")).build();
  }

  private static ReturnCaseSnapshot settled(String id, OrderLineId line,
      SettlementPayment... payments) {
    return inspected(id, line).toBuilder().status(ReturnStatus.SETTLING)
        .payments(List.of(payments)).build();
  }
}
