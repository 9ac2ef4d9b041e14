package dev.returnkit.service.api;

import dev.returnkit.spi.ConcurrentReturnUpdateException;
import java.util.function.Supplier;

/**
 * A command that lost a race with another writer of its case is run once more: it stored
 * nothing, and running it again reloads the case and decides on what is there now (returnkit's
 * idempotency keys make sure a payment, booking or stock movement happens once however often a
 * use case runs). Losing twice in a row is answered 409 {@code concurrent-update}; a command the
 * winner made pointless (approving what was just approved) is answered 409
 * {@code illegal-transition}.
 */
public final class Races {

  private Races() {}

  /**
   * Runs a command, and once more if it lost a race.
   *
   * @param command the use case call
   * @param <T> what it answers
   * @return its answer
   * @throws ConcurrentReturnUpdateException if it lost the second race too
   */
  public static <T> T retryOnce(Supplier<T> command) {
    try {
      return command.get();
    } catch (ConcurrentReturnUpdateException lost) {
      return command.get();
    }
  }
}
