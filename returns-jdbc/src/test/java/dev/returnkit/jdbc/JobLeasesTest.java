package dev.returnkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Job leases: one holder of a job at a time among instances sharing a database")
class JobLeasesTest {

  private static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");
  private static final Duration MINUTE = Duration.ofMinutes(1);

  @AfterEach
  void closePools() {
    TestDatabases.closePools();
  }

  private static JdbcJobLeases leases(DataSource dataSource, String holder, Instant at) {
    return JdbcJobLeases.create(dataSource, holder).withClock(Clock.fixed(at, ZoneOffset.UTC));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("a free job is taken; while the lease lasts nobody else takes it")
  void oneHolder(TestDatabases.Kind kind) {
    DataSource db = kind.fresh();

    assertThat(leases(db, "a", T0).tryAcquire("expiry", MINUTE)).isTrue();
    assertThat(leases(db, "b", T0.plusSeconds(59)).tryAcquire("expiry", MINUTE)).isFalse();
    assertThat(leases(db, "b", T0).current("expiry")).contains(
        new JdbcJobLeases.Lease("expiry", "a", T0, T0.plus(MINUTE)));
    assertThat(leases(db, "b", T0).tryAcquire("relay-kafka", MINUTE))
        .as("another job is another lease").isTrue();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("the holder renews its lease and keeps the time it first took it")
  void renewal(TestDatabases.Kind kind) {
    DataSource db = kind.fresh();
    leases(db, "a", T0).tryAcquire("expiry", MINUTE);

    assertThat(leases(db, "a", T0.plusSeconds(50)).tryAcquire("expiry", MINUTE)).isTrue();

    assertThat(leases(db, "b", T0.plusSeconds(100)).tryAcquire("expiry", MINUTE))
        .as("renewed at 50 s, the lease lasts to 110 s").isFalse();
    assertThat(leases(db, "b", T0.plusSeconds(100)).current("expiry")).contains(
        new JdbcJobLeases.Lease("expiry", "a", T0, T0.plusSeconds(110)));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("a lease that ran out is taken over, and its old holder is refused")
  void takeOver(TestDatabases.Kind kind) {
    DataSource db = kind.fresh();
    leases(db, "a", T0).tryAcquire("expiry", MINUTE);
    Instant later = T0.plus(MINUTE);

    assertThat(leases(db, "b", later).current("expiry")).as("ran out exactly then").isEmpty();
    assertThat(leases(db, "b", later).tryAcquire("expiry", MINUTE)).isTrue();
    assertThat(leases(db, "a", later.plusSeconds(1)).tryAcquire("expiry", MINUTE)).isFalse();
    assertThat(leases(db, "a", later).current("expiry")).contains(
        new JdbcJobLeases.Lease("expiry", "b", later, later.plus(MINUTE)));
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("a released lease is free at once; another holder cannot release it")
  void release(TestDatabases.Kind kind) {
    DataSource db = kind.fresh();
    leases(db, "a", T0).tryAcquire("expiry", MINUTE);

    assertThat(leases(db, "b", T0).release("expiry")).as("not b's").isFalse();
    assertThat(leases(db, "b", T0.plusSeconds(1)).tryAcquire("expiry", MINUTE)).isFalse();
    assertThat(leases(db, "a", T0.plusSeconds(2)).release("expiry")).isTrue();

    assertThat(leases(db, "b", T0.plusSeconds(2)).current("expiry")).isEmpty();
    assertThat(leases(db, "b", T0.plusSeconds(2)).tryAcquire("expiry", MINUTE)).isTrue();
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("of eight instances racing for a free job, exactly one gets it")
  void race(TestDatabases.Kind kind) throws Exception {
    DataSource db = kind.fresh();
    int instances = 8;
    ExecutorService pool = Executors.newFixedThreadPool(instances);
    try {
      for (int round = 0; round < 5; round++) {
        String job = "job-" + round;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> tries = new ArrayList<>();
        for (int i = 0; i < instances; i++) {
          JdbcJobLeases mine = leases(db, "instance-" + i, T0);
          tries.add(pool.submit(() -> {
            start.await();
            return mine.tryAcquire(job, MINUTE);
          }));
        }
        start.countDown();
        int winners = 0;
        for (Future<Boolean> attempt : tries) {
          winners += attempt.get() ? 1 : 0;
        }
        assertThat(winners).as(job).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("names and durations out of range are refused")
  void badArguments(TestDatabases.Kind kind) {
    DataSource db = kind.fresh();
    JdbcJobLeases leases = leases(db, "a", T0);

    assertThatIllegalArgumentException().isThrownBy(() -> JdbcJobLeases.create(db, " "))
        .withMessageContaining("lease holder");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> JdbcJobLeases.create(db, "h".repeat(201)));
    assertThatIllegalArgumentException().isThrownBy(() -> leases.tryAcquire("", MINUTE))
        .withMessageContaining("job's name");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> leases.tryAcquire("j".repeat(101), MINUTE));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> leases.tryAcquire("expiry", Duration.ZERO))
        .withMessageContaining("more than zero");
    assertThat(leases.current("expiry")).as("nothing was taken").isEmpty();
    assertThat(JdbcJobLeases.create(db, "h".repeat(200)).holder()).hasSize(200);
  }
}
