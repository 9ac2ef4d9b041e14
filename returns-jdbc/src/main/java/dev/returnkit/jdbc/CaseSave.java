package dev.returnkit.jdbc;

import dev.returnkit.spi.event.EventJson;
import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One save of {@link JdbcReturnRepository}, inside the transaction it is given, in two batches
 * of statements ({@link StatementBatch}: one round trip each on PostgreSQL) before the commit.
 *
 * <ol>
 *   <li><b>Lock and read:</b> a new case's row is inserted (its primary key refuses a second
 *       creator); a stored case's row is locked and read. Then the order's ledger rows are
 *       locked and read ({@link OrderLedgers}).
 *   <li>In Java, with nothing sent: the write is checked against what was read (version,
 *       history continuity, order and customer, the order's limits, the payments' rules).
 *   <li><b>Write:</b> the case row, the ledgers, the line rows, the payments, the history
 *       entries and the outbox events, with the update counts checked.
 * </ol>
 *
 * <p>Erasing a customer's personal data rewrites the case's cancellation events in the outbox
 * too, which takes two more round trips; no other save does. One per save.
 */
final class CaseSave {

  private final Connection connection;
  private final Dialect dialect;
  private final CaseWrite write;
  private final ReturnCaseSnapshot snapshot;
  private final String returnId;
  private ReturnCaseSnapshot stored;

  private CaseSave(Connection connection, Dialect dialect, CaseWrite write) {
    this.connection = connection;
    this.dialect = dialect;
    this.write = write;
    this.snapshot = write.snapshot();
    this.returnId = snapshot.id().value();
  }

