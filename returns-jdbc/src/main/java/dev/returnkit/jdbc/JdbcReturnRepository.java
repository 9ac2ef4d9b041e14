package dev.returnkit.jdbc;

import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.Page;
import dev.returnkit.spi.storage.PageRequest;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.math.BigDecimal;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * A {@link ReturnRepository} in PostgreSQL (or H2 in PostgreSQL mode), over any
 * {@link DataSource}: bring your own pool, or none.
 *
 * <p><b>One transaction per save</b> writes the case row (the queried columns and the snapshot
 * as JSON), its line rows, its payments by idempotency key, the new history entries and the
 * new events into the outbox ({@code rk_outbox}, delivered by {@link JdbcOutboxRelay}). A
 * save that fails for any reason writes nothing.
 *
 * <p><b>Optimistic locking:</b> an update locks the case row and compares versions; a stale
 * write throws {@link ConcurrentReturnUpdateException}. Creating a case that exists is refused
 * by its primary key, with the same exception.
 *
 * <p><b>Order limits in the database:</b> every save locks its order's ledger row
 * ({@code rk_order_ledger}), so the writes of one order's cases happen one at a time, and adds
 * its change to the order line ledger ({@code rk_order_line_ledger}): units held, money due,
 * outbound shipping refunded. A write that would exceed what was bought or paid throws
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

  /** What the case queries select: the snapshot JSON, all a read needs. */
  /** What a case is read from: its stored form, the format that form is in, and its id. */
  private static final String CASE_COLUMNS = "snapshot, snapshot_format, return_id";
  private static final String TOKEN_PREFIX = "rk1|";

  private final DataSource dataSource;
  private final Dialect dialect;
  private final OrderMoneyLedger moneyLedger;

  private JdbcReturnRepository(DataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.moneyLedger = new OrderMoneyLedger(dialect);
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
        ReturnCaseSnapshot stored = write.isNew() ? insertCase(connection, snapshot)
            : updateCase(connection, write);
        applyLedger(connection, stored, snapshot);
        moneyLedger.apply(connection, stored, snapshot);
        writeLines(connection, stored, snapshot);
        writePayments(connection, stored, snapshot);
        eraseHistory(connection, write);
        if (write.newHistory().stream()
            .anyMatch(entry -> entry.command() == ReturnCommand.ERASE_PERSONAL_DATA)) {
          eraseOutboxText(connection, snapshot.id().value());
        }
        insertHistory(connection, write.newHistory());
        insertEvents(connection, write.newEvents());
        return null;
      });
    } catch (CaseExists exists) {
      throw new ConcurrentReturnUpdateException(snapshot.id(), 0,
          storedVersion(snapshot.id()));
    }
  }

  /** Thrown inside the transaction when the new case's row exists; answered after rollback. */
  private static final class CaseExists extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CaseExists() {
      super(null, null, false, false);
    }
  }

  /** Inserts the new case's row; returns the case as it was before the write: none. */
  private ReturnCaseSnapshot insertCase(Connection connection, ReturnCaseSnapshot snapshot)
      throws SQLException {
    String sql = "insert into rk_return_case (return_id, version, order_id, customer_id, status,"
        + " requested_at, updated_at, due_at, currency, history_sequence, history_hash,"
        + " snapshot, snapshot_format) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement insert = connection.prepareStatement(sql)) {
      insert.setString(1, snapshot.id().value());
      insert.setLong(2, snapshot.version());
      insert.setString(3, snapshot.orderId().value());
      insert.setString(4, snapshot.customerId().value());
      insert.setString(5, snapshot.status().name());
      Jdbc.setInstant(insert, 6, snapshot.requestedAt());
      Jdbc.setInstant(insert, 7, snapshot.updatedAt());
      Jdbc.setInstant(insert, 8, snapshot.dueAt());
      insert.setString(9, snapshot.currency().getCurrencyCode());
      insert.setInt(10, snapshot.historyHead().sequence());
      insert.setString(11, snapshot.historyHead().hash());
      insert.setString(12, CaseFormat.write(snapshot));
      insert.setInt(13, CaseFormat.CURRENT);
      insert.executeUpdate();
    } catch (SQLException e) {
      if (Jdbc.isState(e, Jdbc.UNIQUE_VIOLATION)) {
        throw new CaseExists();
      }
      throw e;
    }
    return null;
  }

  /** Locks the stored case, checks the write against it and updates it; returns it as it was. */
  private ReturnCaseSnapshot updateCase(Connection connection, CaseWrite write)
      throws SQLException {
    ReturnCaseSnapshot snapshot = write.snapshot();
    ReturnCaseSnapshot stored;
    try (PreparedStatement lock = connection.prepareStatement(
        "select " + CASE_COLUMNS + " from rk_return_case where return_id = ? for update")) {
      lock.setString(1, snapshot.id().value());
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          throw new ConcurrentReturnUpdateException(snapshot.id(), write.expectedVersion(), 0);
        }
        stored = readCase(row);
      }
    }
    if (stored.version() != write.expectedVersion()) {
      throw new ConcurrentReturnUpdateException(snapshot.id(), write.expectedVersion(),
          stored.version());
    }
    HistoryHead head = stored.historyHead();
    HistoryEntry first = write.newHistory().get(0);
    if (first.sequence() != head.sequence() + 1 || !first.previousHash().equals(head.hash())) {
      throw new IllegalArgumentException("the new history of " + snapshot.id()
          + " does not continue the stored one: entry " + first.sequence()
          + " must follow entry " + head.sequence() + " and link to its hash");
    }
    if (!stored.orderId().equals(snapshot.orderId())
        || !stored.customerId().equals(snapshot.customerId())) {
      throw new IllegalArgumentException("the order and customer of " + snapshot.id()
          + " cannot change (stored " + stored.orderId() + "/" + stored.customerId()
          + ", written " + snapshot.orderId() + "/" + snapshot.customerId() + ")");
    }
    String sql = "update rk_return_case set version = ?, status = ?, updated_at = ?, due_at = ?,"
        + " history_sequence = ?, history_hash = ?, snapshot = ?, snapshot_format = ?"
        + " where return_id = ? and version = ?";
    try (PreparedStatement update = connection.prepareStatement(sql)) {
      update.setLong(1, snapshot.version());
      update.setString(2, snapshot.status().name());
      Jdbc.setInstant(update, 3, snapshot.updatedAt());
      Jdbc.setInstant(update, 4, snapshot.dueAt());
      update.setInt(5, snapshot.historyHead().sequence());
      update.setString(6, snapshot.historyHead().hash());
      update.setString(7, CaseFormat.write(snapshot));
      update.setInt(8, CaseFormat.CURRENT);
      update.setString(9, snapshot.id().value());
      update.setLong(10, write.expectedVersion());
      if (update.executeUpdate() != 1) {
        // Unreachable while the row is locked; kept so a broken lock cannot lose an update.
        throw new ConcurrentReturnUpdateException(snapshot.id(), write.expectedVersion(),
            storedVersion(snapshot.id()));
      }
    }
    return stored;
  }

  /**
   * Adds the write's change to its order's ledgers, under the order's row lock, after checking
   * it against what was bought and paid.
   */
  private void applyLedger(Connection connection, ReturnCaseSnapshot before,
      ReturnCaseSnapshot after) throws SQLException {
    String orderId = after.orderId().value();
    String currency = after.currency().getCurrencyCode();
    if (before == null) {
      try (PreparedStatement ensure = connection.prepareStatement(dialect.insertIfAbsent(
          "rk_order_ledger (order_id, currency, shipping_paid, shipping_refunded)"
              + " values (?, ?, ?, 0)", "order_id"))) {
        ensure.setString(1, orderId);
        ensure.setString(2, currency);
        ensure.setBigDecimal(3, after.outboundShippingPaid().amount());
        ensure.executeUpdate();
      }
    }
    BigDecimal shippingRefunded;
    try (PreparedStatement lock = connection.prepareStatement("select currency,"
        + " shipping_refunded from rk_order_ledger where order_id = ? for update")) {
      lock.setString(1, orderId);
      try (ResultSet row = lock.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("order " + orderId + " of stored case " + after.id()
              + " has no row in rk_order_ledger; the database was changed around returnkit");
        }
        if (!row.getString(1).equals(currency)) {
          throw new IllegalArgumentException("case " + after.id() + " is in " + currency
              + " but order " + orderId + " has cases in " + row.getString(1));
        }
        shippingRefunded = row.getBigDecimal(2);
      }
    }
    Map<String, LedgerLine> ledger = lockLineLedgers(connection, after);
    Map<String, Integer> heldChange = new TreeMap<>();
    Map<String, BigDecimal> dueChange = new TreeMap<>();
    if (before != null) {
      for (ReturnLineSnapshot line : before.lines()) {
        heldChange.merge(line.orderLineId().value(), -line.unitsHeld(before.status()),
            Integer::sum);
        dueChange.merge(line.orderLineId().value(), line.money().dueForLine().amount().negate(),
            BigDecimal::add);
      }
    }
    for (ReturnLineSnapshot line : after.lines()) {
      heldChange.merge(line.orderLineId().value(), line.unitsHeld(after.status()),
          Integer::sum);
      dueChange.merge(line.orderLineId().value(), line.money().dueForLine().amount(),
          BigDecimal::add);
    }
    for (ReturnLineSnapshot line : after.lines()) {
      String lineId = line.orderLineId().value();
      LedgerLine stored = ledger.get(lineId);
      int held = stored.unitsHeld() + heldChange.get(lineId);
      int bought = Math.min(stored.unitsBought(), line.orderedQuantity());
      if (held > bought) {
        throw limit(after, "order line " + lineId + " would hold " + held + " unit(s) of "
            + bought + " bought");
      }
      BigDecimal due = stored.amountDue().add(dueChange.get(lineId));
      BigDecimal paid = stored.amountPaid().min(line.orderLinePaid().gross().amount());
      if (due.compareTo(paid) > 0) {
        throw limit(after, "order line " + lineId + " would be owed " + plain(due) + " "
            + currency + " of " + plain(paid) + " " + currency + " paid");
      }
    }
    BigDecimal shippingChange = after.outboundShippingRefund().amount()
        .subtract(before == null ? BigDecimal.ZERO : before.outboundShippingRefund().amount());
    BigDecimal refunded = shippingRefunded.add(shippingChange);
    if (refunded.compareTo(after.outboundShippingPaid().amount()) > 0) {
      throw limit(after, "outbound shipping refunds would reach " + plain(refunded) + " "
          + currency + " of " + plain(after.outboundShippingPaid().amount()) + " " + currency
          + " paid");
    }
    try {
      updateLedgers(connection, orderId, heldChange, dueChange, shippingChange);
    } catch (SQLException e) {
      if (Jdbc.isCheckViolation(e)) {
        // The application's check above let through what the database refuses.
        throw limit(after, "the database refused the ledger change (" + e.getMessage() + ")");
      }
      throw e;
    }
  }

  private Map<String, LedgerLine> lockLineLedgers(Connection connection,
      ReturnCaseSnapshot after) throws SQLException {
    String orderId = after.orderId().value();
    Map<String, LedgerLine> ledger = new HashMap<>();
    try (PreparedStatement select = connection.prepareStatement("select order_line_id,"
        + " units_bought, units_held, amount_paid, amount_due from rk_order_line_ledger"
        + " where order_id = ? for update")) {
      select.setString(1, orderId);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          ledger.put(row.getString(1), new LedgerLine(row.getInt(2), row.getInt(3),
              row.getBigDecimal(4), row.getBigDecimal(5)));
        }
      }
    }
    List<ReturnLineSnapshot> missing = after.lines().stream()
        .filter(line -> !ledger.containsKey(line.orderLineId().value())).toList();
    if (!missing.isEmpty()) {
      try (PreparedStatement insert = connection.prepareStatement(dialect.insertIfAbsent(
          "rk_order_line_ledger (order_id, order_line_id, currency, units_bought, units_held,"
              + " amount_paid, amount_due) values (?, ?, ?, ?, 0, ?, 0)",
          "order_id, order_line_id"))) {
        for (ReturnLineSnapshot line : missing) {
          BigDecimal paid = line.orderLinePaid().gross().amount();
          insert.setString(1, orderId);
          insert.setString(2, line.orderLineId().value());
          insert.setString(3, after.currency().getCurrencyCode());
          insert.setInt(4, line.orderedQuantity());
          insert.setBigDecimal(5, paid);
          insert.addBatch();
          ledger.put(line.orderLineId().value(),
              new LedgerLine(line.orderedQuantity(), 0, paid, BigDecimal.ZERO));
        }
        insert.executeBatch();
      }
    }
    return ledger;
  }

  private static void updateLedgers(Connection connection, String orderId,
      Map<String, Integer> heldChange, Map<String, BigDecimal> dueChange,
      BigDecimal shippingChange) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement("update rk_order_line_ledger"
        + " set units_held = units_held + ?, amount_due = amount_due + ?"
        + " where order_id = ? and order_line_id = ?")) {
      boolean any = false;
      for (Map.Entry<String, Integer> change : heldChange.entrySet()) {
        BigDecimal due = dueChange.get(change.getKey());
        if (change.getValue() == 0 && due.signum() == 0) {
          continue;
        }
        update.setInt(1, change.getValue());
        update.setBigDecimal(2, due);
        update.setString(3, orderId);
        update.setString(4, change.getKey());
        update.addBatch();
        any = true;
      }
      if (any) {
        update.executeBatch();
      }
    }
    if (shippingChange.signum() != 0) {
      try (PreparedStatement update = connection.prepareStatement("update rk_order_ledger"
          + " set shipping_refunded = shipping_refunded + ? where order_id = ?")) {
        update.setBigDecimal(1, shippingChange);
        update.setString(2, orderId);
        update.executeUpdate();
      }
    }
  }

  private static OrderLimitExceededException limit(ReturnCaseSnapshot written, String detail) {
    return new OrderLimitExceededException(written.id(), written.orderId(), detail);
  }

  private static String plain(BigDecimal amount) {
    return amount.stripTrailingZeros().toPlainString();
  }

  /** One order line's ledger row as read under the order's lock. */
  private record LedgerLine(int unitsBought, int unitsHeld, BigDecimal amountPaid,
      BigDecimal amountDue) {}

  private static void writeLines(Connection connection, ReturnCaseSnapshot before,
      ReturnCaseSnapshot after) throws SQLException {
    Set<OrderLineId> existing = before == null ? Set.of()
        : before.lines().stream().map(ReturnLineSnapshot::orderLineId)
            .collect(Collectors.toSet());
    String insertSql = "insert into rk_return_line (verdict, approved_units, received_units,"
        + " accepted_units, units_held, liability, disposition, amount_due, amount_paid_out,"
        + " return_id, order_line_id, order_id, sku, category, reason, requested_units)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    String updateSql = "update rk_return_line set verdict = ?, approved_units = ?,"
        + " received_units = ?, accepted_units = ?, units_held = ?, liability = ?,"
        + " disposition = ?, amount_due = ?, amount_paid_out = ?"
        + " where return_id = ? and order_line_id = ?";
    try (PreparedStatement insert = connection.prepareStatement(insertSql);
        PreparedStatement update = connection.prepareStatement(updateSql)) {
      int inserts = 0;
      int updates = 0;
      for (ReturnLineSnapshot line : after.lines()) {
        boolean stored = existing.contains(line.orderLineId());
        PreparedStatement statement = stored ? update : insert;
        statement.setString(1, line.verdict().name());
        statement.setInt(2, line.quantities().approved());
        statement.setInt(3, line.quantities().received());
        statement.setInt(4, line.quantities().accepted());
        statement.setInt(5, line.unitsHeld(after.status()));
        statement.setString(6, line.liability() == null ? null : line.liability().name());
        statement.setString(7, line.disposition() == null ? null : line.disposition().name());
        statement.setBigDecimal(8, line.money().due().amount());
        statement.setBigDecimal(9, line.money().paidOut().amount());
        statement.setString(10, after.id().value());
        statement.setString(11, line.orderLineId().value());
        if (stored) {
          updates++;
        } else {
          statement.setString(12, after.orderId().value());
          statement.setString(13, line.sku().value());
          statement.setString(14, line.category());
          statement.setString(15, line.reason().name());
          statement.setInt(16, line.quantities().requested());
          inserts++;
        }
        statement.addBatch();
      }
      if (inserts > 0) {
        insert.executeBatch();
      }
      if (updates > 0) {
        update.executeBatch();
      }
    }
    Set<OrderLineId> kept = after.lines().stream().map(ReturnLineSnapshot::orderLineId)
        .collect(Collectors.toSet());
    List<OrderLineId> removed = existing.stream().filter(id -> !kept.contains(id)).toList();
    if (!removed.isEmpty()) {
      try (PreparedStatement delete = connection.prepareStatement(
          "delete from rk_return_line where return_id = ? and order_line_id = ?")) {
        for (OrderLineId id : removed) {
          delete.setString(1, after.id().value());
          delete.setString(2, id.value());
          delete.addBatch();
        }
        delete.executeBatch();
      }
    }
  }

  private static void writePayments(Connection connection, ReturnCaseSnapshot before,
      ReturnCaseSnapshot after) throws SQLException {
    Map<String, SettlementPayment> stored = new HashMap<>();
    if (before != null) {
      for (SettlementPayment payment : before.payments()) {
        stored.put(payment.idempotencyKey(), payment);
      }
    }
    List<SettlementPayment> added = new ArrayList<>();
    List<SettlementPayment> paid = new ArrayList<>();
    for (SettlementPayment payment : after.payments()) {
      SettlementPayment previous = stored.remove(payment.idempotencyKey());
      if (previous == null) {
        added.add(payment);
      } else if (!previous.equals(payment)) {
        boolean nowPaid = !previous.isPaid() && payment.isPaid()
            && previous.equals(SettlementPayment.planned(payment.idempotencyKey(),
                payment.orderLineId(), payment.purpose(), payment.kind(), payment.amount(),
                payment.tender()));
        if (!nowPaid) {
          throw new IllegalArgumentException("payment " + payment.idempotencyKey() + " of "
              + after.id() + " cannot change from " + previous + " to " + payment
              + ": a planned payment can only be marked paid");
        }
        paid.add(payment);
      }
    }
    for (SettlementPayment dropped : stored.values()) {
      if (dropped.isPaid()) {
        throw new IllegalArgumentException("paid payment " + dropped.idempotencyKey() + " of "
            + after.id() + " cannot disappear from the case");
      }
    }
    if (!added.isEmpty()) {
      insertPayments(connection, after, added);
    }
    if (!paid.isEmpty()) {
      try (PreparedStatement update = connection.prepareStatement("update rk_payment"
          + " set provider_reference = ?, paid_at = ? where idempotency_key = ?"
          + " and return_id = ? and paid_at is null")) {
        for (SettlementPayment payment : paid) {
          update.setString(1, payment.providerReference());
          Jdbc.setInstant(update, 2, payment.paidAt());
          update.setString(3, payment.idempotencyKey());
          update.setString(4, after.id().value());
          update.addBatch();
        }
        update.executeBatch();
      }
    }
    if (!stored.isEmpty()) {
      try (PreparedStatement delete = connection.prepareStatement("delete from rk_payment"
          + " where idempotency_key = ? and return_id = ? and paid_at is null")) {
        for (String key : stored.keySet()) {
          delete.setString(1, key);
          delete.setString(2, after.id().value());
          delete.addBatch();
        }
        delete.executeBatch();
      }
    }
  }

  private static void insertPayments(Connection connection, ReturnCaseSnapshot after,
      List<SettlementPayment> payments) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("insert into rk_payment"
        + " (idempotency_key, return_id, order_line_id, purpose, kind, amount, currency,"
        + " provider_reference, paid_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (SettlementPayment payment : payments) {
        insert.setString(1, payment.idempotencyKey());
        insert.setString(2, after.id().value());
        insert.setString(3, payment.orderLineId() == null ? null
            : payment.orderLineId().value());
        insert.setString(4, payment.purpose().name());
        insert.setString(5, payment.kind().name());
        insert.setBigDecimal(6, payment.amount().amount());
        insert.setString(7, payment.amount().currency().getCurrencyCode());
        insert.setString(8, payment.providerReference());
        Jdbc.setInstant(insert, 9, payment.paidAt());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      if (Jdbc.isState(e, Jdbc.UNIQUE_VIOLATION)) {
        throw new IllegalArgumentException("a payment idempotency key of " + after.id()
            + " is already planned by another case; keys must be unique to a case", e);
      }
      throw e;
    }
  }

  /** Replaces stored entries by their erased form: the only change the history allows. */
  private static void eraseHistory(Connection connection, CaseWrite write) throws SQLException {
    if (write.erasedHistory().isEmpty()) {
      return;
    }
    try (PreparedStatement update = connection.prepareStatement("update rk_history set"
        + " actor_id = ?, note = null, actor_digest = ?, note_digest = ?"
        + " where return_id = ? and sequence = ? and hash = ?")) {
      for (HistoryEntry erased : write.erasedHistory()) {
        update.setString(1, erased.actor().id());
        update.setString(2, erased.erasedActorDigest());
        update.setString(3, erased.erasedNoteDigest());
        update.setString(4, erased.returnId().value());
        update.setInt(5, erased.sequence());
        update.setString(6, erased.hash());
        if (update.executeUpdate() != 1) {
          throw new IllegalArgumentException("the erasure of entry #" + erased.sequence()
              + " of " + erased.returnId() + " does not match the stored entry");
        }
      }
    }
  }

  /**
   * The free text the case's events carried (a cancellation's reason) goes from the outbox
   * too, delivered or not: events already published are the broker's to forget.
   */
  private static void eraseOutboxText(Connection connection, String returnId)
      throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("select id, payload from"
        + " rk_outbox where return_id = ? and event_type = 'RETURN_CANCELLED'")) {
      select.setString(1, returnId);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          ReturnEvent.ReturnCancelled cancelled = (ReturnEvent.ReturnCancelled)
              RecordJson.read(row.getString(2), ReturnEvent.class);
          ids.add(row.getLong(1));
          payloads.add(RecordJson.write(new ReturnEvent.ReturnCancelled(cancelled.header(),
              null), ReturnEvent.class));
        }
      }
    }
    try (PreparedStatement update = connection.prepareStatement(
        "update rk_outbox set payload = ? where id = ?")) {
      for (int i = 0; i < ids.size(); i++) {
        update.setString(1, payloads.get(i));
        update.setLong(2, ids.get(i));
        update.addBatch();
      }
      update.executeBatch();
    }
  }

  private static void insertHistory(Connection connection, List<HistoryEntry> entries)
      throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement("insert into rk_history"
        + " (return_id, sequence, at, actor_role, actor_id, command, from_status, to_status,"
        + " reason_codes, rules, note, previous_hash, hash, state_digest)"
        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (HistoryEntry entry : entries) {
        insert.setString(1, entry.returnId().value());
        insert.setInt(2, entry.sequence());
        Jdbc.setInstant(insert, 3, entry.at());
        insert.setString(4, entry.actor().role().name());
        insert.setString(5, entry.actor().id());
        insert.setString(6, entry.command().name());
        insert.setString(7, entry.fromStatus() == null ? null : entry.fromStatus().name());
        insert.setString(8, entry.toStatus().name());
        insert.setString(9, RecordJson.writeStrings(entry.reasonCodes()));
        insert.setString(10, RecordJson.writeStrings(entry.rules()));
        insert.setString(11, entry.note());
        insert.setString(12, entry.previousHash());
        insert.setString(13, entry.hash());
        insert.setString(14, entry.stateDigest());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static void insertEvents(Connection connection, List<ReturnEvent> events)
      throws SQLException {
    if (events.isEmpty()) {
      return;
    }
    try (PreparedStatement insert = connection.prepareStatement("insert into rk_outbox"
        + " (event_id, return_id, history_sequence, event_index, event_type, occurred_at,"
        + " payload) values (?, ?, ?, ?, ?, ?, ?)")) {
      for (ReturnEvent event : events) {
        insert.setString(1, event.header().eventId());
        insert.setString(2, event.returnId().value());
        insert.setInt(3, event.header().historySequence());
        insert.setInt(4, event.header().index());
        insert.setString(5, event.type().name());
        Jdbc.setInstant(insert, 6, event.header().occurredAt());
        insert.setString(7, RecordJson.write(event, ReturnEvent.class));
        insert.addBatch();
      }
      insert.executeBatch();
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
                RecordJson.readStrings(row.getString("reason_codes")),
                RecordJson.readStrings(row.getString("rules")),
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
            found.add(readCase(row));
          }
        }
        return List.copyOf(found);
      }
    });
  }

  /** A case from a row selected with {@link #CASE_COLUMNS}. */
  private static ReturnCaseSnapshot readCase(ResultSet row) throws SQLException {
    return CaseFormat.read(row.getString(1), row.getInt(2), row.getString(3));
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
