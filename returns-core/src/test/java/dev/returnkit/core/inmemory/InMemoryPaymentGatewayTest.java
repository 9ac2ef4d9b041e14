package dev.returnkit.core.inmemory;

import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.tck.PaymentGatewayContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

class InMemoryPaymentGatewayTest extends PaymentGatewayContract {

  @Override
  protected PaymentGateway newGateway() {
    return new InMemoryPaymentGateway(
        Clock.fixed(Instant.parse("2026-03-10T09:00:00.000001Z"), ZoneOffset.UTC));
  }

  @Override
  protected Money totalPaidOut(PaymentGateway gateway, String paymentReference) {
    return ((InMemoryPaymentGateway) gateway).totalPaidOut(paymentReference)
        .orElse(Money.zero(CURRENCY));
  }
}