  /** Thrown when the new case's row exists; answered by the repository after the rollback. */
  static final class CaseExists extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CaseExists() {
      super(null, null, false, false);
    }
  }

  /**
   * Saves a write on a connection whose transaction the caller commits or rolls back.
   *
   * @param connection the transaction's connection
   * @param dialect its database
   * @param write the write
   * @throws CaseExists if the write creates a case whose id is taken
   * @throws ConcurrentReturnUpdateException if the stored version is not the expected one
   * @throws OrderLimitExceededException if the order's limits would be passed
   * @throws IllegalArgumentException if the write breaks a rule of stored cases
   * @throws SQLException if the database fails
   */
  static void save(Connection connection, Dialect dialect, CaseWrite write)
      throws SQLException {
    new CaseSave(connection, dialect, write).save();
  }

  private void save() throws SQLException {
    StatementBatch batch = new StatementBatch();
    if (write.isNew()) {
      insertCase(batch);
    } else {
      batch.add("select " + CaseFormat.COLUMNS + " from rk_return_case"
              + " where return_id = ? for update")
          .text(returnId).rows(row -> stored = CaseFormat.read(row));
    }
    OrderLedgers ledgers = OrderLedgers.lock(batch, dialect, snapshot, write.isNew());
    try {
      batch.run(connection, dialect);
    } catch (SQLException e) {
      if (write.isNew() && Jdbc.isState(e, Jdbc.UNIQUE_VIOLATION)) {
        throw new CaseExists();
      }
      throw e;
    }
    if (!write.isNew()) {
      checkAgainstStored();
      updateCase(batch);
    }
    ledgers.write(batch, stored);
    writeLines(batch);
    writePayments(batch);
    eraseHistory(batch);
    insertHistory(batch);
    insertEvents(batch);
    try {
      batch.run(connection, dialect);
    } catch (SQLException e) {
      if (Jdbc.isCheckViolation(e) && e.getMessage() != null && e.getMessage()
          .toLowerCase(Locale.ROOT).contains(OrderLedgers.CONSTRAINT_PREFIX)) {
        // The checks of OrderLedgers let through what the database refuses.
        throw new OrderLimitExceededException(snapshot.id(), snapshot.orderId(),
            "the database refused the ledger change (" + e.getMessage() + ")");
      }
      throw e;
    }
    if (write.newHistory().stream()
        .anyMatch(entry -> entry.command() == ReturnCommand.ERASE_PERSONAL_DATA)) {
      eraseOutboxText();
    }
  }

  private void insertCase(StatementBatch batch) {
    batch.add("insert into rk_return_case (return_id, version, order_id, customer_id, status,"
            + " requested_at, updated_at, due_at, currency, history_sequence, history_hash,"
            + " snapshot, snapshot_format) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .text(returnId).bigint(snapshot.version()).text(snapshot.orderId().value())
        .text(snapshot.customerId().value()).text(snapshot.status().name())
        .instant(snapshot.requestedAt()).instant(snapshot.updatedAt())
        .instant(snapshot.dueAt()).text(snapshot.currency().getCurrencyCode())
        .integer(snapshot.historyHead().sequence()).text(snapshot.historyHead().hash())
        .text(CaseFormat.write(snapshot)).integer(CaseFormat.CURRENT);
  }

  /** The checks of an update against the stored case, locked by the first batch. */
  private void checkAgainstStored() {
    if (stored == null) {
      throw new ConcurrentReturnUpdateException(snapshot.id(), write.expectedVersion(), 0);
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
  }

  private void updateCase(StatementBatch batch) {
    batch.add("update rk_return_case set version = ?, status = ?, updated_at = ?, due_at = ?,"
            + " history_sequence = ?, history_hash = ?, snapshot = ?, snapshot_format = ?"
            + " where return_id = ? and version = ?")
        .bigint(snapshot.version()).text(snapshot.status().name())
        .instant(snapshot.updatedAt()).instant(snapshot.dueAt())
        .integer(snapshot.historyHead().sequence()).text(snapshot.historyHead().hash())
        .text(CaseFormat.write(snapshot)).integer(CaseFormat.CURRENT).text(returnId)
        .bigint(write.expectedVersion())
        .count(count -> {
          if (count != 1) {
            // Unreachable while the row is locked; kept so a broken lock cannot lose an update.
            throw new ConcurrentReturnUpdateException(snapshot.id(), write.expectedVersion(),
                stored.version());
          }
        });
  }

  private void writeLines(StatementBatch batch) {
    Set<OrderLineId> existing = new HashSet<>();
    if (stored != null) {
      for (ReturnLineSnapshot line : stored.lines()) {
        existing.add(line.orderLineId());
      }
    }
    for (ReturnLineSnapshot line : snapshot.lines()) {
      if (existing.remove(line.orderLineId())) {
        batch.add("update rk_return_line set verdict = ?, approved_units = ?,"
                + " received_units = ?, accepted_units = ?, units_held = ?, liability = ?,"
                + " disposition = ?, amount_due = ?, amount_paid_out = ?"
                + " where return_id = ? and order_line_id = ?")
            .text(line.verdict().name()).integer(line.quantities().approved())
            .integer(line.quantities().received()).integer(line.quantities().accepted())
            .integer(line.unitsHeld(snapshot.status()))
            .text(line.liability() == null ? null : line.liability().name())
            .text(line.disposition() == null ? null : line.disposition().name())
            .number(line.money().due().amount()).number(line.money().paidOut().amount())
            .text(returnId).text(line.orderLineId().value());
      } else {
        batch.add("insert into rk_return_line (verdict, approved_units, received_units,"
                + " accepted_units, units_held, liability, disposition, amount_due,"
                + " amount_paid_out, return_id, order_line_id, order_id, sku, category, reason,"
                + " requested_units) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            .text(line.verdict().name()).integer(line.quantities().approved())
            .integer(line.quantities().received()).integer(line.quantities().accepted())
            .integer(line.unitsHeld(snapshot.status()))
            .text(line.liability() == null ? null : line.liability().name())
            .text(line.disposition() == null ? null : line.disposition().name())
            .number(line.money().due().amount()).number(line.money().paidOut().amount())
            .text(returnId).text(line.orderLineId().value())
            .text(snapshot.orderId().value()).text(line.sku().value()).text(line.category())
            .text(line.reason().name()).integer(line.quantities().requested());
      }
    }
    // What is left of the stored lines was dropped from the case.
    for (OrderLineId dropped : existing) {
      batch.add("delete from rk_return_line where return_id = ? and order_line_id = ?")
          .text(returnId).text(dropped.value());
    }
  }

  private void writePayments(StatementBatch batch) {
    Map<String, SettlementPayment> before = new HashMap<>();
    if (stored != null) {
      for (SettlementPayment payment : stored.payments()) {
        before.put(payment.idempotencyKey(), payment);
      }
    }
    for (SettlementPayment payment : snapshot.payments()) {
      SettlementPayment previous = before.remove(payment.idempotencyKey());
      if (previous == null) {
        insertPayment(batch, payment);
      } else if (!previous.equals(payment)) {
        boolean nowPaid = !previous.isPaid() && payment.isPaid()
            && previous.equals(SettlementPayment.planned(payment.idempotencyKey(),
                payment.orderLineId(), payment.purpose(), payment.kind(), payment.amount(),
                payment.tender()));
        if (!nowPaid) {
          throw new IllegalArgumentException("payment " + payment.idempotencyKey() + " of "
              + snapshot.id() + " cannot change from " + previous + " to " + payment
              + ": a planned payment can only be marked paid");
        }
        batch.add("update rk_payment set provider_reference = ?, paid_at = ?"
                + " where idempotency_key = ? and return_id = ? and paid_at is null")
            .text(payment.providerReference()).instant(payment.paidAt())
            .text(payment.idempotencyKey()).text(returnId);
      }
    }
    for (SettlementPayment dropped : before.values()) {
      if (dropped.isPaid()) {
        throw new IllegalArgumentException("paid payment " + dropped.idempotencyKey() + " of "
            + snapshot.id() + " cannot disappear from the case");
      }
      batch.add("delete from rk_payment where idempotency_key = ? and return_id = ?"
              + " and paid_at is null")
          .text(dropped.idempotencyKey()).text(returnId);
    }
  }

  /** Inserts a new payment; a key another case planned is found taken, and refused. */
  private void insertPayment(StatementBatch batch, SettlementPayment payment) {
    batch.add(dialect.insertIfAbsent("rk_payment (idempotency_key, return_id, order_line_id,"
            + " purpose, kind, amount, currency, provider_reference, paid_at)"
            + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)", "idempotency_key"))
        .text(payment.idempotencyKey()).text(returnId)
        .text(payment.orderLineId() == null ? null : payment.orderLineId().value())
        .text(payment.purpose().name()).text(payment.kind().name())
        .number(payment.amount().amount())
        .text(payment.amount().currency().getCurrencyCode())
        .text(payment.providerReference()).instant(payment.paidAt())
        .count(count -> {
          if (count != 1) {
            throw new IllegalArgumentException("payment idempotency key "
                + payment.idempotencyKey() + " of " + snapshot.id() + " is already planned by"
                + " another case; keys must be unique to a case");
          }
        });
  }

  /** Replaces stored entries by their erased form: the only change the history allows. */
  private void eraseHistory(StatementBatch batch) {
    for (HistoryEntry erased : write.erasedHistory()) {
      batch.add("update rk_history set actor_id = ?, note = null, actor_digest = ?,"
              + " note_digest = ? where return_id = ? and sequence = ? and hash = ?")
          .text(erased.actor().id()).text(erased.erasedActorDigest())
          .text(erased.erasedNoteDigest()).text(erased.returnId().value())
          .integer(erased.sequence()).text(erased.hash())
          .count(count -> {
            if (count != 1) {
              throw new IllegalArgumentException("the erasure of entry #" + erased.sequence()
                  + " of " + erased.returnId() + " does not match the stored entry");
            }
          });
    }
  }

  private void insertHistory(StatementBatch batch) {
    for (HistoryEntry entry : write.newHistory()) {
      batch.add("insert into rk_history (return_id, sequence, at, actor_role, actor_id,"
              + " command, from_status, to_status, reason_codes, rules, note, previous_hash,"
              + " hash, state_digest) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
          .text(entry.returnId().value()).integer(entry.sequence()).instant(entry.at())
          .text(entry.actor().role().name()).text(entry.actor().id())
          .text(entry.command().name())
          .text(entry.fromStatus() == null ? null : entry.fromStatus().name())
          .text(entry.toStatus().name()).text(StringLists.write(entry.reasonCodes()))
          .text(StringLists.write(entry.rules())).text(entry.note())
          .text(entry.previousHash()).text(entry.hash()).text(entry.stateDigest());
    }
  }

  private void insertEvents(StatementBatch batch) {
    for (ReturnEvent event : write.newEvents()) {
      batch.add("insert into rk_outbox (event_id, return_id, history_sequence, event_index,"
              + " event_type, occurred_at, payload) values (?, ?, ?, ?, ?, ?, ?)")
          .text(event.header().eventId()).text(event.returnId().value())
          .integer(event.header().historySequence()).integer(event.header().index())
          .text(event.type().name()).instant(event.header().occurredAt())
          .text(EventJson.write(event));
    }
  }

  /**
   * The free text the case's events carried (a cancellation's reason) goes from the outbox
   * too, delivered or not: events already published are the broker's to forget.
   */
  private void eraseOutboxText() throws SQLException {
    List<Long> ids = new ArrayList<>();
    List<String> payloads = new ArrayList<>();
    try (PreparedStatement select = connection.prepareStatement("select id, payload from"
        + " rk_outbox where return_id = ? and event_type = 'RETURN_CANCELLED'")) {
      select.setString(1, returnId);
      try (ResultSet row = select.executeQuery()) {
        while (row.next()) {
          ReturnEvent.ReturnCancelled cancelled = (ReturnEvent.ReturnCancelled)
              EventJson.read(row.getString(2));
          ids.add(row.getLong(1));
          payloads.add(EventJson.write(new ReturnEvent.ReturnCancelled(cancelled.header(),
              null)));
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
}
