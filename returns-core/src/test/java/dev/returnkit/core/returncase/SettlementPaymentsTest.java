package dev.returnkit.core.returncase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.settlement.SettlementPlan;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentLine;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.LineMoney;
import dev.returnkit.spi.storage.LineQuantities;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("From a plan to payments, and from a payment to an instruction")
class SettlementPaymentsTest {

  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
  private static final OrderLineId L1 = OrderLineId.of("L-1");
  private static final Tender CARD = new Tender(TenderType.CARD, "PSP-1", eur("100.00"));
  private static final Tender GIFT = new Tender(TenderType.GIFT_CARD, "GC-1", eur("19.00"));
  private static final OrderSnapshot ORDER = OrderSnapshot.builder("O-1", "C-1", "EUR")
      .placedAt(T0).line("L-1", "SKU-1", "home", 1, "119.00").taxRate("19")
      .tender(TenderType.GIFT_CARD, "GC-1", "19.00").tender(TenderType.CARD, "PSP-1", "100.00")
      .build();

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  @Test
  @DisplayName("a line refunded to two tenders: keys name the tender, each instruction its "
      + "tender, limit and share of the line's tax, the shares adding up to the line's tax")
  void splitRefund() {
    ReturnCaseSnapshot c = settling(List.of(
        planned("R-1/L-1/ITEM_REFUND/PSP-1", eur("100.00"), CARD),
        planned("R-1/L-1/ITEM_REFUND/GC-1", eur("19.00"), GIFT)));

    List<PaymentInstruction> instructions = c.payments().stream()
        .map(p -> SettlementPayments.instruction(c, p, ORDER)).toList();

    assertThat(instructions).extracting(PaymentInstruction::paymentReference,
        PaymentInstruction::tender, PaymentInstruction::limit).containsExactly(
        tuple("PSP-1", TenderType.CARD, eur("100.00")),
        tuple("GC-1", TenderType.GIFT_CARD, eur("19.00")));
    // EUR 19.00 of tax in EUR 119.00: 100/119 of it is 15.96, the last part takes 3.04.
    assertThat(instructions.get(0).lines()).containsExactly(
        new PaymentLine(L1, 1, eur("84.04"), eur("15.96"), eur("100.00")));
    assertThat(instructions.get(1).lines()).containsExactly(
        new PaymentLine(L1, 1, eur("15.96"), eur("3.04"), eur("19.00")));
  }

  @Test
  @DisplayName("store credit is issued against the order, limited to what it cost; a refund "
      + "planned before tenders goes to the order's first tender, limited the same way")
  void storeCreditAndOlderRefunds() {
    ReturnCaseSnapshot c = settling(List.of(new SettlementPayment("R-1/L-1/ITEM_REFUND", L1,
        PaymentPurpose.ITEM_REFUND, PaymentKind.STORE_CREDIT, eur("119.00"), null, null)));
    PaymentInstruction credit = SettlementPayments.instruction(c, c.payments().get(0), ORDER);
    assertThat(credit.paymentReference()).isEqualTo("O-1");
    assertThat(credit.limit()).isEqualTo(eur("119.00"));
    assertThat(credit.tender()).isNull();

    ReturnCaseSnapshot older = settling(List.of(new SettlementPayment("R-1/L-1/ITEM_REFUND", L1,
        PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, eur("119.00"), null, null)));
    PaymentInstruction refund = SettlementPayments.instruction(older, older.payments().get(0),
        ORDER);
    assertThat(refund.paymentReference()).isEqualTo("GC-1");
    assertThat(refund.limit()).isEqualTo(eur("119.00"));
  }

  @Test
  @DisplayName("a plan's payments are keyed by case, line and purpose, with the tender only "
      + "when a line's refund is split; the history's note names what each tender gets back")
  void keysAndNote() {
    SettlementPlan plan = new SettlementPlan(List.of(), List.of(
        new SettlementPlan.Payment(L1, PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND,
            eur("100.00"), CARD),
        new SettlementPlan.Payment(L1, PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND,
            eur("19.00"), GIFT),
        new SettlementPlan.Payment(null, PaymentPurpose.OUTBOUND_SHIPPING_REFUND,
            PaymentKind.REFUND, eur("4.95"), CARD)), eur("4.95"),
        Rationale.NONE);

    assertThat(SettlementPayments.planned(ReturnId.of("R-1"), plan))
        .extracting(SettlementPayment::idempotencyKey).containsExactly(
            "R-1/L-1/ITEM_REFUND/PSP-1", "R-1/L-1/ITEM_REFUND/GC-1",
            "R-1/OUTBOUND_SHIPPING_REFUND");
    assertThat(SettlementPayments.byTender(plan, ORDER))
        .isEqualTo(", to GC-1 EUR 19.00, to PSP-1 EUR 104.95");
    OrderSnapshot oneCard = OrderSnapshot.builder("O-2", "C-1", "EUR").placedAt(T0)
        .line("L-1", "SKU-1", "home", 1, "10.00").paymentReference("PSP-2").build();
    assertThat(SettlementPayments.byTender(plan, oneCard)).isEmpty();
    assertThat(OrderReturnLedger.empty().refundedToTender("PSP-1", ORDER.currency()))
        .isEqualTo(eur("0.00"));
  }

  private static SettlementPayment planned(String key, Money amount, Tender tender) {
    return SettlementPayment.planned(key, L1, PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND,
        amount, tender);
  }

  private static ReturnCaseSnapshot settling(List<SettlementPayment> payments) {
    Money zero = eur("0");
    ReturnLineSnapshot line = ReturnLineSnapshot.builder().orderLineId(L1).sku(Sku.of("SKU-1"))
        .category("home").orderLinePaid(new LineValue(eur("119.00"), eur("19.00"), zero))
        .orderedQuantity(1).reason(ReturnReason.DEFECTIVE).resolution(Resolution.REFUND)
        .verdict(LineVerdict.APPROVED).quantities(new LineQuantities(1, 1, 1, 1))
        .settlementMethod(Resolution.REFUND)
        .money(new LineMoney(eur("119.00"), zero, zero, zero, eur("19.00"), zero, zero)).build();
    return ReturnCaseSnapshot.builder().id(ReturnId.of("R-1")).historyHead(HistoryHead.EMPTY)
        .orderId(OrderId.of("O-1")).customerId(CustomerId.of("C-1"))
        .status(ReturnStatus.SETTLING).requestedAt(T0).updatedAt(T0)
        .returnShippingPaidBy(ReturnShippingPayer.SELLER).lines(List.of(line))
        .outboundShippingPaid(zero).payments(payments).build();
  }
}
