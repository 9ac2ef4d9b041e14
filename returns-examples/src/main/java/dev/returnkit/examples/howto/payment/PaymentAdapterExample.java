package dev.returnkit.examples.howto.payment;

import dev.returnkit.core.Returns;
import dev.returnkit.examples.howto.ExampleShop;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.spi.PaymentException;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ReturnReason;

/**
 * returnkit paying through a shop's own payment adapter, {@link AcmePayPaymentGateway}, while
 * the provider has an outage: the settlement fails, the case waits in {@code SETTLING}, and the
 * retry after the outage pays once.
 */
public final class PaymentAdapterExample {

  private PaymentAdapterExample() {}

  /**
   * Runs the example.
   *
   * @param args none
   */
  public static void main(String[] args) {
    AcmePaySandbox acmePay = new AcmePaySandbox(ExampleShop.CLOCK);
    ReturnCaseSnapshot settled = settleThroughAnOutage(acmePay);
    System.out.println(settled.id() + " " + settled.status() + ", Acme Pay refunded "
        + acmePay.refundedMinor("PSP-1") + " cents against PSP-1");
  }

  /**
   * A faulty item eligible for a returnless refund (the default policy lets the customer keep
   * a cheap faulty item), settled while Acme Pay is down, then again once it is back.
   *
   * @param acmePay the provider's sandbox
   * @return the settled case
   */
  public static ReturnCaseSnapshot settleThroughAnOutage(AcmePaySandbox acmePay) {
    ExampleShop shop = new ExampleShop(DroolsPolicies.defaults().policies(),
        new AcmePayPaymentGateway(acmePay));
    Returns returns = shop.returns();
    ReturnId id = returns.request(shop.deliveredDaysAgo(3, "CABLE", "electronics", "9.99",
        ReturnReason.DEFECTIVE)).returnCase().id();

    acmePay.setDown(true);
    try {
      returns.settle(id, Actor.SYSTEM);
      throw new IllegalStateException("the settlement should have failed during the outage");
    } catch (PaymentException outage) {
      System.out.println("Acme Pay is down (" + (outage.isRetryable() ? "retryable" : "final")
          + "); " + id + " waits in " + returns.find(id).orElseThrow().status());
    }

    acmePay.setDown(false);
    return returns.settle(id, Actor.SYSTEM).returnCase();
  }
}
