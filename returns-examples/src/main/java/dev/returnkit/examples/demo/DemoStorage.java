package dev.returnkit.examples.demo;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.returnkit.core.inmemory.InMemoryReturnRepository;
import dev.returnkit.jdbc.JdbcOutboxRelay;
import dev.returnkit.jdbc.JdbcReturnRepository;
import dev.returnkit.jdbc.ReturnkitSchema;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ForwardingReturnRepository;
import dev.returnkit.spi.storage.Page;
import dev.returnkit.spi.storage.PageRequest;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where a demo run keeps its return cases: returnkit's in-memory repository, or its JDBC
 * repository in PostgreSQL (one the demo starts itself, or the user's). Times every save, so
 * the run can say how many cases per second were stored. Not thread-safe: the simulation is
 * single-threaded. Close it to stop the embedded database.
 */
public final class DemoStorage implements AutoCloseable {

  /** The stores the demo can run on. */
  public enum Kind {
    /** returnkit's in-memory repository. */
    MEMORY,
    /** returns-jdbc in PostgreSQL: embedded, or at a JDBC URL. */
    POSTGRES
  }

  private final String description;
  private final ReturnRepository repository;
  private final InMemoryReturnRepository inMemory;
  private final HikariDataSource pool;
  private final EmbeddedPostgres server;
  private long saves;
  private long[] saveNanos = new long[1024];

  private DemoStorage(String description, ReturnRepository repository,
      InMemoryReturnRepository inMemory, HikariDataSource pool, EmbeddedPostgres server) {
    this.description = description;
    this.repository = repository;
    this.inMemory = inMemory;
    this.pool = pool;
    this.server = server;
  }

  /**
   * Opens the store a run asked for.
   *
   * @param kind the kind of store
   * @param jdbcUrl a PostgreSQL JDBC URL, or {@code null} to start an embedded PostgreSQL
   * @return the store, empty
   * @throws IllegalArgumentException if the database at the URL already holds return cases
   */
  public static DemoStorage open(Kind kind, String jdbcUrl) {
    if (kind == Kind.MEMORY) {
      InMemoryReturnRepository repository = new InMemoryReturnRepository();
      return new DemoStorage("memory", repository, repository, null, null);
    }
    EmbeddedPostgres server = jdbcUrl == null ? startEmbedded() : null;
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server == null ? jdbcUrl : server.getJdbcUrl("postgres", "postgres"));
    config.setMaximumPoolSize(2);
    config.setPoolName("returnkit-demo");
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(config);
    } catch (RuntimeException e) {
      closeQuietly(server);
      throw new IllegalArgumentException("cannot connect to " + jdbcUrl + ": " + e.getMessage(),
          e);
    }
    try {
      ReturnkitSchema.migrate(pool);
      long stored = countCases(pool);
      if (stored > 0) {
        throw new IllegalArgumentException("the database at " + jdbcUrl + " already holds "
            + stored + " return case(s); the demo needs an empty one (a new database, or a "
            + "new schema named with ?currentSchema=...)");
      }
      String where = server == null ? "PostgreSQL at " + jdbcUrl
          : "embedded PostgreSQL " + serverVersion(pool);
      return new DemoStorage(where, JdbcReturnRepository.create(pool), null, pool, server);
    } catch (RuntimeException e) {
      pool.close();
      closeQuietly(server);
      throw e;
    }
  }

  /**
   * The repository to hand to returnkit: the store's, timing each save.
   *
   * @return the repository
   */
  public ReturnRepository repository() {
    return new Timed();
  }

  /**
   * Every stored case, in order of id.
   *
   * @return the cases
   */
  public List<ReturnCaseSnapshot> cases() {
    List<ReturnCaseSnapshot> cases = new ArrayList<>();
    if (inMemory != null) {
      cases.addAll(inMemory.all());
    } else {
      // Through the port's own paged query, as a back office would read them.
      Set<ReturnStatus> every = EnumSet.allOf(ReturnStatus.class);
      Page<ReturnCaseSnapshot> page = repository.findByStatus(every, TimeRange.ALL,
          PageRequest.first(PageRequest.MAX_SIZE));
      cases.addAll(page.items());
      while (page.nextPageToken() != null) {
        page = repository.findByStatus(every, TimeRange.ALL,
            new PageRequest(PageRequest.MAX_SIZE, page.nextPageToken()));
        cases.addAll(page.items());
      }
    }
    cases.sort(Comparator.comparing(c -> c.id().value()));
    return cases;
  }

  /**
   * A case's history.
   *
   * @param id the case
   * @return its entries
   */
  public List<HistoryEntry> history(ReturnId id) {
    return repository.history(id);
  }

  /**
   * Delivers the events the JDBC repository wrote to its outbox, counting them.
   *
   * @return how many events the outbox held, or empty for the in-memory store (no outbox)
   */
  public Optional<Integer> relayOutbox() {
    if (pool == null) {
      return Optional.empty();
    }
    int[] relayed = {0};
    JdbcOutboxRelay relay = JdbcOutboxRelay.create(pool, events -> relayed[0] += events.size())
        .withBatchSize(1000);
    relay.deliverAll();
    return Optional.of(relayed[0]);
  }

  /**
   * What was stored and how fast, so far.
   *
   * @return the figures
   */
  public StorageStats stats() {
    long[] sorted = Arrays.copyOf(saveNanos, (int) saves);
    Arrays.sort(sorted);
    long total = Arrays.stream(sorted).sum();
    return new StorageStats(description, saves, total, percentile(sorted, 50),
        percentile(sorted, 99));
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
    closeQuietly(server);
  }

  private static long percentile(long[] sorted, int percent) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  private static EmbeddedPostgres startEmbedded() {
    try {
      return EmbeddedPostgres.builder().start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
    }
  }

  private static long countCases(HikariDataSource pool) {
    try (Connection connection = pool.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select count(*) from rk_return_case")) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot count the stored cases", e);
    }
  }

  private static String serverVersion(HikariDataSource pool) {
    try (Connection connection = pool.getConnection()) {
      return connection.getMetaData().getDatabaseProductVersion();
    } catch (SQLException e) {
      return "(version unknown)";
    }
  }

  private static void closeQuietly(EmbeddedPostgres server) {
    if (server != null) {
      try {
        server.close();
      } catch (IOException ignored) {
        // Its files are in a temporary directory.
      }
    }
  }

  /** The store's repository, timing saves. */
  private final class Timed extends ForwardingReturnRepository {

    Timed() {
      super(repository);
    }

    @Override
    public void save(CaseWrite write) {
      long started = System.nanoTime();
      super.save(write);
      if (saves == saveNanos.length) {
        saveNanos = Arrays.copyOf(saveNanos, saveNanos.length * 2);
      }
      saveNanos[(int) saves++] = System.nanoTime() - started;
    }
  }
}
