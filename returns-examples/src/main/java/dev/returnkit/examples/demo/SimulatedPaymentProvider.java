package dev.returnkit.examples.demo;

import dev.returnkit.core.inmemory.InMemoryPaymentGateway;
import dev.returnkit.spi.PaymentUnavailableException;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentReceipt;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A payment provider with bad days: some calls time out before the provider pays, and some
 * time out after it paid (the worst kind: the money left, the answer did not). Both surface as
 * {@link PaymentUnavailableException}, as a real adapter would report them. Behind it an
 * {@link InMemoryPaymentGateway} keeps the books and honours idempotency keys, so the demo can
 * show that retries never pay twice.
 */
final class SimulatedPaymentProvider implements PaymentGateway {

  private final InMemoryPaymentGateway books;
  private final Draw draw;
  private final double failBefore;
  private final double failAfter;
  private final List<PaymentInstruction> paid = new ArrayList<>();
  private int attempts;
  private int timeoutsBeforePaying;
  private int timeoutsAfterPaying;

  /**
   * A provider.
   *
   * @param clock the clock receipts are stamped with
   * @param seed the seed of its bad days
   * @param failBefore the share of calls that fail before paying
   * @param failAfter the share of calls that pay and then fail to answer
   */
  SimulatedPaymentProvider(Clock clock, long seed, double failBefore, double failAfter) {
    this.books = new InMemoryPaymentGateway(clock);
    this.draw = new Draw(seed);
    this.failBefore = failBefore;
    this.failAfter = failAfter;
  }

  @Override
  public PaymentReceipt pay(PaymentInstruction instruction) {
    attempts++;
    if (draw.chance(failBefore)) {
      timeoutsBeforePaying++;
      throw new PaymentUnavailableException("provider timed out before paying "
          + instruction.idempotencyKey(), null);
    }
    int before = books.receipts().size();
    PaymentReceipt receipt = books.pay(instruction);
    if (books.receipts().size() > before) {
      paid.add(instruction);
    }
    if (draw.chance(failAfter)) {
      timeoutsAfterPaying++;
      throw new PaymentUnavailableException("provider paid " + instruction.idempotencyKey()
          + " but its answer was lost", null);
    }
    return receipt;
  }

  @Override
  public Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
    return books.findReceipt(idempotencyKey);
  }

  /** Every payment the provider actually made, one per key. */
  List<PaymentReceipt> receipts() {
    return books.receipts();
  }

  /** The instruction of each receipt, in the same order. */
  List<PaymentInstruction> paid() {
    return List.copyOf(paid);
  }

  /** Calls to {@link #pay}, failed ones included. */
  int attempts() {
    return attempts;
  }

  /** Calls that failed before anything was paid. */
  int timeoutsBeforePaying() {
    return timeoutsBeforePaying;
  }

  /** Calls that paid but whose answer was lost. */
  int timeoutsAfterPaying() {
    return timeoutsAfterPaying;
  }
}
