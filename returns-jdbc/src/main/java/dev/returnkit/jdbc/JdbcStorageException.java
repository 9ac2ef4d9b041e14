package dev.returnkit.jdbc;

import java.sql.SQLException;

/**
 * The database failed (connection lost, statement refused for a reason returnkit does not
 * expect). Nothing of the operation was stored: writes run in one transaction that was rolled
 * back. Carries the {@link SQLException} as its cause, with the SQL state in the message.
 */
public final class JdbcStorageException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param operation what returns-jdbc was doing, e.g. "save R-1001"
   * @param cause the database's exception
   */
  public JdbcStorageException(String operation, SQLException cause) {
    super(operation + " failed in the database (SQL state " + cause.getSQLState() + "): "
        + cause.getMessage(), cause);
  }
}
