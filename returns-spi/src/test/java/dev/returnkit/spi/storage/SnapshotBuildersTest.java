package dev.returnkit.spi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Building and changing a stored case")
class SnapshotBuildersTest {

  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
  private static final OrderLineId L1 = OrderLineId.of("L-1");
  private static final Money EUR_0 = Money.of("0.00", "EUR");

  private static ReturnLineSnapshot line() {
    return ReturnLineSnapshot.builder().orderLineId(L1).sku(Sku.of("SKU-1")).category("home")
        .unitPrice(Money.of("10.00", "EUR")).orderedQuantity(2).reason(ReturnReason.DEFECTIVE)
        .resolution(Resolution.REFUND).verdict(LineVerdict.APPROVED)
        .quantities(LineQuantities.requested(2).approving(2)).build();
  }

  private static ReturnCaseSnapshot newCase() {
    return ReturnCaseSnapshot.builder().id(ReturnId.of("R-1")).orderId(OrderId.of("O-1"))
        .customerId(CustomerId.of("C-1")).status(ReturnStatus.APPROVED).requestedAt(T0)
        .updatedAt(T0).returnShippingPaidBy(ReturnShippingPayer.SELLER).lines(List.of(line()))
        .outboundShippingPaid(Money.of("4.95", "EUR")).build();
  }

  @Test
  @DisplayName("defaults what a new case and line do not have yet")
  void defaults() {
    ReturnCaseSnapshot c = newCase();
    ReturnLineSnapshot l = c.lines().get(0);

    assertThat(c.version()).isEqualTo(1);
    assertThat(c.historyHead()).isEqualTo(HistoryHead.EMPTY);
    assertThat(c.outboundShippingRefund()).isEqualTo(EUR_0);
    assertThat(c.payments()).isEmpty();
    assertThat(c.dueAt()).isNull();
    assertThat(c.shipment()).isNull();
    assertThat(l.verdictCodes()).isEmpty();
    assertThat(l.money()).isEqualTo(LineMoney.zero(EUR_0.currency()));
    assertThat(l.returnless()).isFalse();
    assertThat(l.isApproved()).isTrue();
    assertThat(l.withQuantities(LineQuantities.requested(2)).isApproved()).isFalse();
    assertThat(l.withVerdict(LineVerdict.REJECTED, List.of("X")).isApproved()).isFalse();
  }

  @Test
  @DisplayName("copies every value through its builder, and refuses what is missing")
  void roundTrip() {
    ReturnCaseSnapshot c = newCase();
    assertThat(c.toBuilder().build()).isEqualTo(c);
    assertThat(line().toBuilder().build()).isEqualTo(line());
    assertThatNullPointerException().isThrownBy(() -> ReturnLineSnapshot.builder().build())
        .withMessage("orderLinePaid (or unitPrice)");
    assertThatNullPointerException().isThrownBy(() -> ReturnCaseSnapshot.builder().build())
        .withMessage("outboundShippingPaid");
  }

  @Test
  @DisplayName("changes a line through its withers, one concern at a time")
  void withers() {
    Inspection inspection = Inspection.of(ItemGrade.B);
    LineMoney money = new LineMoney(Money.of("20.00", "EUR"), Money.of("3.00", "EUR"), EUR_0,
        EUR_0);

    ReturnLineSnapshot changed = line().withReturnless(true)
        .withQuantities(line().quantities().receiving(2).accepting(1))
        .withInspection(inspection, Liability.CUSTOMER, Disposition.RESTOCK_OPEN_BOX)
        .withSettlement(Resolution.STORE_CREDIT, money)
        .withMoney(money.plusPaidOut(Money.of("17.00", "EUR")));

    assertThat(changed.returnless()).isTrue();
    assertThat(changed.quantities()).isEqualTo(new LineQuantities(2, 2, 2, 1));
    assertThat(changed.inspection()).isEqualTo(inspection);
    assertThat(changed.liability()).isEqualTo(Liability.CUSTOMER);
    assertThat(changed.disposition()).isEqualTo(Disposition.RESTOCK_OPEN_BOX);
    assertThat(changed.settlementMethod()).isEqualTo(Resolution.STORE_CREDIT);
    assertThat(changed.money().paidOut()).isEqualTo(Money.of("17.00", "EUR"));
    ReturnLineSnapshot plain = line();
    assertThat(plain.withReturnless(false)).as("nothing to change").isSameAs(plain);
    assertThat(line().withLiability(Liability.CARRIER).liability()).isEqualTo(Liability.CARRIER);
    assertThatIllegalArgumentException()
        .isThrownBy(() -> money.plusPaidOut(Money.of("17.01", "EUR")))
        .withMessage("paid out EUR 17.01 exceeds what is due EUR 17.00");
  }

  @Test
  @DisplayName("moves quantities on: approving resets what was counted, receiving what was accepted")
  void quantities() {
    LineQuantities counted = new LineQuantities(3, 3, 2, 2);
    assertThat(counted.approving(1)).isEqualTo(new LineQuantities(3, 1, 0, 0));
    assertThat(counted.receiving(3)).isEqualTo(new LineQuantities(3, 3, 3, 0));
    assertThat(counted.accepting(1)).isEqualTo(new LineQuantities(3, 3, 2, 1));
  }

  @Test
  @DisplayName("sums the refunds confirmed, leaving out store credit and unpaid refunds")
  void refunded() {
    ReturnCaseSnapshot c = newCase().toBuilder().status(ReturnStatus.SETTLING).payments(List.of(
        new SettlementPayment("R-1/L-1/ITEM_REFUND", L1, PaymentPurpose.ITEM_REFUND,
            PaymentKind.REFUND, Money.of("12.00", "EUR"), "PAY-1", T0),
        new SettlementPayment("R-1/L-2/ITEM_REFUND", OrderLineId.of("L-2"),
            PaymentPurpose.ITEM_REFUND, PaymentKind.STORE_CREDIT, Money.of("5.00", "EUR"),
            "GC-1", T0),
        SettlementPayment.planned("R-1/OUTBOUND_SHIPPING_REFUND", null,
            PaymentPurpose.OUTBOUND_SHIPPING_REFUND, PaymentKind.REFUND,
            Money.of("4.95", "EUR")))).build();

    assertThat(c.refunded()).isEqualTo(Money.of("12.00", "EUR"));
  }
}
