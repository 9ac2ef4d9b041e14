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

/**
 * The four default decisions (eligibility, liability, disposition, settlement) of a batch of
 * cases, on each engine: one operation decides the whole batch, so case decisions per second
 * are operations per second times the batch. Batches rotate through 20,000 generated cases, so
 * no engine sees the same few cases over and over.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DecisionBenchmark {

  /** Cases generated per trial. */
  static final int CASES = 20_000;

  @Param({"DROOLS", "JAVA", "EASY_RULES"})
  Engine engine;

  @Param({"1", "100", "10000"})
  int batch;

  private DecisionPipeline pipeline;
  private Rotation<DecisionCase> batches;

  /** Generates the cases and builds the engine. */
  @Setup
  public void setUp() {
    pipeline = DecisionPipeline.of(engine);
    batches = new Rotation<>(CaseGenerator.generate(CASES, 2026), batch);
  }

  /**
   * Decides the next batch.
   *
   * @return the decisions (returned, so the JIT cannot drop the work)
   */
  @Benchmark
  public List<CaseDecisions> decideBatch() {
    return pipeline.decide(batches.next());
  }
}
