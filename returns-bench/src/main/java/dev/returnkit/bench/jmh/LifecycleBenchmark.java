package dev.returnkit.bench.jmh;

import dev.returnkit.bench.lifecycle.LifecycleShop;
import dev.returnkit.spi.id.ReturnId;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Whole returns per second, from request to completed refund (eight facade commands with the
 * default Drools policies), stored in memory or in an embedded PostgreSQL (one transaction per
 * command that changes the case). Single-threaded, like one request thread of a shop.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class LifecycleBenchmark {

  @Param({"MEMORY", "POSTGRES"})
  LifecycleShop.Store store;

  private LifecycleShop shop;

  /** Opens the shop (and starts PostgreSQL). */
  @Setup
  public void setUp() {
    shop = LifecycleShop.open(store);
  }

  /** Closes the shop. */
  @TearDown
  public void tearDown() {
    shop.close();
  }

  /**
   * One return, request to completion.
   *
   * @return its id
   */
  @Benchmark
  public ReturnId wholeCase() {
    return shop.runCase();
  }
}
