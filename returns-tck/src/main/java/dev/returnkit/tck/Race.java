package dev.returnkit.tck;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntFunction;

/**
 * Runs the same call on many threads released at once. Started one after the other, the calls
 * would mostly not overlap and a missing lock would go unnoticed; even a latch releases its
 * waiters one by one, so the racers spin on a flag instead and leave within nanoseconds.
 */
final class Race {

  /** Threads per race: more than most machines have cores, so calls really interleave. */
  static final int THREADS = 8;

  /**
   * Races per test. One race rarely hits the window of a missing lock, so each test runs many,
   * each on fresh keys or cases.
   */
  static final int ROUNDS = 20;

  private static final long TIMEOUT_SECONDS = 60;

  private Race() {}

  /**
   * What one racer got back.
   *
   * @param value the call's result, or {@code null} if it threw
   * @param failure what it threw, or {@code null}
   * @param <T> the result type
   */
  record Outcome<T>(T value, RuntimeException failure) {

    boolean succeeded() {
      return failure == null;
    }
  }

  /**
   * Runs {@code call} on {@code threads} threads at once and waits for all of them.
   *
   * @param threads how many racers
   * @param call the call, given the racer's number (0 to threads - 1)
   * @param <T> the result type
   * @return each racer's outcome, by racer number
   */
  static <T> List<Outcome<T>> run(int threads, IntFunction<T> call) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch ready = new CountDownLatch(threads);
    AtomicBoolean start = new AtomicBoolean();
    try {
      List<Future<Outcome<T>>> racers = new ArrayList<>(threads);
      for (int i = 0; i < threads; i++) {
        int racer = i;
        racers.add(pool.submit(() -> {
          ready.countDown();
          while (!start.get()) {
            if (Thread.interrupted()) {
              throw new InterruptedException("the race was called off");
            }
            Thread.onSpinWait();
          }
          try {
            return new Outcome<T>(call.apply(racer), null);
          } catch (RuntimeException e) {
            return new Outcome<T>(null, e);
          }
        }));
      }
      if (!ready.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new AssertionError("the racing threads did not start");
      }
      start.set(true);
      List<Outcome<T>> outcomes = new ArrayList<>(threads);
      for (Future<Outcome<T>> racer : racers) {
        outcomes.add(racer.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
      }
      return outcomes;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while racing", e);
    } catch (ExecutionException e) {
      throw new AssertionError("a racing call failed with an error", e.getCause());
    } catch (TimeoutException e) {
      throw new AssertionError("a racing call did not finish in " + TIMEOUT_SECONDS
          + " s: a deadlock?", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * The results of the calls that returned.
   *
   * @param outcomes the outcomes of a race
   * @param <T> the result type
   * @return the values, in racer order
   */
  static <T> List<T> values(List<Outcome<T>> outcomes) {
    return outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).toList();
  }

  /**
   * What the calls that threw threw.
   *
   * @param outcomes the outcomes of a race
   * @param <T> the result type
   * @return the exceptions, in racer order
   */
  static <T> List<RuntimeException> failures(List<Outcome<T>> outcomes) {
    return outcomes.stream().filter(o -> !o.succeeded()).map(Outcome::failure).toList();
  }
}
