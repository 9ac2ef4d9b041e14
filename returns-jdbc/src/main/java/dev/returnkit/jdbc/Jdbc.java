package dev.returnkit.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import javax.sql.DataSource;

/** Transactions and the JDBC conversions the adapter's classes share. */
final class Jdbc {

  /** SQL state of a unique or primary key violation (both PostgreSQL and H2). */
  static final String UNIQUE_VIOLATION = "23505";
  /** SQL state of a CHECK constraint violation in PostgreSQL (and the SQL standard). */
  private static final String CHECK_VIOLATION = "23514";
  /** H2's SQL state for the same. */
  private static final String H2_CHECK_VIOLATION = "23513";

  private Jdbc() {}

  /** Work done with a connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /**
   * Runs work in one transaction: committed if it returns, rolled back if it throws anything.
   *
   * @param dataSource where connections come from
   * @param operation what is done, for the error message
   * @param work the work
   * @param <T> its result
   * @return the result
   * @throws JdbcStorageException if the database fails; runtime exceptions of the work pass
   *     through unchanged, after the rollback
   */
  static <T> T inTransaction(DataSource dataSource, String operation, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      try {
        T result = work.run(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException | Error e) {
        rollback(connection, e);
        throw e;
      } finally {
        restoreAutoCommit(connection, autoCommit);
      }
    } catch (SQLException e) {
      throw new JdbcStorageException(operation, e);
    }
  }

  /**
   * Runs reads on one connection, in the connection's own transaction mode.
   *
   * @param dataSource where connections come from
   * @param operation what is read, for the error message
   * @param work the reads
   * @param <T> the result
   * @return the result
   */
  static <T> T read(DataSource dataSource, String operation, Work<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      return work.run(connection);
    } catch (SQLException e) {
      throw new JdbcStorageException(operation, e);
    }
  }

  static void setInstant(PreparedStatement statement, int index, Instant instant)
      throws SQLException {
    statement.setObject(index, instant == null ? null
        : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
  }

  static Instant getInstant(ResultSet row, String column) throws SQLException {
    OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  static boolean isState(SQLException e, String sqlState) {
    for (SQLException current = e; current != null; current = current.getNextException()) {
      if (sqlState.equals(current.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  static boolean isCheckViolation(SQLException e) {
    return isState(e, CHECK_VIOLATION) || isState(e, H2_CHECK_VIOLATION);
  }

  private static void rollback(Connection connection, Throwable failure) {
    try {
      connection.rollback();
    } catch (SQLException rollbackFailure) {
      // The connection is probably gone, which rolls the transaction back by itself; the
      // original failure is the one worth reporting.
      failure.addSuppressed(rollbackFailure);
    }
  }

  private static void restoreAutoCommit(Connection connection, boolean autoCommit) {
    try {
      connection.setAutoCommit(autoCommit);
    } catch (SQLException ignored) {
      // A broken connection: the pool (or close) will discard it.
    }
  }
}
