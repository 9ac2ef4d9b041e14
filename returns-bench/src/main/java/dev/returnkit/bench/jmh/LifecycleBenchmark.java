package dev.returnkit.bench.jmh;

import dev.returnkit.bench.lifecycle.LifecycleShop;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.spi.id.ReturnId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * Whole returns per second, from request to completed refund (eight facade commands with the
 * default Drools policies), stored in memory or in an embedded PostgreSQL (one transaction per
 * command that changes the case), on one thread and on two sharing one shop, each case on its
 * own order.
 *
 * <p>In memory, every case, history, event, order and payment stays in the in-memory adapters,
 * so a shop that lived across iterations would measure the collector working through a growing
 * heap rather than the lifecycle: each iteration gets a fresh shop (its stores new, the rule
 * base built once for the trial, as a running shop's is), and the heap a held case
 * costs is measured on its own ({@code LifecycleProbe.heapPer100k}). PostgreSQL keeps one
 * database for the whole trial, as a shop's does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LifecycleBenchmark {

  @Param({"MEMORY", "POSTGRES", "POSTGRES_ASYNC_COMMIT"})
  LifecycleShop.Store store;

  private LifecycleShop shop;
  private DroolsPolicies policies;

  /** Opens a shop: a fresh one per iteration in memory, one for the trial in PostgreSQL. */
  @Setup(Level.Iteration)
  public void setUp() {
    if (policies == null) {
      policies = DroolsPolicies.defaults();
    }
    if (shop == null || store == LifecycleShop.Store.MEMORY) {
      tearDown();
      shop = LifecycleShop.open(store, policies);
    }
  }

  /** Closes the shop (and stops PostgreSQL). */
  @TearDown(Level.Trial)
  public void tearDown() {
    if (shop != null) {
      shop.close();
      shop = null;
    }
  }

  /**
   * One return, request to completion, on one thread.
   *
   * @return its id
   */
  @Benchmark
  @Threads(1)
  public ReturnId wholeCase() {
    return shop.runCase();
  }

  /**
   * One return, request to completion, on each of two threads at once.
   *
   * @return its id
   */
  @Benchmark
  @Threads(2)
  public ReturnId wholeCaseTwoThreads() {
    return shop.runCase();
  }
}
