package dev.returnkit.core.observation;

import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.payment.PaymentKind;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a host's metrics and tracing learn of returnkit: each use case of the facade as it runs,
 * each stored change (its history entries: the transitions and the rules that decided them),
 * and each call of the payment gateway. The core knows no metrics library; the Spring Boot
 * starter implements this with Micrometer, and a host may implement it for another.
 *
 * <p>Implementations must be thread-safe and quick, and must not throw: they run on the
 * callers' threads, inside every use case. {@link #none()} observes nothing.
 */
public interface ReturnsObserver {

  /**
   * Runs one use case: an implementation times it, and tags it with its outcome (the
   * exception's kind, if it threw). It must call {@code call} exactly once and return what it
   * returned, or rethrow what it threw, unchanged.
   *
   * @param useCase which use case
   * @param call the use case
   * @param <T> what it returns
   * @return what {@code call} returned
   */
  <T> T observe(UseCase useCase, Supplier<T> call);

  /**
   * A save was stored: its new history entries, in order (each a transition from one status
   * to another, with the rules that decided it).
   *
   * @param entries the entries the save appended
   */
  default void stored(List<HistoryEntry> entries) {}

  /**
   * The payment gateway was asked for a payment and answered, or failed.
   *
   * @param kind refund, store credit or charge
   * @param outcome how it ended
   */
  default void payment(PaymentKind kind, PaymentOutcome outcome) {}

  /**
   * An observer that observes nothing (the default of {@code Returns}).
   *
   * @return the observer
   */
  static ReturnsObserver none() {
    return NoObserver.INSTANCE;
  }
}
