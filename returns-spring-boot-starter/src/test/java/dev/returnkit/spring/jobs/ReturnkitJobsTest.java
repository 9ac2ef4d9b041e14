package dev.returnkit.spring.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("returnkit's job runner")
class ReturnkitJobsTest {

  private static final Duration SECOND = Duration.ofSeconds(1);

  /** Leases granted for the jobs named, refused for the others; releases recorded. */
  private static final class Leases implements JobLeases {
    final Set<String> granted = ConcurrentHashMap.newKeySet();
    final Set<String> released = ConcurrentHashMap.newKeySet();

    Leases(String... granted) {
      this.granted.addAll(List.of(granted));
    }

    @Override
    public boolean tryAcquire(String job, Duration lease) {
      return granted.contains(job);
    }

    @Override
    public void release(String job) {
      released.add(job);
    }
  }

  @Test
  @DisplayName("runs a leased job only while it holds the lease; an unleased one always")
  void underLease() {
    AtomicInteger runs = new AtomicInteger();
    Leases leases = new Leases("expiry");
    ReturnkitJobs jobs = new ReturnkitJobs(List.of(
        new ScheduledJob("expiry", SECOND, true, runs::incrementAndGet),
        new ScheduledJob("relay", SECOND, true, runs::incrementAndGet),
        new ScheduledJob("watch", SECOND, false, runs::incrementAndGet)), leases,
        Duration.ofMinutes(1));

    assertThat(jobs.runNow("expiry")).isTrue();
    assertThat(jobs.runNow("relay")).as("another instance holds it").isFalse();
    assertThat(jobs.runNow("watch")).isTrue();
    assertThat(runs).hasValue(2);
    assertThat(jobs.names()).containsExactly("expiry", "relay", "watch");
    assertThatIllegalArgumentException().isThrownBy(() -> jobs.runNow("nightly"))
        .withMessage("no returnkit job is named nightly; there are [expiry, relay, watch]");
  }

  @Test
  @DisplayName("keeps running a job that threw, and gives up its leases when it stops")
  void survivesFailuresAndReleases() throws InterruptedException {
    AtomicInteger runs = new AtomicInteger();
    Leases leases = new Leases("expiry");
    ReturnkitJobs jobs = new ReturnkitJobs(List.of(new ScheduledJob("expiry",
        Duration.ofMillis(10), true, () -> {
          runs.incrementAndGet();
          throw new IllegalStateException("the database is down");
        })), leases, Duration.ofMinutes(1));

    jobs.start();
    assertThat(jobs.isRunning()).isTrue();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (runs.get() < 3 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    jobs.stop();

    assertThat(runs.get()).as("ran again after throwing").isGreaterThanOrEqualTo(3);
    assertThat(jobs.isRunning()).isFalse();
    assertThat(leases.released).containsExactly("expiry");
  }

  @Test
  @DisplayName("refuses a lease no longer than a leased job's interval, and two jobs of a name")
  void badJobs() {
    Runnable nothing = () -> { };
    assertThatIllegalArgumentException().isThrownBy(() -> new ReturnkitJobs(List.of(
        new ScheduledJob("expiry", Duration.ofMinutes(2), true, nothing)), new Leases(),
        Duration.ofMinutes(2)))
        .withMessage("returnkit.jobs.lease (PT2M) must be longer than the interval of job "
            + "expiry (PT2M)");
    assertThat(new ReturnkitJobs(List.of(new ScheduledJob("watch", Duration.ofMinutes(2),
        false, nothing)), new Leases(), SECOND).names())
        .as("an unleased job needs no lease").containsExactly("watch");
    assertThatIllegalArgumentException().isThrownBy(() -> new ReturnkitJobs(List.of(
        new ScheduledJob("expiry", SECOND, false, nothing),
        new ScheduledJob("expiry", SECOND, false, nothing)), new Leases(), SECOND))
        .withMessage("two jobs are named expiry");
    assertThatIllegalArgumentException().isThrownBy(() ->
        new ScheduledJob("expiry", Duration.ZERO, true, nothing))
        .withMessageContaining("more than zero");
  }
}
