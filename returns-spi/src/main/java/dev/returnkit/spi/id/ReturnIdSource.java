package dev.returnkit.spi.id;

import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Where new {@link ReturnId}s come from. Injected into returnkit so that tests and demos get
 * predictable ids and production gets unguessable ones.
 *
 * <p>Implementations must be thread-safe and must never return the same id twice.
 */
@FunctionalInterface
public interface ReturnIdSource {

  /**
   * Returns a new id, never returned before by this source.
   *
   * @return a fresh return id
   */
  ReturnId next();

  /**
   * Ids {@code prefix-1}, {@code prefix-2}, ... in order: for tests, demos and single-process
   * hosts that want readable ids. Thread-safe.
   *
   * @param prefix text before the number, e.g. {@code "R"}
   * @return a source of sequential ids
   */
  static ReturnIdSource sequential(String prefix) {
    Objects.requireNonNull(prefix, "prefix");
    AtomicLong counter = new AtomicLong();
    return () -> new ReturnId(prefix + "-" + counter.incrementAndGet());
  }

  /**
   * Random (version 4) UUIDs with the prefix {@code R-}, drawn from the given generator: pass
   * a {@link java.security.SecureRandom} in production and a seeded {@link Random} in tests.
   * Thread-safe if the generator is ({@code Random} and {@code SecureRandom} are).
   *
   * @param random the source of randomness
   * @return a source of random ids
   */
  static ReturnIdSource random(Random random) {
    Objects.requireNonNull(random, "random");
    return () -> {
      long high = random.nextLong();
      long low = random.nextLong();
      // Set the version (4) and IETF variant bits, as UUID.randomUUID() does.
      high = (high & ~0xF000L) | 0x4000L;
      low = (low & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
      return new ReturnId("R-" + new UUID(high, low));
    };
  }
}
