package dev.returnkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Empty returnkit databases for tests: a new in-memory H2 database, or a new schema in one
 * embedded PostgreSQL server (a real PostgreSQL, started once per test JVM from a Maven
 * artifact; no Docker).
 */
final class TestDatabases {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final List<HikariDataSource> OPEN_POOLS = new ArrayList<>();

  private TestDatabases() {}

  /** The two databases returns-jdbc supports. */
  enum Kind {
    POSTGRESQL, H2;

    DataSource fresh() {
      return this == POSTGRESQL ? freshPostgres() : freshH2();
    }
  }

  /**
   * A new, migrated H2 database in PostgreSQL mode.
   *
   * @return its data source
   */
  static DataSource freshH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:returnkit" + COUNTER.incrementAndGet()
        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
    ReturnkitSchema.migrate(h2);
    return h2;
  }

  /**
   * A new, migrated schema in the shared embedded PostgreSQL.
   *
   * @return a data source whose connections use that schema
   */
  static DataSource freshPostgres() {
    String schema = "returnkit" + COUNTER.incrementAndGet();
    EmbeddedPostgres server = Server.INSTANCE;
    try (Connection connection = server.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + schema);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + schema, e);
    }
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema);
    config.setMaximumPoolSize(10);
    config.setPoolName(schema);
    HikariDataSource pool = new HikariDataSource(config);
    synchronized (OPEN_POOLS) {
      OPEN_POOLS.add(pool);
    }
    ReturnkitSchema.migrate(pool);
    return pool;
  }

  /** Closes the PostgreSQL pools handed out so far (the server allows 100 connections). */
  static void closePools() {
    synchronized (OPEN_POOLS) {
      OPEN_POOLS.forEach(HikariDataSource::close);
      OPEN_POOLS.clear();
    }
  }

  /**
   * The shared server, for tests that need to reach it directly.
   *
   * @return the embedded PostgreSQL
   */
  static EmbeddedPostgres postgres() {
    return Server.INSTANCE;
  }

  /** Started on first use, stopped when the JVM exits. */
  private static final class Server {
    static final EmbeddedPostgres INSTANCE = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.close();
          } catch (IOException ignored) {
            // The JVM is exiting; the server's directory is temporary.
          }
        }));
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
    }
  }
}
