package dev.returnkit.examples.howto.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.examples.howto.ExampleShop;
import dev.returnkit.spi.PaymentException;
import dev.returnkit.spi.PaymentRejectedException;
import dev.returnkit.spi.PaymentUnavailableException;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.RefundLimitExceededException;
import dev.returnkit.tck.PaymentGatewayContract;
import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The Acme Pay adapter passes returnkit's payment contract (the inherited tests), and sorts
 * Acme Pay's failures into what returnkit may retry and what it may not.
 */
@DisplayName("The Acme Pay payment adapter")
class AcmePayPaymentGatewayTest extends PaymentGatewayContract {

  private final AcmePaySandbox sandbox = new AcmePaySandbox(ExampleShop.CLOCK);

  @Override
  protected PaymentGateway newGateway() {
    return new AcmePayPaymentGateway(sandbox);
  }

  @Override
  protected Money totalPaidOut(PaymentGateway gateway, String paymentReference) {
    return Money.of(BigDecimal.valueOf(sandbox.refundedMinor(paymentReference), 2), CURRENCY);
  }

  @Nested
  @DisplayName("translating Acme Pay's errors")
  class Errors {

    private final PaymentGateway gateway = newGateway();

    @Test
    @DisplayName("an outage is retryable, and nothing is paid")
    void outageIsRetryable() {
      sandbox.setDown(true);

      assertThatThrownBy(() -> gateway.pay(refund("k-1", "PSP-1", "10.00", "50.00")))
          .isInstanceOf(PaymentUnavailableException.class)
          .satisfies(e -> assertThat(((PaymentException) e).isRetryable()).isTrue());
      assertThatThrownBy(() -> gateway.findReceipt("k-1"))
          .isInstanceOf(PaymentUnavailableException.class);
      sandbox.setDown(false);
      assertThat(gateway.findReceipt("k-1")).isEmpty();
    }

    @Test
    @DisplayName("an unknown payment is refused for good")
    void unknownPaymentIsFinal() {
      assertThatThrownBy(() -> gateway.pay(refund("k-2", " ", "10.00", "50.00")))
          .isInstanceOf(PaymentRejectedException.class)
          .hasMessageContaining("payment_not_found")
          .satisfies(e -> assertThat(((PaymentException) e).isRetryable()).isFalse());
    }

    @Test
    @DisplayName("a refund above the limit says what was refunded already")
    void limitSaysWhatWasRefunded() {
      gateway.pay(refund("k-3", "PSP-3", "30.00", "50.00"));

      assertThatThrownBy(() -> gateway.pay(refund("k-4", "PSP-3", "30.00", "50.00")))
          .isInstanceOf(RefundLimitExceededException.class)
          .hasMessageContaining("EUR 30.00 already paid out");
      assertThat(sandbox.refundedMinor("PSP-3")).isEqualTo(3000);
    }

    @Test
    @DisplayName("store credit goes to the customer's Acme Pay wallet")
    void storeCreditGoesToTheWallet() {
      PaymentInstruction credit = new PaymentInstruction("k-5", ReturnId.of("R-1"),
          OrderId.of("O-1"), CustomerId.of("C-1"), "PSP-5", PaymentKind.STORE_CREDIT,
          Money.of("12.34", "EUR"), Money.of("50.00", "EUR"));

      assertThat(gateway.pay(credit).kind()).isEqualTo(PaymentKind.STORE_CREDIT);
      assertThat(gateway.findReceipt("k-5")).get()
          .satisfies(r -> assertThat(r.amount()).isEqualTo(Money.of("12.34", "EUR")));
    }

    private PaymentInstruction refund(String key, String reference, String amount,
        String limit) {
      return new PaymentInstruction(key, ReturnId.of("R-1"), OrderId.of("O-1"),
          CustomerId.of("C-1"), reference, PaymentKind.REFUND, Money.of(amount, "EUR"),
          Money.of(limit, "EUR"));
    }
  }
}
