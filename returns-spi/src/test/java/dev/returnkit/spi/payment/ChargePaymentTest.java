package dev.returnkit.spi.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.entry;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.storage.CaseMoney;
import dev.returnkit.spi.storage.LineQuantities;
import dev.returnkit.spi.storage.OrderLimits;
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

/**
 * A charge (the difference of an exchange for a dearer item) among the payments: its own
 * purpose, taken from a tender without counting as money back to it.
 */
@DisplayName("A charge among the payments")
class ChargePaymentTest {

  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
  private static final OrderLineId L1 = OrderLineId.of("L-1");
  private static final Tender CARD = new Tender(TenderType.CARD, "PSP-1", eur("10.00"));

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static SettlementPayment charge(String amount) {
    return SettlementPayment.planned("R-1/L-1/EXCHANGE_DIFFERENCE", L1,
        PaymentPurpose.EXCHANGE_DIFFERENCE, PaymentKind.CHARGE, eur(amount), CARD);
  }

  @Test
  @DisplayName("is the exchange difference, and only that; it may be above what the tender "
      + "captured, and it is no refund to the tender")
  void settlementPayment() {
    SettlementPayment refund = SettlementPayment.planned("R-1/L-1/ITEM_REFUND", L1,
        PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, eur("5.00"), CARD);

    assertThat(charge("15.00").refundsTender()).isFalse();
    assertThat(refund.refundsTender()).isTrue();
    assertThat(SettlementPayment.planned("R-1/L-1/ITEM_REFUND", L1, PaymentPurpose.ITEM_REFUND,
        PaymentKind.REFUND, eur("5.00")).refundsTender()).isFalse();
    assertThatIllegalArgumentException().isThrownBy(() -> SettlementPayment.planned("k", L1,
        PaymentPurpose.EXCHANGE_DIFFERENCE, PaymentKind.REFUND, eur("15.00"), CARD))
        .withMessageContaining("exchange difference");
    assertThatIllegalArgumentException().isThrownBy(() -> SettlementPayment.planned("k", L1,
        PaymentPurpose.ITEM_REFUND, PaymentKind.CHARGE, eur("15.00"), CARD))
        .withMessageContaining("exchange difference");
    assertThatIllegalArgumentException().isThrownBy(() -> SettlementPayment.planned("k", L1,
        PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, eur("10.01"), CARD))
        .withMessageContaining("above what tender PSP-1 captured");
  }

  @Test
  @DisplayName("is sent with its amount as its limit; any other limit is refused")
  void instruction() {
    PaymentInstruction charge = new PaymentInstruction("k", ReturnId.of("R-1"),
        OrderId.of("O-1"), CustomerId.of("C-1"), "PSP-1", PaymentKind.CHARGE, eur("15.00"),
        eur("15.00"));

    assertThat(charge.limit()).isEqualTo(eur("15.00"));
    assertThatIllegalArgumentException().isThrownBy(() -> new PaymentInstruction("k",
        ReturnId.of("R-1"), OrderId.of("O-1"), CustomerId.of("C-1"), "PSP-1",
        PaymentKind.CHARGE, eur("15.00"), eur("100.00")))
        .withMessage("a charge's limit is the charge, EUR 15.00, got EUR 100.00");
  }

  @Test
  @DisplayName("shows in the case's money per tender, apart from the refunds, and leaves the "
      + "tender's refund limit alone")
  void caseMoneyAndLimits() {
    ReturnCaseSnapshot c = settling(SettlementPayment.planned("R-1/L-1/ITEM_REFUND", L1,
            PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, eur("10.00"), CARD),
        charge("15.00"), SettlementPayment.planned("R-1/L-1/EXCHANGE_DIFFERENCE/2", L1,
            PaymentPurpose.EXCHANGE_DIFFERENCE, PaymentKind.CHARGE, eur("15.00"), CARD));

    CaseMoney money = c.money();

    assertThat(money.toTenders()).containsExactly(entry("PSP-1", eur("10.00")));
    assertThat(money.charged()).containsExactly(entry("PSP-1", eur("30.00")));
    assertThat(money.totalCharged()).isEqualTo(eur("30.00"));
    // The card captured 10.00 and gets all of it back; the charges are not counted.
    assertThat(OrderLimits.check(c, List.of())).isEmpty();
  }

  private static ReturnCaseSnapshot settling(SettlementPayment... payments) {
    ReturnLineSnapshot line = ReturnLineSnapshot.builder().orderLineId(L1).sku(Sku.of("SKU-1"))
        .category("home").unitPrice(eur("10.00")).orderedQuantity(1)
        .reason(ReturnReason.WRONG_ITEM_SHIPPED).resolution(Resolution.EXCHANGE)
        .verdict(LineVerdict.APPROVED).quantities(new LineQuantities(1, 1, 1, 1)).build();
    return ReturnCaseSnapshot.builder().id(ReturnId.of("R-1")).orderId(OrderId.of("O-1"))
        .customerId(CustomerId.of("C-1")).status(ReturnStatus.SETTLING).requestedAt(T0)
        .updatedAt(T0).returnShippingPaidBy(ReturnShippingPayer.SELLER).lines(List.of(line))
        .outboundShippingPaid(eur("0.00")).payments(List.of(payments)).build();
  }
}
