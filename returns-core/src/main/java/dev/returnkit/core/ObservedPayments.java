package dev.returnkit.core;

import dev.returnkit.core.observation.PaymentOutcome;
import dev.returnkit.core.observation.ReturnsObserver;
import dev.returnkit.spi.PaymentRejectedException;
import dev.returnkit.spi.PaymentUnavailableException;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentReceipt;
import java.util.Optional;

/**
 * The host's payment gateway, with each payment's outcome told to the observer: the one place
 * every call of the provider passes, so settlement itself stays free of metrics.
 */
final class ObservedPayments implements PaymentGateway {

  private final PaymentGateway payments;
  private final ReturnsObserver observer;

  ObservedPayments(PaymentGateway payments, ReturnsObserver observer) {
    this.payments = payments;
    this.observer = observer;
  }

  @Override
  public PaymentReceipt pay(PaymentInstruction instruction) {
    PaymentReceipt receipt;
    try {
      receipt = payments.pay(instruction);
    } catch (PaymentRejectedException refused) {
      observer.payment(instruction.kind(), PaymentOutcome.REJECTED);
      throw refused;
    } catch (PaymentUnavailableException unavailable) {
      observer.payment(instruction.kind(), PaymentOutcome.UNAVAILABLE);
      throw unavailable;
    } catch (RuntimeException failure) {
      observer.payment(instruction.kind(), PaymentOutcome.FAILED);
      throw failure;
    }
    observer.payment(instruction.kind(), PaymentOutcome.PAID);
    return receipt;
  }

  @Override
  public Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
    return payments.findReceipt(idempotencyKey);
  }
}
