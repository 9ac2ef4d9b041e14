package dev.returnkit.jdbc;

import dev.returnkit.spi.StorageException;
import java.sql.SQLException;

/**
 * The database failed (connection lost, statement refused for a reason returnkit does not
 * expect). Nothing of the operation was stored: writes run in one transaction that was rolled
 * back. Carries the {@link SQLException} as its cause, with the SQL state in the message. A
 * {@link StorageException}, so hosts need not know which adapter they run on to handle it.
 */
public final class JdbcStorageException extends StorageException {

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
