package dev.returnkit.examples.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The demo's clock: the simulation sets it to each event's time before acting, so every time
 * returnkit records (history, deadlines, receipts) is simulated time. Not thread-safe; the demo
 * runs on one thread.
 */
public final class SimulationClock extends Clock {

  private Instant now;

  /**
   * A clock at a start time.
   *
   * @param start the first instant
   */
  public SimulationClock(Instant start) {
    this.now = start;
  }

  /**
   * Moves the clock; simulated time never goes backwards.
   *
   * @param instant the new time
   */
  public void set(Instant instant) {
    if (instant.isBefore(now)) {
      throw new IllegalArgumentException("simulated time cannot go back from " + now + " to "
          + instant);
    }
    now = instant;
  }

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException("the demo runs in UTC");
  }
}
