package dev.returnkit.spring.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * A job {@link ReturnkitJobs} runs again and again, a fixed wait after each run ends.
 *
 * @param name the job's name, also the name of its lease, e.g. {@code expiry}
 * @param interval the wait between runs, more than zero
 * @param leased whether only the instance holding the job's lease runs it ({@code false}: every
 *     instance runs it, as each must re-read its own policy files)
 * @param work what one run does; an exception is logged and the job runs again next time
 */
public record ScheduledJob(String name, Duration interval, boolean leased, Runnable work) {

  /** Checks the values. */
  public ScheduledJob {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(interval, "interval");
    Objects.requireNonNull(work, "work");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("job " + name + ": the interval must be more than zero,"
          + " got " + interval);
    }
  }
}
