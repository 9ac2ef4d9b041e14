package dev.returnkit.examples.demo;

import java.time.Instant;

/** Hears how a demo run is getting on, so a long run can show progress. */
@FunctionalInterface
public interface DemoListener {

  /** A listener that ignores everything. */
  DemoListener SILENT = progress -> {};

  /**
   * Called once per simulated week and once at the end.
   *
   * @param progress where the simulation is
   */
  void progress(Progress progress);

  /**
   * Where a simulation is.
   *
   * @param simulatedTime the simulated clock
   * @param requested returns requested so far
   * @param finished returns that reached a final state (completed, rejected, cancelled, expired)
   * @param total returns the run will request
   * @param done whether the run is over
   */
  record Progress(Instant simulatedTime, int requested, int finished, int total,
      boolean done) {}
}
