package dev.returnkit.spi.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.PaymentRejectedException;
import dev.returnkit.spi.ReturnsException;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The payment records")
class PaymentRecordsTest {

  private static final Instant PAID_AT = Instant.parse("2026-03-05T12:00:00Z");
  private static final String KEY = "R-1/L1/ITEM_REFUND";

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  @Nested
  @DisplayName("PaymentInstruction")
  class Instruction {

    private PaymentInstruction instruction(Money amount, Money limit) {
      return new PaymentInstruction(KEY, ReturnId.of("R-1"), OrderId.of("O-1"),
          CustomerId.of("C-1"), "pay-1", PaymentKind.REFUND, amount, limit);
    }

    @Test
    @DisplayName("accepts a positive amount with a limit in the same currency")
    void accepts() {
      PaymentInstruction instruction = instruction(eur("19.99"), eur("49.93"));

      assertThat(instruction.amount()).isEqualTo(eur("19.99"));
      assertThat(instruction.limit()).isEqualTo(eur("49.93"));
    }

    @ParameterizedTest(name = "EUR {0}")
    @ValueSource(strings = {"0", "0.00", "-0.01", "-100"})
    @DisplayName("rejects a zero or negative amount, naming it")
    void rejectsNonPositiveAmounts(String amount) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> instruction(eur(amount), eur("100")))
          .withMessageContaining(eur(amount).toString());
    }

    @Test
    @DisplayName("rejects a limit in another currency, naming both currencies")
    void rejectsLimitInOtherCurrency() {
      assertThatThrownBy(() -> instruction(eur("10"), Money.of("100", "USD")))
          .isInstanceOf(CurrencyMismatchException.class)
          .hasMessageContaining("EUR")
          .hasMessageContaining("USD");
    }

    @Test
    @DisplayName("rejects missing fields")
    void rejectsNulls() {
      assertThatNullPointerException().isThrownBy(() -> new PaymentInstruction(null,
          ReturnId.of("R-1"), OrderId.of("O-1"), CustomerId.of("C-1"), "pay-1",
          PaymentKind.REFUND, eur("1"), eur("1"))).withMessageContaining("idempotencyKey");
      assertThatNullPointerException().isThrownBy(() -> instruction(eur("1"), null))
          .withMessageContaining("limit");
    }
  }

  @Nested
  @DisplayName("SettlementPayment")
  class Settlement {

    private final SettlementPayment planned = SettlementPayment.planned(KEY,
        OrderLineId.of("L1"), PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, eur("15.00"));

    private PaymentReceipt receipt(String key, PaymentKind kind, Money amount) {
      return new PaymentReceipt(key, "psp-42", kind, amount, PAID_AT);
    }

    @Test
    @DisplayName("a planned payment is not paid and has neither reference nor time")
    void plannedIsUnpaid() {
      assertThat(planned.isPaid()).isFalse();
      assertThat(planned.providerReference()).isNull();
      assertThat(planned.paidAt()).isNull();
    }

    @Test
    @DisplayName("paidWith a matching receipt is paid, with its reference and time")
    void paidWithMatchingReceipt() {
      SettlementPayment paid = planned.paidWith(receipt(KEY, PaymentKind.REFUND, eur("15")));

      assertThat(paid.isPaid()).isTrue();
      assertThat(paid.providerReference()).isEqualTo("psp-42");
      assertThat(paid.paidAt()).isEqualTo(PAID_AT);
      assertThat(paid.idempotencyKey()).isEqualTo(KEY);
      assertThat(paid.orderLineId()).isEqualTo(OrderLineId.of("L1"));
      assertThat(paid.purpose()).isEqualTo(PaymentPurpose.ITEM_REFUND);
      assertThat(paid.kind()).isEqualTo(PaymentKind.REFUND);
      assertThat(paid.amount()).isEqualTo(eur("15"));
      assertThat(planned.isPaid()).as("the planned payment is unchanged").isFalse();
    }

    @Test
    @DisplayName("refuses a second receipt once paid: a payment is confirmed once")
    void paidOnlyOnce() {
      PaymentReceipt receipt = receipt(KEY, PaymentKind.REFUND, eur("15"));
      SettlementPayment paid = planned.paidWith(receipt);

      assertThatIllegalStateException().isThrownBy(() -> paid.paidWith(receipt))
          .withMessageContaining("already paid");
    }

    @Test
    @DisplayName("names its order line exactly when it refunds items")
    void lineMatchesPurpose() {
      assertThatIllegalArgumentException().isThrownBy(() -> SettlementPayment.planned(KEY, null,
          PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, eur("15")));
      assertThatIllegalArgumentException().isThrownBy(() -> SettlementPayment.planned(KEY,
          OrderLineId.of("L1"), PaymentPurpose.OUTBOUND_SHIPPING_REFUND, PaymentKind.REFUND,
          eur("4.95")));
    }

    @Test
    @DisplayName("rejects a receipt for another idempotency key, naming both keys")
    void rejectsOtherKey() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> planned.paidWith(receipt("R-1/L2/ITEM_REFUND", PaymentKind.REFUND,
              eur("15"))))
          .withMessageContaining("R-1/L2/ITEM_REFUND")
          .withMessageContaining(KEY);
    }

    @Test
    @DisplayName("rejects a receipt for another amount, even one cent off")
    void rejectsOtherAmount() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> planned.paidWith(receipt(KEY, PaymentKind.REFUND, eur("14.99"))))
          .withMessageContaining("EUR 15.00");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> planned.paidWith(receipt(KEY, PaymentKind.REFUND, eur("15.01"))));
    }

    @Test
    @DisplayName("rejects a receipt for the same number in another currency")
    void rejectsOtherCurrency() {
      assertThatIllegalArgumentException().isThrownBy(
          () -> planned.paidWith(receipt(KEY, PaymentKind.REFUND, Money.of("15", "USD"))));
    }

    @Test
    @DisplayName("rejects a receipt of another kind")
    void rejectsOtherKind() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> planned.paidWith(receipt(KEY, PaymentKind.STORE_CREDIT, eur("15"))))
          .withMessageContaining("REFUND");
    }

    @Test
    @DisplayName("rejects a payment with a provider reference but no time, or a time but no "
        + "reference")
    void rejectsHalfPaid() {
      assertThatIllegalArgumentException().isThrownBy(() -> new SettlementPayment(KEY, null,
          PaymentPurpose.OUTBOUND_SHIPPING_REFUND, PaymentKind.REFUND, eur("4.95"), "psp-1",
          null)).withMessageContaining("both");
      assertThatIllegalArgumentException().isThrownBy(() -> new SettlementPayment(KEY, null,
          PaymentPurpose.OUTBOUND_SHIPPING_REFUND, PaymentKind.REFUND, eur("4.95"), null,
          PAID_AT)).withMessageContaining("both");
    }

    @ParameterizedTest(name = "EUR {0}")
    @ValueSource(strings = {"0", "-0.01"})
    @DisplayName("rejects a zero or negative amount")
    void rejectsNonPositiveAmounts(String amount) {
      assertThatIllegalArgumentException().isThrownBy(() -> SettlementPayment.planned(KEY,
          OrderLineId.of("L1"), PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, eur(amount)))
          .withMessageContaining("above zero");
    }
  }

  @Nested
  @DisplayName("payment exceptions")
  class Exceptions {

    @Test
    @DisplayName("a refund over the limit is a rejection, naming the reference and the amounts")
    void refundLimitExceeded() {
      RefundLimitExceededException e = new RefundLimitExceededException("pay-1", eur("40"),
          eur("10"), eur("49.93"));

      assertThat(e).isInstanceOf(PaymentRejectedException.class)
          .isInstanceOf(ReturnsException.class)
          .hasMessageContaining("pay-1")
          .hasMessageContaining("EUR 40.00")
          .hasMessageContaining("EUR 10.00")
          .hasMessageContaining("EUR 49.93");
    }

    @Test
    @DisplayName("a reused idempotency key is a rejection naming the key")
    void keyReused() {
      assertThat(new IdempotencyKeyReusedException(KEY, "amount differs"))
          .isInstanceOf(PaymentRejectedException.class)
          .hasMessageContaining(KEY)
          .hasMessageContaining("amount differs");
    }
  }
}
