package dev.returnkit.spring.jobs;

import dev.returnkit.jdbc.JdbcJobLeases;
import java.time.Duration;

/**
 * Who may run a leased job now: the jobs' view of {@link JdbcJobLeases}, or of nothing when
 * one instance runs alone.
 */
public interface JobLeases {

  /**
   * Takes or renews this instance's lease on a job.
   *
   * @param job the job's name
   * @param lease how long the lease lasts from now
   * @return whether this instance may run the job now
   */
  boolean tryAcquire(String job, Duration lease);

  /**
   * Gives up this instance's lease on a job, if it holds it.
   *
   * @param job the job's name
   */
  void release(String job);

  /**
   * No leases: every job runs here (one instance, or storage that is not shared).
   *
   * @return leases that are always granted
   */
  static JobLeases alone() {
    return new JobLeases() {
      @Override
      public boolean tryAcquire(String job, Duration lease) {
        return true;
      }

      @Override
      public void release(String job) {}
    };
  }

  /**
   * Leases in the database returnkit stores in.
   *
   * @param leases the database's leases, under this instance's name
   * @return the jobs' view of them
   */
  static JobLeases of(JdbcJobLeases leases) {
    return new JobLeases() {
      @Override
      public boolean tryAcquire(String job, Duration lease) {
        return leases.tryAcquire(job, lease);
      }

      @Override
      public void release(String job) {
        leases.release(job);
      }
    };
  }
}
