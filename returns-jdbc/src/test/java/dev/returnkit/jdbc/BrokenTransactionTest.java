package dev.returnkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.tck.TckCases;
import dev.returnkit.testing.postgres.FreshPostgres;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

/**
 * Kills the database connection in the middle of a save, before every execution in turn (each
 * batch of statements, the commit), with PostgreSQL's {@code pg_terminate_backend} (what a
 * crashed server process or a cut network does), and checks that nothing of the save was
 * stored; and that a save takes three executions, each one round trip.
 */
@DisplayName("A save whose connection is killed midway")
class BrokenTransactionTest {

  private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery",
      "executeUpdate", "executeBatch", "commit");
  private static final String[] TABLES = {"rk_return_case", "rk_return_line", "rk_payment",
      "rk_history", "rk_outbox", "rk_order_ledger", "rk_order_line_ledger"};

  @AfterEach
  void closePools() {
    TestDatabases.closePools();
  }

  @Test
  @DisplayName("stores nothing, whichever statement (or the commit) it dies at")
  void killedAtEveryStep() {
    DataSource dataSource = TestDatabases.freshPostgres();
    ReturnId id = ReturnId.of("R-KILL");
    CaseWrite create = Writes.withEvents(TckCases.settlingCase(id));

    int creationSteps = killAtEveryStepThenSucceed(dataSource, create);
    ReturnCaseSnapshot stored = JdbcReturnRepository.create(dataSource).findById(id)
        .orElseThrow();
    assertThat(stored).isEqualTo(create.snapshot());

    CaseWrite update = Writes.withEvents(TckCases.update(stored, ReturnStatus.COMPLETED));
    int updateSteps = killAtEveryStepThenSucceed(dataSource, update);

    // On PostgreSQL each execution is one round trip: the batch that locks and reads, the
    // batch that writes, the commit.
    assertThat(creationSteps).as("executions of the creating save").isEqualTo(3);
    assertThat(updateSteps).as("executions of the updating save").isEqualTo(3);
    assertThat(JdbcReturnRepository.create(dataSource).findById(id)).contains(update.snapshot());
  }

  /**
   * Tries the write with the connection killed at step 1, 2, ... until a try completes without
   * reaching the step; after every killed try, the database must be as before.
   *
   * @return how many steps the write took
   */
  private static int killAtEveryStepThenSucceed(DataSource dataSource, CaseWrite write) {
    Map<String, Long> before = counts(dataSource);
    for (int step = 1; step < 100; step++) {
      KillingDataSource killing = new KillingDataSource(dataSource, step);
      JdbcReturnRepository repository = JdbcReturnRepository.create(killing);
      Throwable thrown = catchThrowable(() -> repository.save(write));
      if (!killing.killed()) {
        assertThat(thrown).as("the save that was not killed").isNull();
        return step - 1;
      }
      assertThat(thrown).as("killed at step %d", step).isInstanceOf(JdbcStorageException.class);
      assertThat(counts(dataSource)).as("rows after a kill at step %d", step)
          .isEqualTo(before);
    }
    throw new AssertionError("the save never completed");
  }

  private static Map<String, Long> counts(DataSource dataSource) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : TABLES) {
      counts.put(table, Writes.rows(dataSource, table));
    }
    counts.put("version", Writes.single(dataSource,
        "select coalesce(max(version), 0) from rk_return_case"));
    counts.put("units held", Writes.single(dataSource,
        "select coalesce(sum(units_held), 0) from rk_order_line_ledger"));
    counts.put("payments paid", Writes.single(dataSource,
        "select count(*) from rk_payment where paid_at is not null"));
    return counts;
  }

  /**
   * Hands out connections whose backend is terminated just before the n-th execution (counted
   * across statements and the commit), the first time only.
   */
  private static final class KillingDataSource extends InterceptingDataSource {
    private final int killAt;
    private final AtomicInteger executions = new AtomicInteger();
    private volatile boolean killed;

    KillingDataSource(DataSource target, int killAt) {
      super(target);
      this.killAt = killAt;
    }

    boolean killed() {
      return killed;
    }

    @Override
    void before(Connection connection, String sql, Method method, Object[] arguments)
        throws SQLException {
      if (EXECUTIONS.contains(method.getName()) && executions.incrementAndGet() == killAt) {
        terminate(connection);
        killed = true;
      }
    }

    private static void terminate(Connection connection) throws SQLException {
      int pid = connection.unwrap(PGConnection.class).getBackendPID();
      try (Connection admin = FreshPostgres.administration().getConnection();
          Statement statement = admin.createStatement()) {
        statement.execute("select pg_terminate_backend(" + pid + ")");
      }
    }
  }
}
