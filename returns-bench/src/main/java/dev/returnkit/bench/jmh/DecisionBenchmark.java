package dev.returnkit.bench.jmh;

import dev.returnkit.bench.decision.CaseDecisions;
import dev.returnkit.bench.decision.CaseGenerator;
import dev.returnkit.bench.decision.DecisionCase;
import dev.returnkit.bench.decision.DecisionPipeline;
import dev.returnkit.bench.decision.Engine;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The four default decisions (eligibility, liability, disposition, settlement) of a batch of
 * cases, on each engine: one operation decides the whole batch, so case decisions per second
 * are operations per second times the batch. Batches rotate through 20,000 generated cases per
 * thread, so no engine sees the same few cases over and over. On one thread and on two sharing
 * one engine, as a shop's request threads share one {@code DroolsPolicies} (JMH's score for two
 * threads is their sum).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecisionBenchmark {

  /** Cases generated per trial. */
  static final int CASES = 20_000;

  @Param({"DROOLS", "JAVA", "LEAN", "EASY_RULES"})
  Engine engine;

  @Param({"1", "100", "10000"})
  int batch;

  private DecisionPipeline pipeline;

  /** Builds the engine, shared by the threads. */
  @Setup
  public void setUp() {
    pipeline = DecisionPipeline.of(engine);
  }

  /** Each thread's own cases, so that threads share the engine and nothing else. */
  @State(Scope.Thread)
  public static class Batches {
    private Rotation<DecisionCase> rotation;

    /**
     * Generates the cases.
     *
     * @param benchmark the batch size
     */
    @Setup
    public void setUp(DecisionBenchmark benchmark) {
      rotation = new Rotation<>(CaseGenerator.generate(CASES, 2026), benchmark.batch);
    }
  }

  /**
   * Decides the next batch, on one thread.
   *
   * @param batches the thread's cases
   * @return the decisions (returned, so the JIT cannot drop the work)
   */
  @Benchmark
  @Threads(1)
  public List<CaseDecisions> decideBatch(Batches batches) {
    return pipeline.decide(batches.rotation.next());
  }

  /**
   * Decides the next batch, on each of two threads at once.
   *
   * @param batches the thread's cases
   * @return the decisions
   */
  @Benchmark
  @Threads(2)
  public List<CaseDecisions> decideBatchTwoThreads(Batches batches) {
    return pipeline.decide(batches.rotation.next());
  }
}
