package dev.returnkit.testing.postgres;

import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One empty schema of the test PostgreSQL, from {@link FreshPostgres#schema()}.
 *
 * <p>{@link #dataSource()} opens a new connection for every {@code getConnection()}, which is
 * all most tests need; a test that wants a pool as a host has one gives {@link #jdbcUrl()} to
 * its pool (HikariCP, say). The server accepts 100 connections: close pools at the end of a test
 * class. Immutable and thread-safe.
 *
 * @param name the schema's name
 * @param jdbcUrl a JDBC URL whose connections use the schema (it is their search path)
 * @param user the user to connect as (the server's superuser)
 * @param password that user's password
 */
public record TestSchema(String name, String jdbcUrl, String user, String password) {

  public TestSchema {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(password, "password");
  }

  /**
   * A data source on the schema, without a pool.
   *
   * @return the data source
   */
  public DataSource dataSource() {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(jdbcUrl);
    dataSource.setUser(user);
    dataSource.setPassword(password);
    return dataSource;
  }
}
