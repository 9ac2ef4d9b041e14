package dev.returnkit.jdbc;

import dev.returnkit.spi.event.EventJson;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.event.ReturnEventPublisher;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Delivers the events that {@link JdbcReturnRepository} wrote to the outbox ({@code rk_outbox})
 * to a {@link ReturnEventPublisher}, and marks them delivered.
 *
 * <p><b>At least once:</b> a batch is marked delivered in the same transaction that read it,
 * after the publisher returned; if the publisher throws or the process dies first, the batch
 * is delivered again. Consumers drop duplicates by {@code event.header().eventId()}.
 * <b>In order per case</b> (and in the order cases were saved): events go out by outbox id,
 * which follows the history of each case. <b>Relays have names</b>: each name delivers every
 * event once, whatever relays of other names did, so a host can feed its broker and, say, a
 * search index from one outbox ({@code rk_outbox_delivery} records what each name delivered).
 * A relay of a new name starts with every event the outbox still holds. <b>Two relays of one
 * name at once</b> (two instances of a host) are safe: a relay delivers only while it holds
 * the lock on its name's row of {@code rk_outbox_relay}; the other waits for it, then finds
 * the batch delivered.
 *
 * <p>Call {@link #deliverPending()} from the host's scheduler (every second or so), or
 * {@link #deliverAll()} to drain. The publisher runs inside the relay's transaction, so it
 * should be quick (hand events to a broker, not send e-mails). Thread-safe.
 */
public final class JdbcOutboxRelay {

  /** The batch size when none is given. */
  public static final int DEFAULT_BATCH_SIZE = 200;
  /** The name of a relay created without one (every relay's before relays had names). */
  public static final String DEFAULT_NAME = "default";

  /** Events this relay has not delivered, oldest first. */
  private static final String UNDELIVERED = " from rk_outbox o where not exists (select 1"
      + " from rk_outbox_delivery d where d.relay = ? and d.outbox_id = o.id)";

  private final DataSource dataSource;
  private final Dialect dialect;
  private final ReturnEventPublisher publisher;
  private final String name;
  private final int batchSize;
  private final Clock clock;
  // Set once this relay's row exists, so that a polling relay does not insert it every time.
  private volatile boolean registered;

  private JdbcOutboxRelay(DataSource dataSource, Dialect dialect, ReturnEventPublisher publisher,
      String name, int batchSize, Clock clock) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.dialect = dialect;
    this.publisher = Objects.requireNonNull(publisher, "publisher");
    this.name = Objects.requireNonNull(name, "name");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    this.batchSize = batchSize;
  }

  /**
   * A relay named {@value #DEFAULT_NAME}, with batches of {@value #DEFAULT_BATCH_SIZE}.
   *
   * @param dataSource the database the repository writes to
   * @param publisher where events go
   * @return the relay
   */
  public static JdbcOutboxRelay create(DataSource dataSource, ReturnEventPublisher publisher) {
    return create(dataSource, publisher, DEFAULT_NAME);
  }

  /**
   * A relay of a name, with batches of {@value #DEFAULT_BATCH_SIZE}: it delivers every event
   * once, whatever relays of other names do, starting with every event the outbox holds.
   *
   * @param dataSource the database the repository writes to
   * @param publisher where events go
   * @param name 1 to 100 letters, digits, {@code -}, {@code _} or {@code .}, e.g. {@code kafka}
   * @return the relay
   * @throws IllegalArgumentException if the name is not one
   */
  public static JdbcOutboxRelay create(DataSource dataSource, ReturnEventPublisher publisher,
      String name) {
    Objects.requireNonNull(dataSource, "dataSource");
    Objects.requireNonNull(name, "name");
    if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
      throw new IllegalArgumentException("a relay name is 1 to 100 letters, digits, '-', '_' "
          + "or '.', got '" + name + "'");
    }
    return new JdbcOutboxRelay(dataSource, Jdbc.read(dataSource, "detect the database",
        Dialect::of), publisher, name, DEFAULT_BATCH_SIZE, Clock.systemUTC());
  }

  /**
   * This relay's name.
   *
   * @return the name its deliveries are recorded under
   */
  public String name() {
    return name;
  }

  /**
   * The same relay with another batch size.
   *
   * @param size events per transaction, at least 1
   * @return a new relay
   */
  public JdbcOutboxRelay withBatchSize(int size) {
    return new JdbcOutboxRelay(dataSource, dialect, publisher, name, size, clock);
  }

  /**
   * The same relay with another clock for the delivery times it records.
   *
   * @param clock the clock
   * @return a new relay
   */
  public JdbcOutboxRelay withClock(Clock clock) {
    return new JdbcOutboxRelay(dataSource, dialect, publisher, name, batchSize, clock);
  }

  /**
   * Delivers one batch of undelivered events, oldest first.
   *
   * @return how many events were delivered (0: none were waiting)
   * @throws JdbcStorageException if the database fails; nothing is marked delivered
   * @throws RuntimeException whatever the publisher threw; nothing is marked delivered
   */
  public int deliverPending() {
    ensureRelayRow();
    return Jdbc.inTransaction(dataSource, "deliver outbox events", connection -> {
      lockRelayRow(connection);
      List<Long> ids = new ArrayList<>();
      List<ReturnEvent> events = new ArrayList<>();
      try (PreparedStatement select = connection.prepareStatement("select o.id, o.payload"
          + UNDELIVERED + " order by o.id fetch first " + batchSize + " rows only")) {
        select.setString(1, name);
        try (ResultSet row = select.executeQuery()) {
          while (row.next()) {
            ids.add(row.getLong(1));
            events.add(EventJson.read(row.getString(2)));
          }
        }
      }
      if (events.isEmpty()) {
        return 0;
      }
      publisher.publish(List.copyOf(events));
      markDelivered(connection, ids);
      return events.size();
    });
  }

  /**
   * Delivers batches until none are waiting.
   *
   * @return how many events were delivered
   */
  public int deliverAll() {
    int total = 0;
    for (int delivered = deliverPending(); delivered > 0; delivered = deliverPending()) {
      total += delivered;
    }
    return total;
  }

  /**
   * How many events wait for delivery by this relay.
   *
   * @return the count
   */
  public long pendingCount() {
    return Jdbc.read(dataSource, "count outbox events", connection -> {
      try (PreparedStatement count = connection.prepareStatement(
          "select count(*)" + UNDELIVERED)) {
        count.setString(1, name);
        try (ResultSet row = count.executeQuery()) {
          row.next();
          return row.getLong(1);
        }
      }
    });
  }

  private void ensureRelayRow() {
    if (registered) {
      return;
    }
    Jdbc.inTransaction(dataSource, "register outbox relay " + name, connection -> {
      try (PreparedStatement insert = connection.prepareStatement(
          dialect.insertIfAbsent("rk_outbox_relay (name) values (?)", "name"))) {
        insert.setString(1, name);
        return insert.executeUpdate();
      }
    });
    registered = true;
  }

  private void lockRelayRow(Connection connection) throws SQLException {
    try (PreparedStatement lock = connection.prepareStatement(
        "select name from rk_outbox_relay where name = ? for update")) {
      lock.setString(1, name);
      try (ResultSet row = lock.executeQuery()) {
        row.next();
      }
    }
  }

  private void markDelivered(Connection connection, List<Long> ids) throws SQLException {
    Instant now = clock.instant();
    try (PreparedStatement insert = connection.prepareStatement("insert into rk_outbox_delivery"
        + " (relay, outbox_id, delivered_at) values (?, ?, ?)")) {
      for (Long id : ids) {
        insert.setString(1, name);
        insert.setLong(2, id);
        Jdbc.setInstant(insert, 3, now);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    // delivered_at keeps saying when an event first left the outbox, by any relay.
    try (PreparedStatement update = connection.prepareStatement(
        "update rk_outbox set delivered_at = ? where id = ? and delivered_at is null")) {
      for (Long id : ids) {
        Jdbc.setInstant(update, 1, now);
        update.setLong(2, id);
        update.addBatch();
      }
      update.executeBatch();
    }
    try (PreparedStatement update = connection.prepareStatement(
        "update rk_outbox_relay set last_delivery = ? where name = ?")) {
      Jdbc.setInstant(update, 1, now);
      update.setString(2, name);
      update.executeUpdate();
    }
  }
}
