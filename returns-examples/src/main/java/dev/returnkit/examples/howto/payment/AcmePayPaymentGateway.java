package dev.returnkit.examples.howto.payment;

import dev.returnkit.examples.howto.payment.AcmePayClient.Charge;
import dev.returnkit.examples.howto.payment.AcmePayClient.ChargeRequest;
import dev.returnkit.examples.howto.payment.AcmePayClient.Refund;
import dev.returnkit.examples.howto.payment.AcmePayClient.RefundRequest;
import dev.returnkit.spi.PaymentRejectedException;
import dev.returnkit.spi.PaymentUnavailableException;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.IdempotencyKeyReusedException;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.payment.RefundLimitExceededException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * returnkit's {@link PaymentGateway} port on Acme Pay: how to write a payment adapter.
 *
 * <p>The port asks three things of an adapter, and the TCK's {@code PaymentGatewayContract}
 * checks them (see this class's test):
 *
 * <ul>
 *   <li><b>Pay each idempotency key once.</b> The adapter passes returnkit's key as the
 *       provider's idempotency key, so a retried settlement gets the first refund back instead
 *       of a second one.
 *   <li><b>Refuse a key reused for another payment</b>, with
 *       {@link IdempotencyKeyReusedException}.
 *   <li><b>Never pay above the instruction's limit</b> against a payment reference, also when
 *       calls race. Acme Pay checks that itself, atomically, when given the limit; a provider
 *       that cannot would need the adapter to check it under a lock shared by every process.
 * </ul>
 *
 * <p>A charge (the difference of an exchange for a dearer item) goes to Acme Pay's charges,
 * which share the account's idempotency keys and leave the refundable amount alone.
 *
 * <p>It also sorts failures into retryable ({@link PaymentUnavailableException}: returnkit
 * keeps the case in {@code SETTLING} and the shop retries) and final
 * ({@link PaymentRejectedException}: a supervisor pays another way).
 */
public final class AcmePayPaymentGateway implements PaymentGateway {

  private final AcmePayClient client;

  /**
   * An adapter over an Acme Pay client.
   *
   * @param client the client, configured with the shop's credentials
   */
  public AcmePayPaymentGateway(AcmePayClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  @Override
  public PaymentReceipt pay(PaymentInstruction instruction) {
    Currency currency = instruction.amount().currency();
    if (instruction.kind() == PaymentKind.CHARGE) {
      // An exchange's difference: Acme Pay charges the card of the order's payment, and keeps
      // charges apart from refunds, as the port asks.
      ChargeRequest charge = new ChargeRequest(instruction.paymentReference(),
          minorUnits(instruction.amount()), currency.getCurrencyCode());
      try {
        return receipt(instruction.idempotencyKey(),
            client.createCharge(instruction.idempotencyKey(), charge));
      } catch (AcmePayException e) {
        throw translated(e, instruction);
      }
    }
    RefundRequest request = new RefundRequest(instruction.paymentReference(),
        minorUnits(instruction.amount()), currency.getCurrencyCode(),
        instruction.kind() == PaymentKind.REFUND ? "card" : "wallet",
        minorUnits(instruction.limit()));
    try {
      return receipt(instruction.idempotencyKey(), client.createRefund(
          instruction.idempotencyKey(), request));
    } catch (AcmePayException e) {
      throw translated(e, instruction);
    }
  }

  @Override
  public Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
    try {
      Optional<PaymentReceipt> refund =
          client.findRefund(idempotencyKey).map(found -> receipt(idempotencyKey, found));
      return refund.isPresent() ? refund
          : client.findCharge(idempotencyKey).map(charge -> receipt(idempotencyKey, charge));
    } catch (AcmePayException e) {
      throw new PaymentUnavailableException("Acme Pay could not look up " + idempotencyKey, e);
    }
  }

  /** Acme Pay's errors in the port's terms: what may be retried, and what may not. */
  private static RuntimeException translated(AcmePayException e, PaymentInstruction instruction) {
    return switch (e.code()) {
      case AcmePayException.IDEMPOTENCY_KEY_IN_USE ->
          new IdempotencyKeyReusedException(instruction.idempotencyKey(), e.getMessage());
      case AcmePayException.AMOUNT_EXCEEDS_REFUNDABLE ->
          new RefundLimitExceededException(instruction.paymentReference(),
              alreadyRefunded(e, instruction), instruction.amount(), instruction.limit());
      default -> e.status() == 0 || e.status() >= 500 || e.status() == 429
          ? new PaymentUnavailableException("Acme Pay: " + e.getMessage(), e)
          : new PaymentRejectedException("Acme Pay refused " + instruction.idempotencyKey()
              + ": " + e.getMessage());
    };
  }

  private static Money alreadyRefunded(AcmePayException e, PaymentInstruction instruction) {
    Currency currency = instruction.amount().currency();
    return fromMinorUnits(Math.max(0, e.refundedMinor()), currency);
  }

  private static PaymentReceipt receipt(String idempotencyKey, Refund refund) {
    Currency currency = Currency.getInstance(refund.request().currency());
    Money amount = fromMinorUnits(refund.request().amountMinor(), currency);
    PaymentKind kind = refund.request().destination().equals("card")
        ? PaymentKind.REFUND : PaymentKind.STORE_CREDIT;
    return new PaymentReceipt(idempotencyKey, refund.id(), kind, amount, refund.createdAt());
  }

  private static PaymentReceipt receipt(String idempotencyKey, Charge charge) {
    Currency currency = Currency.getInstance(charge.request().currency());
    return new PaymentReceipt(idempotencyKey, charge.id(), PaymentKind.CHARGE,
        fromMinorUnits(charge.request().amountMinor(), currency), charge.createdAt());
  }

  private static Money fromMinorUnits(long minor, Currency currency) {
    return Money.of(BigDecimal.valueOf(minor, Money.minorUnitDigits(currency)), currency);
  }

  private static long minorUnits(Money money) {
    return money.amount().movePointRight(Money.minorUnitDigits(money.currency()))
        .longValueExact();
  }
}
