package dev.returnkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.IdempotencyKeyReusedException;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.payment.RefundLimitExceededException;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link PaymentGateway} contract as tests. A settlement interrupted by a crash or a timeout
 * is simply run again with the same idempotency keys; that is only safe if the gateway pays each
 * key once, refuses a key reused for another payment, and never pays more against an order's
 * payment than its limit, also when calls race.
 *
 * <p>To use it, extend it in the adapter's tests. Besides the gateway, the test must say what
 * really left the shop: the contract cannot see that through the port, and a receipt alone
 * does not prove that a payment was made once.
 *
 * <pre>{@code
 * class MyPaymentGatewayTest extends PaymentGatewayContract {
 *   protected PaymentGateway newGateway() {
 *     return new MyPaymentGateway(sandboxClient);
 *   }
 *
 *   protected Money totalPaidOut(PaymentGateway gateway, String paymentReference) {
 *     return sandboxClient.refundedTotal(paymentReference);
 *   }
 * }
 * }</pre>
 *
 * <p>Every test uses idempotency keys and payment references of its own, made unique per run,
 * so an adapter against a provider's sandbox that remembers earlier runs can share one account.
 * All amounts are in {@link #CURRENCY}.
 */
public abstract class PaymentGatewayContract {

  /** The currency of every payment the contract makes. */
  protected static final Currency CURRENCY = Currency.getInstance("EUR");

  private PaymentGateway gateway;
  private String run;

  /** For subclasses. */
  protected PaymentGatewayContract() {}

  /**
   * The gateway under test. Called once before every test.
   *
   * @return a gateway; it may share a sandbox with earlier ones
   */
  protected abstract PaymentGateway newGateway();

  /**
   * What the provider has paid out in total against a payment reference, found without going
   * through {@link PaymentGateway} (the sandbox's records, the in-memory ledger).
   *
   * @param gateway the gateway the test used
   * @param paymentReference the original payment
   * @return the total, {@code Money.zero(CURRENCY)} if nothing was paid against it
   */
  protected abstract Money totalPaidOut(PaymentGateway gateway, String paymentReference);

  @BeforeEach
  void createGateway() {
    gateway = newGateway();
    run = "tck-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Nested
  @DisplayName("Paying")
  class Paying {

    @Test
    @DisplayName("returns a receipt for the instruction's key, kind and amount")
    void receiptDescribesThePayment() {
      PaymentInstruction refund = instruction("k1", "ref1", PaymentKind.REFUND, "19.99", "100");

      PaymentReceipt receipt = gateway.pay(refund);

      assertThat(receipt.idempotencyKey()).isEqualTo(refund.idempotencyKey());
      assertThat(receipt.kind()).isEqualTo(PaymentKind.REFUND);
      assertThat(receipt.amount()).isEqualTo(eur("19.99"));
      assertThat(receipt.providerReference()).isNotBlank();
      assertThat(totalPaidOut(gateway, refund.paymentReference())).isEqualTo(eur("19.99"));
    }

    @Test
    @DisplayName("issues store credit as store credit")
    void storeCredit() {
      PaymentInstruction credit =
          instruction("k1", "ref1", PaymentKind.STORE_CREDIT, "7.50", "100");

      PaymentReceipt receipt = gateway.pay(credit);

      assertThat(receipt.kind()).isEqualTo(PaymentKind.STORE_CREDIT);
      assertThat(receipt.amount()).isEqualTo(eur("7.50"));
    }

    @Test
    @DisplayName("finds the receipt again by its key")
    void findsTheReceipt() {
      PaymentInstruction refund = instruction("k1", "ref1", PaymentKind.REFUND, "19.99", "100");
      PaymentReceipt receipt = gateway.pay(refund);

      assertThat(gateway.findReceipt(refund.idempotencyKey())).contains(receipt);
    }

    @Test
    @DisplayName("finds no receipt for a key never paid")
    void noReceiptForUnknownKey() {
      gateway.pay(instruction("k1", "ref1", PaymentKind.REFUND, "19.99", "100"));

      assertThat(gateway.findReceipt(key("k2"))).isEmpty();
    }

    @Test
    @DisplayName("paying the same instruction again returns an equal receipt and pays once")
    void sameInstructionPaysOnce() {
      PaymentInstruction refund = instruction("k1", "ref1", PaymentKind.REFUND, "19.99", "100");

      PaymentReceipt first = gateway.pay(refund);
      PaymentReceipt again = gateway.pay(refund);

      assertThat(again).isEqualTo(first);
      assertThat(gateway.findReceipt(refund.idempotencyKey())).contains(first);
      assertThat(totalPaidOut(gateway, refund.paymentReference())).isEqualTo(eur("19.99"));
    }
  }

  @Nested
  @DisplayName("A key reused for a different payment")
  class ReusedKey {

    private PaymentInstruction first;
    private PaymentReceipt receipt;

    @BeforeEach
    void payOnce() {
      first = instruction("k1", "ref1", PaymentKind.REFUND, "19.99", "100");
      receipt = gateway.pay(first);
    }

    @Test
    @DisplayName("with another amount is refused and pays nothing more")
    void anotherAmount() {
      assertRefused(instruction("k1", "ref1", PaymentKind.REFUND, "29.99", "100"));
    }

    @Test
    @DisplayName("with another kind is refused and pays nothing more")
    void anotherKind() {
      assertRefused(instruction("k1", "ref1", PaymentKind.STORE_CREDIT, "19.99", "100"));
    }

    @Test
    @DisplayName("with another payment reference is refused and pays nothing on either")
    void anotherReference() {
      assertRefused(instruction("k1", "ref2", PaymentKind.REFUND, "19.99", "100"));

      assertThat(totalPaidOut(gateway, reference("ref2"))).isEqualTo(Money.zero(CURRENCY));
    }

    private void assertRefused(PaymentInstruction reuse) {
      assertThatThrownBy(() -> gateway.pay(reuse))
          .isInstanceOf(IdempotencyKeyReusedException.class);

      assertThat(totalPaidOut(gateway, first.paymentReference())).isEqualTo(eur("19.99"));
      assertThat(gateway.findReceipt(first.idempotencyKey())).contains(receipt);
    }
  }

  @Nested
  @DisplayName("The limit per payment reference")
  class Limit {

    @BeforeEach
    void payTwice() {
      gateway.pay(instruction("k1", "ref1", PaymentKind.REFUND, "30.00", "100.00"));
      gateway.pay(instruction("k2", "ref1", PaymentKind.REFUND, "40.00", "100.00"));
    }

    @Test
    @DisplayName("payments against one reference add up")
    void paymentsAddUp() {
      assertThat(totalPaidOut(gateway, reference("ref1"))).isEqualTo(eur("70.00"));
    }

    @Test
    @DisplayName("a payment that would take the total above the limit is refused, unpaid")
    void aboveTheLimitIsRefused() {
      PaymentInstruction tooMuch =
          instruction("k3", "ref1", PaymentKind.REFUND, "30.01", "100.00");

      assertThatThrownBy(() -> gateway.pay(tooMuch))
          .isInstanceOf(RefundLimitExceededException.class);

      assertThat(totalPaidOut(gateway, reference("ref1"))).isEqualTo(eur("70.00"));
      assertThat(gateway.findReceipt(tooMuch.idempotencyKey())).isEmpty();
    }

    @Test
    @DisplayName("a payment that reaches the limit exactly is paid")
    void reachingTheLimitIsAllowed() {
      PaymentReceipt receipt =
          gateway.pay(instruction("k3", "ref1", PaymentKind.REFUND, "30.00", "100.00"));

      assertThat(receipt.amount()).isEqualTo(eur("30.00"));
      assertThat(totalPaidOut(gateway, reference("ref1"))).isEqualTo(eur("100.00"));
    }

    @Test
    @DisplayName("what was paid against one reference does not count against another")
    void limitIsPerReference() {
      gateway.pay(instruction("k3", "ref2", PaymentKind.REFUND, "60.00", "100.00"));

      assertThat(totalPaidOut(gateway, reference("ref1"))).isEqualTo(eur("70.00"));
      assertThat(totalPaidOut(gateway, reference("ref2"))).isEqualTo(eur("60.00"));
    }
  }

  @Nested
  @DisplayName("A charge (an exchange for a dearer item)")
  class Charges {

    @Test
    @DisplayName("is taken as a charge, once per key")
    void chargesOnce() {
      PaymentInstruction charge = instruction("k1", "ref1", PaymentKind.CHARGE, "15.00", "15.00");

      PaymentReceipt first = gateway.pay(charge);
      PaymentReceipt again = gateway.pay(charge);

      assertThat(first.kind()).isEqualTo(PaymentKind.CHARGE);
      assertThat(first.amount()).isEqualTo(eur("15.00"));
      assertThat(again).isEqualTo(first);
      assertThat(gateway.findReceipt(charge.idempotencyKey())).contains(first);
    }

    @Test
    @DisplayName("neither uses up nor adds to what may be refunded against its reference")
    void leavesTheRefundLimitAlone() {
      gateway.pay(instruction("k1", "ref1", PaymentKind.REFUND, "90.00", "100.00"));
      gateway.pay(instruction("k2", "ref1", PaymentKind.CHARGE, "15.00", "15.00"));

      assertThat(totalPaidOut(gateway, reference("ref1"))).isEqualTo(eur("90.00"));
      assertThatThrownBy(() -> gateway.pay(
          instruction("k3", "ref1", PaymentKind.REFUND, "10.01", "100.00")))
          .isInstanceOf(RefundLimitExceededException.class);
      assertThat(gateway.pay(instruction("k4", "ref1", PaymentKind.REFUND, "10.00", "100.00"))
          .amount()).isEqualTo(eur("10.00"));
    }

    @Test
    @DisplayName("under a key that refunded is refused and charges nothing")
    void keyOfARefundIsRefused() {
      PaymentReceipt refund =
          gateway.pay(instruction("k1", "ref1", PaymentKind.REFUND, "15.00", "100.00"));

      assertThatThrownBy(() -> gateway.pay(
          instruction("k1", "ref1", PaymentKind.CHARGE, "15.00", "15.00")))
          .isInstanceOf(IdempotencyKeyReusedException.class);
      assertThat(gateway.findReceipt(key("k1"))).contains(refund);
    }
  }

  @Nested
  @DisplayName("Racing calls")
  class RacingCalls {

    @Test
    @DisplayName("with the same key pay once and all get equal receipts")
    void sameKeyPaysOnce() {
      for (int round = 0; round < Race.ROUNDS; round++) {
        PaymentInstruction refund =
            instruction("k" + round, "ref" + round, PaymentKind.REFUND, "19.99", "100");

        List<Race.Outcome<PaymentReceipt>> outcomes =
            Race.run(Race.THREADS, racer -> gateway.pay(refund));

        assertThat(Race.failures(outcomes)).isEmpty();
        List<PaymentReceipt> receipts = Race.values(outcomes);
        assertThat(receipts).as("receipts of round %d", round)
            .hasSize(Race.THREADS).containsOnly(receipts.get(0));
        assertThat(totalPaidOut(gateway, refund.paymentReference()))
            .as("paid out in round %d", round).isEqualTo(eur("19.99"));
      }
    }

    @Test
    @DisplayName("with different keys on one reference never pay above the limit")
    void differentKeysStayWithinTheLimit() {
      int fit = 3;
      for (int round = 0; round < Race.ROUNDS; round++) {
        String ref = "ref" + round;
        String keys = "k" + round + "-";

        List<Race.Outcome<PaymentReceipt>> outcomes = Race.run(Race.THREADS, racer ->
            gateway.pay(instruction(keys + racer, ref, PaymentKind.REFUND, "10.00", "30.00")));

        assertThat(Race.values(outcomes)).as("payments of round %d", round).hasSize(fit);
        assertThat(Race.failures(outcomes)).hasSize(Race.THREADS - fit)
            .allSatisfy(e -> assertThat(e).isInstanceOf(RefundLimitExceededException.class));
        assertThat(totalPaidOut(gateway, reference(ref)))
            .as("paid out in round %d", round).isEqualTo(eur("30.00"));
        for (int racer = 0; racer < Race.THREADS; racer++) {
          assertThat(gateway.findReceipt(key(keys + racer)).isPresent())
              .as("receipt of racer %d", racer).isEqualTo(outcomes.get(racer).succeeded());
        }
      }
    }
  }

  private PaymentInstruction instruction(String key, String reference, PaymentKind kind,
      String amount, String limit) {
    return new PaymentInstruction(key(key), ReturnId.of("R-1"), OrderId.of("O-1"),
        CustomerId.of("C-1"), reference(reference), kind, eur(amount), eur(limit));
  }

  /** A key of this run: a sandbox that remembers earlier runs must not recognise it. */
  private String key(String name) {
    return run + "/" + name;
  }

  private String reference(String name) {
    return run + "/" + name;
  }

  private static Money eur(String amount) {
    return Money.of(amount, CURRENCY.getCurrencyCode());
  }
}
