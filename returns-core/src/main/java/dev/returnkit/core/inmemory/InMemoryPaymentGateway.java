package dev.returnkit.core.inmemory;

import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.IdempotencyKeyReusedException;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.payment.RefundLimitExceededException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link PaymentGateway} that moves no real money but keeps the port's promises: each
 * idempotency key pays once, a key reused for a different payment is refused, and the total
 * paid out against a payment reference never exceeds the instruction's limit. Records every
 * instruction and receipt so tests and the demo can show what was paid. Thread-safe.
 */
public final class InMemoryPaymentGateway implements PaymentGateway {

  private final Clock clock;
  private final Map<String, PaymentInstruction> instructionsByKey = new HashMap<>();
  private final Map<String, PaymentReceipt> receiptsByKey = new HashMap<>();
  private final Map<String, Money> paidOutByReference = new HashMap<>();
  private final List<PaymentInstruction> calls = new ArrayList<>();
  private final List<PaymentReceipt> receipts = new ArrayList<>();

  /**
   * A gateway that stamps receipts with the given clock.
   *
   * @param clock the clock for {@link PaymentReceipt#processedAt()}
   */
  public InMemoryPaymentGateway(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized PaymentReceipt pay(PaymentInstruction instruction) {
    calls.add(instruction);
    PaymentReceipt earlier = receiptsByKey.get(instruction.idempotencyKey());
    if (earlier != null) {
      PaymentInstruction first = instructionsByKey.get(instruction.idempotencyKey());
      if (!first.amount().equals(instruction.amount()) || first.kind() != instruction.kind()
          || !first.paymentReference().equals(instruction.paymentReference())) {
        throw new IdempotencyKeyReusedException(instruction.idempotencyKey(),
            "first " + first.kind() + " " + first.amount() + " on " + first.paymentReference()
                + ", now " + instruction.kind() + " " + instruction.amount() + " on "
                + instruction.paymentReference());
      }
      return earlier;
    }
    // A charge takes money in: it neither uses up nor adds to what may be paid out.
    boolean paysOut = instruction.kind() != PaymentKind.CHARGE;
    Money already = paidOutByReference.getOrDefault(instruction.paymentReference(),
        Money.zero(instruction.amount().currency()));
    if (paysOut && already.plus(instruction.amount()).isGreaterThan(instruction.limit())) {
      throw new RefundLimitExceededException(instruction.paymentReference(), already,
          instruction.amount(), instruction.limit());
    }
    PaymentReceipt receipt = new PaymentReceipt(instruction.idempotencyKey(),
        "PAY-" + (receipts.size() + 1), instruction.kind(), instruction.amount(),
        clock.instant());
    instructionsByKey.put(instruction.idempotencyKey(), instruction);
    receiptsByKey.put(instruction.idempotencyKey(), receipt);
    if (paysOut) {
      paidOutByReference.put(instruction.paymentReference(),
          already.plus(instruction.amount()));
    }
    receipts.add(receipt);
    return receipt;
  }

  @Override
  public synchronized Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
    return Optional.ofNullable(receiptsByKey.get(idempotencyKey));
  }

  /**
   * Every payment actually made (one per key), in order.
   *
   * @return the receipts
   */
  public synchronized List<PaymentReceipt> receipts() {
    return List.copyOf(receipts);
  }

  /**
   * Every call to {@link #pay}, repeats and refusals included, in order.
   *
   * @return the instructions received
   */
  public synchronized List<PaymentInstruction> calls() {
    return List.copyOf(calls);
  }

  /**
   * The total paid out against a payment reference.
   *
   * @param paymentReference the original payment
   * @return the total, or empty if nothing was paid against it
   */
  public synchronized Optional<Money> totalPaidOut(String paymentReference) {
    return Optional.ofNullable(paidOutByReference.get(paymentReference));
  }
}
