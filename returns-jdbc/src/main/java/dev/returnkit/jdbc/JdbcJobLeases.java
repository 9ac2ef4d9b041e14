package dev.returnkit.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Leases that let one of several instances sharing a database run a job at a time: the expiry
 * job, say, which would otherwise expire each overdue case on every instance at once (one
 * would win, the others fail on the stale version, and every instance would do the reading).
 *
 * <p>A lease is a row of {@code rk_job_lease}: the job's name, its holder and when it runs
 * out. {@link #tryAcquire} takes the row when it is free, expired or already this holder's,
 * and moves its end on; one statement does it, so two instances never both succeed. The holder
 * keeps the lease by acquiring again before it runs out (each run of a job does), so one
 * instance goes on running the job until it stops or {@link #release}s it; another takes over
 * once the lease has run out.
 *
 * <p><b>What a lease promises:</b> at most one holder at a time <i>as long as every run ends
 * within the lease</i>, and as long as the instances' clocks agree to well within it (the
 * lease's times are the instances', as kept by NTP). A run that outlives its lease may overlap
 * with the next holder's, so the jobs themselves stay safe to overlap: the expiry job saves
 * with the expected version, the outbox relay locks its row. Choose a lease several times
 * longer than a run. Thread-safe.
 */
public final class JdbcJobLeases {

  private final DataSource dataSource;
  private final Dialect dialect;
  private final String holder;
  private final Clock clock;

  private JdbcJobLeases(DataSource dataSource, Dialect dialect, String holder, Clock clock) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.holder = holder;
    this.clock = clock;
  }

  /**
   * Leases held in a database under a holder's name.
   *
   * @param dataSource the database returnkit's schema is in
   * @param holder who holds the leases this object takes: one name per instance, e.g. the host
   *     name and process id; 1 to 200 characters
   * @return the leases
   * @throws IllegalArgumentException if the holder's name is blank or longer than 200
   */
  public static JdbcJobLeases create(DataSource dataSource, String holder) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(holder, "holder");
    if (holder.isBlank() || holder.length() > 200) {
      throw new IllegalArgumentException("a lease holder is 1 to 200 characters, not blank, got '"
          + holder + "'");
    }
    return new JdbcJobLeases(dataSource, Jdbc.read(dataSource, "detect the database",
        Dialect::of), holder, Clock.systemUTC());
  }

  /**
   * The same leases with another clock (for tests).
   *
   * @param clock the clock the leases' times are read from
   * @return new leases of the same holder
   */
  public JdbcJobLeases withClock(Clock clock) {
    return new JdbcJobLeases(dataSource, dialect, holder, Objects.requireNonNull(clock, "clock"));
  }

  /**
   * The holder's name.
   *
   * @return the name leases are taken under
   */
  public String holder() {
    return holder;
  }

  /**
   * Takes or renews the lease on a job: succeeds when nobody holds it, its lease ran out, or
   * this holder holds it already; the lease then runs until now plus the duration.
   *
   * @param job the job's name, 1 to 100 characters, e.g. {@code expiry}
   * @param duration how long the lease lasts, more than zero
   * @return whether this holder now holds the job
   * @throws JdbcStorageException if the database fails (nothing is held then)
   */
  public boolean tryAcquire(String job, Duration duration) {
    checkJob(job);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a lease lasts more than zero, got " + duration);
    }
    Instant now = clock.instant();
    Instant until = now.plus(duration);
    return Jdbc.inTransaction(dataSource, "take the lease on job " + job, connection -> {
      try (PreparedStatement insert = connection.prepareStatement(dialect.insertIfAbsent(
          "rk_job_lease (job, holder, acquired_at, expires_at) values (?, ?, ?, ?)", "job"))) {
        insert.setString(1, job);
        insert.setString(2, holder);
        Jdbc.setInstant(insert, 3, now);
        Jdbc.setInstant(insert, 4, until);
        if (insert.executeUpdate() == 1) {
          return true;
        }
      }
      // The row exists: take it over if it is this holder's or has run out. The condition and
      // the write are one statement, so of two instances racing only one matches.
      try (PreparedStatement update = connection.prepareStatement("update rk_job_lease set"
          + " acquired_at = case when holder = ? then acquired_at else ? end,"
          + " holder = ?, expires_at = ? where job = ? and (holder = ? or expires_at <= ?)")) {
        update.setString(1, holder);
        Jdbc.setInstant(update, 2, now);
        update.setString(3, holder);
        Jdbc.setInstant(update, 4, until);
        update.setString(5, job);
        update.setString(6, holder);
        Jdbc.setInstant(update, 7, now);
        return update.executeUpdate() == 1;
      }
    });
  }

  /**
   * Gives up this holder's lease on a job, so that another instance can take it at once (on
   * shutdown). Does nothing when another holder holds it.
   *
   * @param job the job's name
   * @return whether this holder held it
   * @throws JdbcStorageException if the database fails
   */
  public boolean release(String job) {
    checkJob(job);
    return Jdbc.inTransaction(dataSource, "release the lease on job " + job, connection -> {
      try (PreparedStatement update = connection.prepareStatement(
          "update rk_job_lease set expires_at = ? where job = ? and holder = ?")) {
        Jdbc.setInstant(update, 1, clock.instant());
        update.setString(2, job);
        update.setString(3, holder);
        return update.executeUpdate() == 1;
      }
    });
  }

  /**
   * Who holds a job's lease now, if anyone.
   *
   * @param job the job's name
   * @return the holder and its lease, empty when nobody has held it or the lease ran out
   * @throws JdbcStorageException if the database fails
   */
  public Optional<Lease> current(String job) {
    checkJob(job);
    return Jdbc.read(dataSource, "read the lease on job " + job, connection -> {
      try (PreparedStatement select = connection.prepareStatement("select holder, acquired_at,"
          + " expires_at from rk_job_lease where job = ? and expires_at > ?")) {
        select.setString(1, job);
        Jdbc.setInstant(select, 2, clock.instant());
        try (ResultSet row = select.executeQuery()) {
          return row.next()
              ? Optional.of(new Lease(job, row.getString("holder"),
                  Jdbc.getInstant(row, "acquired_at"), Jdbc.getInstant(row, "expires_at")))
              : Optional.empty();
        }
      }
    });
  }

  private static void checkJob(String job) {
    Objects.requireNonNull(job, "job");
    if (job.isBlank() || job.length() > 100) {
      throw new IllegalArgumentException("a job's name is 1 to 100 characters, not blank, got '"
          + job + "'");
    }
  }

  /**
   * A lease in force.
   *
   * @param job the job
   * @param holder who holds it
   * @param acquiredAt when this holder took it (renewals keep this time)
   * @param expiresAt when it runs out unless renewed
   */
  public record Lease(String job, String holder, Instant acquiredAt, Instant expiresAt) {}
}
