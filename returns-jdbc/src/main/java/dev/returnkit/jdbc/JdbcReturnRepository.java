package dev.returnkit.jdbc;

import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.Page;
import dev.returnkit.spi.storage.PageRequest;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * A {@link ReturnRepository} in PostgreSQL (or H2 in PostgreSQL mode), over any
 * {@link DataSource}: bring your own pool, or none.
 *
 * <p><b>One transaction per save</b> writes the case row (the queried columns and the snapshot
 * as JSON), its line rows, its payments by idempotency key, the new history entries and the
 * new events into the outbox ({@code rk_outbox}, delivered by {@link JdbcOutboxRelay}). A
 * save that fails for any reason writes nothing. On PostgreSQL (through its JDBC driver,
 * pgjdbc) a save takes three round trips to the server: one that locks and reads the case and
 * its order's ledgers, one that writes everything, and the commit (erasing personal data takes
 * two more).
 *
 * <p><b>Optimistic locking:</b> an update locks the case row and compares versions; a stale
 * write throws {@link ConcurrentReturnUpdateException}. Creating a case that exists is refused
 * by its primary key, with the same exception.
 *
 * <p><b>Order limits in the database:</b> every save locks its order's ledger row
 * ({@code rk_order_ledger}), so the writes of one order's cases happen one at a time, and adds
 * its change to the order's ledgers: units held and money due per order line
 * ({@code rk_order_line_ledger}), outbound shipping refunded and promotions clawed back, and
 * what each tender got back ({@code rk_order_tender_ledger}). A write that would exceed what was bought or paid throws
 * {@link OrderLimitExceededException}; CHECK constraints on the ledger refuse it again should
 * this code ever be wrong. Idempotency keys are primary keys: no two cases can plan the same
 * payment, and a paid payment never changes or disappears.
 *
 * <p><b>History</b> is only ever inserted; on PostgreSQL a trigger refuses UPDATE, DELETE and
 * TRUNCATE of {@code rk_history} from anyone.
 *
 * <p>The schema comes with the jar as Flyway migrations ({@link ReturnkitSchema}). The
 * transaction isolation is the connection's (READ COMMITTED is enough: the row locks do the
 * work). Thread-safe: every call takes its own connection.
 */
public final class JdbcReturnRepository implements ReturnRepository {

  private static final String CASE_COLUMNS = CaseFormat.COLUMNS;
  private static final String TOKEN_PREFIX = "rk1|";

  private final DataSource dataSource;
  private final Dialect dialect;

  private JdbcReturnRepository(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
  }

  /**
   * A repository over a data source whose database has returnkit's schema
   * ({@link ReturnkitSchema#migrate}). Opens one connection to find out which database it is.
   *
   * @param dataSource connections to PostgreSQL or H2 ({@code MODE=PostgreSQL})
   * @return the repository
   * @throws JdbcStorageException if no connection can be opened
   * @throws SchemaNotMigratedException if the database lacks returnkit's schema, or its latest
   *     migration
   * @throws IllegalArgumentException for another database
   */
  public static JdbcReturnRepository create(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    Dialect dialect = Jdbc.read(dataSource, "detect the database", connection -> {
      Dialect detected = Dialect.of(connection);
      requireSchema(connection, detected);
      return detected;
    });
    return new JdbcReturnRepository(dataSource, dialect);
  }

  /**
   * The columns of the latest migration of each table this repository writes: a database
   * without them is refused now, with how to migrate, rather than at the first save.
   */
  private static final List<String> SCHEMA_PROBES = List.of(
      "rk_return_case.snapshot_format", "rk_return_line.return_id",
      "rk_order_line_ledger.order_id", "rk_order_ledger.order_id", "rk_payment.return_id",
      "rk_history.state_digest", "rk_history.note_digest", "rk_outbox.payload",
      "rk_outbox_relay.name",
      "rk_outbox_delivery.relay");

