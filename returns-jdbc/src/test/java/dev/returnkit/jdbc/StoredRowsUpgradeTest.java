package dev.returnkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.tck.TckCases;
import dev.returnkit.testing.postgres.FreshPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows stored before the format column existed (schema version 1, format-1 JSON) read back
 * after the upgrade, exactly as they were stored; a row in a format this version does not know
 * is refused, not guessed at.
 */
@DisplayName("Rows stored by an earlier returns-jdbc")
class StoredRowsUpgradeTest {

  private static final List<String> FIXTURES =
      List.of("state-settling", "demo-multi-line-fees", "special-text-and-jpy");

  private static DataSource database(String kind) {
    if (kind.equals("postgresql")) {
      return FreshPostgres.schema().dataSource();
    }
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:upgrade" + System.nanoTime()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    return h2;
  }

  /** Brings the schema to version 1 only, as the first release left it. */
  private static void migrateToVersion1(DataSource dataSource, String kind) {
    Flyway.configure(StoredRowsUpgradeTest.class.getClassLoader()).dataSource(dataSource)
        .locations(kind.equals("postgresql") ? ReturnkitSchema.POSTGRESQL_LOCATION
            : ReturnkitSchema.H2_LOCATION)
        .table(ReturnkitSchema.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
        .target("1").load().migrate();
  }

  /** Inserts a case row the way the first release did: no format column. */
  private static void insertVersion1Row(DataSource dataSource, ReturnCaseSnapshot c,
      String json) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement insert = connection.prepareStatement("insert into rk_return_case"
            + " (return_id, version, order_id, customer_id, status, requested_at, updated_at,"
            + " due_at, currency, history_sequence, history_hash, snapshot)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, c.id().value());
      insert.setLong(2, c.version());
      insert.setString(3, c.orderId().value());
      insert.setString(4, c.customerId().value());
      insert.setString(5, c.status().name());
      insert.setTimestamp(6, Timestamp.from(c.requestedAt()));
      insert.setTimestamp(7, Timestamp.from(c.updatedAt()));
      insert.setTimestamp(8, c.dueAt() == null ? null : Timestamp.from(c.dueAt()));
      insert.setString(9, c.currency().getCurrencyCode());
      insert.setInt(10, c.historyHead().sequence());
      insert.setString(11, c.historyHead().hash());
      insert.setString(12, json);
      insert.executeUpdate();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"postgresql", "h2"})
  @DisplayName("read back after the upgrade, as format 1, exactly as stored")
  void readAfterUpgrade(String kind) throws SQLException {
    DataSource dataSource = database(kind);
    migrateToVersion1(dataSource, kind);
    for (String fixture : FIXTURES) {
      String json = CaseFormatTest.fixture("v1/cases/" + fixture + ".json");
      insertVersion1Row(dataSource, CaseFormat.read(json, 1, fixture), json);
    }

    // V2 (the snapshot format column), V3 (the history's state digests), V4 (relay deliveries),
    // V5 (erasure), V6 (the tender ledger), V7 (promotions clawed back), V8 (job leases).
    assertThat(ReturnkitSchema.migrate(dataSource)).as("migrations applied").isEqualTo(7);

    JdbcReturnRepository repository = JdbcReturnRepository.create(dataSource);
    for (String fixture : FIXTURES) {
      String json = CaseFormatTest.fixture("v1/cases/" + fixture + ".json");
      ReturnCaseSnapshot expected = CaseFormat.read(json, 1, fixture);
      assertThat(repository.findById(expected.id())).as(fixture).contains(expected);
      assertThat(Writes.single(dataSource, "select snapshot_format from rk_return_case"
          + " where return_id = '" + expected.id().value() + "'")).isEqualTo(1L);
    }
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"postgresql", "h2"})
  @DisplayName("events delivered before relays had names count as the default relay's: it "
      + "delivers only the others, and a relay of a new name delivers all")
  void deliveriesBeforeNamedRelays(String kind) throws SQLException {
    DataSource dataSource = database(kind);
    Flyway.configure(StoredRowsUpgradeTest.class.getClassLoader()).dataSource(dataSource)
        .locations(kind.equals("postgresql") ? ReturnkitSchema.POSTGRESQL_LOCATION
            : ReturnkitSchema.H2_LOCATION)
        .table(ReturnkitSchema.HISTORY_TABLE).baselineOnMigrate(true).baselineVersion("0")
        .target("3").load().migrate();
    String approved = CaseFormatTest.fixture("v1/events/return-approved.json");
    String rejected = CaseFormatTest.fixture("v1/events/return-rejected.json");
    Writes.execute(dataSource, "insert into rk_outbox (event_id, return_id, history_sequence,"
        + " event_index, event_type, occurred_at, payload, delivered_at) values"
        + " ('E-1', 'R-1', 2, 0, 'RETURN_APPROVED', timestamp '2026-03-01 10:00:00', '"
        + approved.replace("'", "''") + "', timestamp '2026-03-01 10:00:05'),"
        + " ('E-2', 'R-2', 2, 0, 'RETURN_REJECTED', timestamp '2026-03-01 11:00:00', '"
        + rejected.replace("'", "''") + "', null)");

    assertThat(ReturnkitSchema.migrate(dataSource)).as("V4 to V8").isEqualTo(5);

    List<ReturnEvent> toDefault = new ArrayList<>();
    List<ReturnEvent> toNew = new ArrayList<>();
    assertThat(JdbcOutboxRelay.create(dataSource, toDefault::addAll).deliverAll()).isEqualTo(1);
    assertThat(toDefault).extracting(ReturnEvent::type).containsExactly(
        dev.returnkit.spi.event.EventType.RETURN_REJECTED);
    assertThat(JdbcOutboxRelay.create(dataSource, toNew::addAll, "audit-log").deliverAll())
        .isEqualTo(2);
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"postgresql", "h2"})
  @DisplayName("a database without the schema, or with an older one, is refused when the "
      + "repository is created, saying how to migrate")
  void unmigrated(String kind) throws SQLException {
    DataSource empty = database(kind);
    String location = kind.equals("postgresql") ? "db/returnkit/postgresql" : "db/returnkit/h2";
    assertThatThrownBy(() -> JdbcReturnRepository.create(empty))
        .isInstanceOf(SchemaNotMigratedException.class)
        .hasMessage("the database has no returnkit schema, or an older one (column "
            + "rk_return_case.snapshot_format is missing): migrate it first with "
            + "ReturnkitSchema.migrate(dataSource), or run the SQL files under " + location
            + " (in returns-jdbc's jar) in version order");

    DataSource older = database(kind);
    migrateToVersion1(older, kind);
    Writes.execute(older,
        "alter table rk_return_case add column snapshot_format smallint not null default 1");
    assertThatThrownBy(() -> JdbcReturnRepository.create(older))
        .isInstanceOf(SchemaNotMigratedException.class)
        .hasMessageContaining("(column rk_history.state_digest is missing)");

    ReturnkitSchema.migrate(empty);
    assertThat(JdbcReturnRepository.create(empty).findById(ReturnId.of("R-1"))).isEmpty();
  }

  @ParameterizedTest(name = "on {0}")
  @ValueSource(strings = {"postgresql", "h2"})
  @DisplayName("a row in a format this version does not know is refused with the case named")
  void unknownFormat(String kind) throws SQLException {
    DataSource dataSource = database(kind);
    ReturnkitSchema.migrate(dataSource);
    JdbcReturnRepository repository = JdbcReturnRepository.create(dataSource);
    repository.save(TckCases.newCase(ReturnId.of("R-9")));
    Writes.execute(dataSource,
        "update rk_return_case set snapshot_format = 5 where return_id = 'R-9'");

    assertThatThrownBy(() -> repository.findById(ReturnId.of("R-9")))
        .isInstanceOf(StoredFormatException.class)
        .hasMessage("stored case R-9 (format 5): this returns-jdbc reads formats 1 to 4; the row"
            + " was written by another version");
  }
}
