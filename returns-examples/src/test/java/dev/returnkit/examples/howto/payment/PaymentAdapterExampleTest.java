package dev.returnkit.examples.howto.payment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.examples.howto.ExampleShop;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("returnkit paying through the Acme Pay adapter")
class PaymentAdapterExampleTest {

  @Test
  @DisplayName("waits in SETTLING through an outage, then pays once")
  void settlesAfterTheOutage() {
    AcmePaySandbox acmePay = new AcmePaySandbox(ExampleShop.CLOCK);

    ReturnCaseSnapshot settled = PaymentAdapterExample.settleThroughAnOutage(acmePay);

    assertThat(settled.status()).isEqualTo(ReturnStatus.COMPLETED);
    long paidCents = settled.paidOut(PaymentKind.REFUND).amount().movePointRight(2)
        .longValueExact();
    assertThat(paidCents).isPositive();
    assertThat(acmePay.refundedMinor("PSP-1")).isEqualTo(paidCents);
    assertThat(settled.payments()).allSatisfy(p ->
        assertThat(p.providerReference()).startsWith("re_"));
  }
}
