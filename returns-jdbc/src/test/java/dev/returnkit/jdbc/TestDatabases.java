package dev.returnkit.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.returnkit.testing.postgres.FreshPostgres;
import dev.returnkit.testing.postgres.TestSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * Empty returnkit databases for tests: a new in-memory H2 database, or a new schema in the
 * embedded PostgreSQL of returns-test-postgres (a real PostgreSQL, started once per test JVM
 * from a Maven artifact; no Docker), migrated.
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
   * A new, migrated schema in the shared embedded PostgreSQL (returns-test-postgres), pooled as
   * a host would pool it.
   *
   * @return a data source whose connections use that schema
   */
  static DataSource freshPostgres() {
    TestSchema schema = FreshPostgres.schema();
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(schema.jdbcUrl());
    config.setUsername(schema.user());
    config.setPassword(schema.password());
    config.setMaximumPoolSize(10);
    config.setPoolName(schema.name());
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
}