  private static void requireSchema(Connection connection, Dialect dialect) throws SQLException {
    for (String probe : SCHEMA_PROBES) {
      String table = probe.substring(0, probe.indexOf('.'));
      String column = probe.substring(probe.indexOf('.') + 1);
      try (Statement statement = connection.createStatement()) {
        statement.executeQuery("select " + column + " from " + table + " where 1 = 0").close();
      } catch (SQLException missing) {
        if (!connection.getAutoCommit()) {
          connection.rollback();
        }
        throw new SchemaNotMigratedException("column " + probe, dialect.migrationLocation(),
            missing);
      }
    }
  }

  // ---------------------------------------------------------------------------------- writes

  @Override
  public void save(CaseWrite write) {
    Objects.requireNonNull(write, "write");
    ReturnCaseSnapshot snapshot = write.snapshot();
    try {
      Jdbc.inTransaction(dataSource, "save " + snapshot.id(), connection -> {
        CaseSave.save(connection, dialect, write);
        return null;
      });
    } catch (CaseSave.CaseExists exists) {
      throw new ConcurrentReturnUpdateException(snapshot.id(), 0,
          storedVersion(snapshot.id()));
    }
  }

  private long storedVersion(ReturnId id) {
    return Jdbc.read(dataSource, "read the version of " + id, connection -> {
      try (PreparedStatement select = connection.prepareStatement(
          "select version from rk_return_case where return_id = ?")) {
        select.setString(1, id.value());
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? row.getLong(1) : 0L;
        }
      }
    });
  }

  // ----------------------------------------------------------------------------------- reads

  @Override
  public Optional<ReturnCaseSnapshot> findById(ReturnId id) {
    Objects.requireNonNull(id, "id");
    List<ReturnCaseSnapshot> found = snapshots("find " + id,
        "select " + CASE_COLUMNS + " from rk_return_case where return_id = ?", id.value());
    return found.stream().findFirst();
  }

  @Override
  public List<HistoryEntry> history(ReturnId id) {
    Objects.requireNonNull(id, "id");
    return Jdbc.read(dataSource, "read the history of " + id, connection -> {
      try (PreparedStatement select = connection.prepareStatement("select sequence, at,"
          + " actor_role, actor_id, command, from_status, to_status, reason_codes, rules, note,"
          + " state_digest, previous_hash, hash, actor_digest, note_digest from rk_history"
          + " where return_id = ?"
          + " order by sequence")) {
        select.setString(1, id.value());
        List<HistoryEntry> entries = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            String from = row.getString("from_status");
            entries.add(new HistoryEntry(id, row.getInt("sequence"),
                Jdbc.getInstant(row, "at"),
                new Actor(ActorRole.valueOf(row.getString("actor_role")),
                    row.getString("actor_id")),
                ReturnCommand.valueOf(row.getString("command")),
                from == null ? null : ReturnStatus.valueOf(from),
                ReturnStatus.valueOf(row.getString("to_status")),
                StringLists.read(row.getString("reason_codes")),
                StringLists.read(row.getString("rules")),
                row.getString("note"), row.getString("state_digest"),
                row.getString("previous_hash"), row.getString("hash"),
                row.getString("actor_digest"), row.getString("note_digest")));
          }
        }
        return List.copyOf(entries);
      }
    });
  }

  @Override
  public List<ReturnCaseSnapshot> findByOrder(OrderId orderId) {
    Objects.requireNonNull(orderId, "orderId");
    return snapshots("find the cases of order " + orderId, "select " + CASE_COLUMNS
        + " from rk_return_case where order_id = ? order by requested_at, return_id",
        orderId.value());
  }

  @Override
  public List<ReturnCaseSnapshot> findByCustomer(CustomerId customerId, TimeRange requested) {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(requested, "requested");
    List<Object> parameters = new ArrayList<>(List.of(customerId.value()));
    String sql = "select " + CASE_COLUMNS + " from rk_return_case where customer_id = ?"
        + range(requested, parameters) + " order by requested_at, return_id";
    return snapshots("find the cases of customer " + customerId, sql, parameters.toArray());
  }

  @Override
  public Page<ReturnCaseSnapshot> findByStatus(Set<ReturnStatus> statuses, TimeRange requested,
      PageRequest page) {
    requireStatuses(statuses);
    Objects.requireNonNull(requested, "requested");
    Objects.requireNonNull(page, "page");
    List<Object> parameters = new ArrayList<>();
    StringBuilder sql = new StringBuilder("select " + CASE_COLUMNS
        + " from rk_return_case where status in (" + placeholders(statuses, parameters) + ")")
        .append(range(requested, parameters));
    if (page.pageToken() != null) {
      Position after = Position.decode(page.pageToken());
      sql.append(" and (requested_at > ? or (requested_at = ? and return_id > ?))");
      parameters.add(after.requestedAt());
      parameters.add(after.requestedAt());
      parameters.add(after.returnId());
    }
    // One more than the page: whether there is a next page is known without a second query.
    sql.append(" order by requested_at, return_id fetch first ").append(page.size() + 1)
        .append(" rows only");
    List<ReturnCaseSnapshot> found = snapshots("page cases by status", sql.toString(),
        parameters.toArray());
    if (found.size() <= page.size()) {
      return new Page<>(found, null);
    }
    List<ReturnCaseSnapshot> items = found.subList(0, page.size());
    ReturnCaseSnapshot last = items.get(items.size() - 1);
    return new Page<>(items, new Position(last.requestedAt(), last.id().value()).encode());
  }

  @Override
  public List<ReturnCaseSnapshot> findDue(Set<ReturnStatus> statuses, Instant dueBefore,
      int limit) {
    requireStatuses(statuses);
    Objects.requireNonNull(dueBefore, "dueBefore");
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    List<Object> parameters = new ArrayList<>();
    String sql = "select " + CASE_COLUMNS + " from rk_return_case where due_at is not null"
        + " and due_at < ? and status in (" + placeholders(statuses, parameters) + ")"
        + " order by due_at, return_id fetch first " + limit + " rows only";
    parameters.add(0, dueBefore);
    return snapshots("find overdue cases", sql, parameters.toArray());
  }

  private static void requireStatuses(Set<ReturnStatus> statuses) {
    Objects.requireNonNull(statuses, "statuses");
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("name at least one status");
    }
  }

  private static String placeholders(Set<ReturnStatus> statuses, List<Object> parameters) {
    StringBuilder marks = new StringBuilder();
    for (ReturnStatus status : statuses) {
      marks.append(marks.length() == 0 ? "?" : ", ?");
      parameters.add(status.name());
    }
    return marks.toString();
  }

  private static String range(TimeRange range, List<Object> parameters) {
    StringBuilder sql = new StringBuilder();
    if (range.from() != null) {
      sql.append(" and requested_at >= ?");
      parameters.add(range.from());
    }
    if (range.to() != null) {
      sql.append(" and requested_at < ?");
      parameters.add(range.to());
    }
    return sql.toString();
  }

  private List<ReturnCaseSnapshot> snapshots(String operation, String sql,
      Object... parameters) {
    return Jdbc.read(dataSource, operation, connection -> {
      try (PreparedStatement select = connection.prepareStatement(sql)) {
        for (int i = 0; i < parameters.length; i++) {
          if (parameters[i] instanceof Instant instant) {
            Jdbc.setInstant(select, i + 1, instant);
          } else {
            select.setString(i + 1, (String) parameters[i]);
          }
        }
        List<ReturnCaseSnapshot> found = new ArrayList<>();
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            found.add(CaseFormat.read(row));
          }
        }
        return List.copyOf(found);
      }
    });
  }

  /** A keyset position: the request time and id of the last case of a page. */
  private record Position(Instant requestedAt, String returnId) {

    String encode() {
      String raw = TOKEN_PREFIX + requestedAt + "|" + returnId;
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String token) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        int bar = raw.indexOf('|', TOKEN_PREFIX.length());
        if (!raw.startsWith(TOKEN_PREFIX) || bar < 0 || bar == raw.length() - 1) {
          throw new IllegalArgumentException("not a page token of this repository: " + token);
        }
        return new Position(Instant.parse(raw.substring(TOKEN_PREFIX.length(), bar)),
            raw.substring(bar + 1));
      } catch (IllegalArgumentException | DateTimeParseException e) {
        throw new IllegalArgumentException("not a page token of this repository: " + token, e);
      }
    }
  }
}
