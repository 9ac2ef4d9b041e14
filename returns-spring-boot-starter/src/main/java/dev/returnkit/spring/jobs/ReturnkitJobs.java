package dev.returnkit.spring.jobs;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs returnkit's jobs (the expiry job, the outbox relay, the policy files' watch) on threads
 * of its own while the application runs, each a fixed wait after its last run ended. A leased
 * job runs only on the instance that holds its lease, so of several instances sharing a
 * database one does the work and the others stand by; when it stops, it gives its leases up
 * and another takes over at its next run.
 *
 * <p>Its own threads, not the host's {@code @EnableScheduling}: returnkit's jobs then run
 * whatever the host schedules, and a slow relay does not hold up the host's tasks. A run that
 * throws is logged and the job runs again next time (a scheduled task that throws is otherwise
 * never run again).
 */
public final class ReturnkitJobs implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(ReturnkitJobs.class);

  private final Map<String, ScheduledJob> jobs = new LinkedHashMap<>();
  private final JobLeases leases;
  private final Duration lease;
  private final Map<String, Boolean> held = new ConcurrentHashMap<>();
  private volatile ScheduledExecutorService executor;

  /**
   * Jobs to run under leases.
   *
   * @param jobs the jobs, with different names
   * @param leases who may run a leased job
   * @param lease how long a lease lasts; longer than every leased job's interval
   * @throws IllegalArgumentException if two jobs share a name, or the lease is not longer than
   *     a leased job's interval (the lease would run out between two runs, and the job move
   *     from instance to instance)
   */
  public ReturnkitJobs(List<ScheduledJob> jobs, JobLeases leases, Duration lease) {
    this.leases = Objects.requireNonNull(leases, "leases");
    this.lease = Objects.requireNonNull(lease, "lease");
    for (ScheduledJob job : jobs) {
      if (this.jobs.putIfAbsent(job.name(), job) != null) {
        throw new IllegalArgumentException("two jobs are named " + job.name());
      }
      if (job.leased() && lease.compareTo(job.interval()) <= 0) {
        throw new IllegalArgumentException("returnkit.jobs.lease (" + lease + ") must be longer"
            + " than the interval of job " + job.name() + " (" + job.interval() + ")");
      }
    }
  }

  /**
   * The jobs' names.
   *
   * @return the names, in the order given
   */
  public List<String> names() {
    return List.copyOf(jobs.keySet());
  }

  /**
   * Runs one job once, now, on the calling thread, under its lease as a scheduled run would
   * (for an operator's button, or a test).
   *
   * @param name the job's name
   * @return whether it ran ({@code false}: another instance holds its lease)
   * @throws IllegalArgumentException if there is no job of that name
   * @throws RuntimeException whatever the job threw
   */
  public boolean runNow(String name) {
    ScheduledJob job = Optional.ofNullable(jobs.get(name)).orElseThrow(() ->
        new IllegalArgumentException("no returnkit job is named " + name + "; there are "
            + jobs.keySet()));
    if (!mayRun(job)) {
      return false;
    }
    job.work().run();
    return true;
  }

  @Override
  public synchronized void start() {
    if (executor != null) {
      return;
    }
    AtomicInteger threads = new AtomicInteger();
    ScheduledExecutorService started = Executors.newScheduledThreadPool(
        Math.max(1, jobs.size()), runnable -> {
          Thread thread = new Thread(runnable, "returnkit-job-" + threads.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
    for (ScheduledJob job : jobs.values()) {
      long every = job.interval().toMillis();
      started.scheduleWithFixedDelay(() -> runScheduled(job), every, every,
          TimeUnit.MILLISECONDS);
    }
    executor = started;
    log.debug("returnkit jobs started: {}", jobs.keySet());
  }

  @Override
  public synchronized void stop() {
    ScheduledExecutorService running = executor;
    if (running == null) {
      return;
    }
    executor = null;
    running.shutdown();
    try {
      if (!running.awaitTermination(30, TimeUnit.SECONDS)) {
        running.shutdownNow();
      }
    } catch (InterruptedException e) {
      running.shutdownNow();
      Thread.currentThread().interrupt();
    }
    for (String job : held.keySet()) {
      try {
        leases.release(job);
      } catch (RuntimeException e) {
        // Not fatal: the lease runs out by itself, the other instances only wait longer.
        log.warn("Could not release the lease on returnkit job {}; it runs out in {}", job,
            lease, e);
      }
    }
    held.clear();
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }

  private boolean mayRun(ScheduledJob job) {
    if (!job.leased()) {
      return true;
    }
    boolean mine = leases.tryAcquire(job.name(), lease);
    if (mine) {
      held.put(job.name(), Boolean.TRUE);
    } else {
      held.remove(job.name());
    }
    return mine;
  }

  private void runScheduled(ScheduledJob job) {
    try {
      if (mayRun(job)) {
        job.work().run();
      }
    } catch (RuntimeException e) {
      log.error("returnkit job {} failed; it runs again in {}", job.name(), job.interval(), e);
    }
  }
}
