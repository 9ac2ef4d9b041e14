package dev.returnkit.bench.probe;

import dev.returnkit.bench.lifecycle.LifecycleShop.Command;
import dev.returnkit.bench.lifecycle.LifecycleShop;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * The latency of each facade command of the lifecycle (p50, p99), saves per case, and the heap
 * that cases held in memory take: what JMH's whole-case throughput does not show. Runs a
 * warm-up first, then times every command of every case.
 */
public final class LifecycleProbe {

  private LifecycleProbe() {}

  /**
   * One store's figures.
   *
   * @param store where cases were stored
   * @param cases cases timed (after the warm-up)
   * @param casesPerSecond whole cases per second while timed
   * @param savesPerCase saves (transactions) per case
   * @param p50Micros median per command, in microseconds
   * @param p99Micros 99th percentile per command, in microseconds
   */
  public record Result(LifecycleShop.Store store, int cases, double casesPerSecond,
      double savesPerCase, Map<Command, Double> p50Micros, Map<Command, Double> p99Micros) {}

  /**
   * Times the lifecycle on one store.
   *
   * @param store where cases go
   * @param warmUp cases run before timing
   * @param cases cases timed
   * @return the figures
   */
  public static Result measure(LifecycleShop.Store store, int warmUp, int cases) {
    try (LifecycleShop shop = LifecycleShop.open(store)) {
      for (int i = 0; i < warmUp; i++) {
        shop.runCase();
      }
      Map<Command, long[]> times = new EnumMap<>(Command.class);
      for (Command command : Command.values()) {
        times.put(command, new long[cases]);
      }
      int[] index = {0};
      shop.timeWith((command, nanos) -> times.get(command)[index[0]] = nanos);
      long savesBefore = shop.saves();
      long started = System.nanoTime();
      for (int i = 0; i < cases; i++) {
        index[0] = i;
        shop.runCase();
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      Map<Command, Double> p50 = new EnumMap<>(Command.class);
      Map<Command, Double> p99 = new EnumMap<>(Command.class);
      times.forEach((command, nanos) -> {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        p50.put(command, percentile(sorted, 50) / 1e3);
        p99.put(command, percentile(sorted, 99) / 1e3);
      });
      return new Result(store, cases, cases / seconds,
          (shop.saves() - savesBefore) / (double) cases, p50, p99);
    }
  }

  /**
   * The heap that completed cases held in memory take: used heap after GC before and after
   * running them, per 100,000 cases.
   *
   * @param cases cases to run and hold
   * @return bytes per 100,000 cases
   */
  public static long heapPer100k(int cases) {
    try (LifecycleShop shop = LifecycleShop.open(LifecycleShop.Store.MEMORY)) {
      shop.runCase();
      long before = usedHeapAfterGc();
      for (int i = 1; i < cases; i++) {
        shop.runCase();
      }
      long after = usedHeapAfterGc();
      if (shop.casesInMemory() != cases) {
        throw new IllegalStateException("expected " + cases + " cases in memory, found "
            + shop.casesInMemory());
      }
      return Math.round((after - before) * (100_000.0 / (cases - 1)));
    }
  }

  private static long percentile(long[] sorted, int percent) {
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
