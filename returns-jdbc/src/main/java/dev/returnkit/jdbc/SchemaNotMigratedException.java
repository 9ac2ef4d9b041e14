package dev.returnkit.jdbc;

import dev.returnkit.spi.StorageException;
import java.sql.SQLException;

/**
 * The database has no returnkit schema, or an older one than this returns-jdbc needs: found
 * when a repository is created, not at the first save. The message names what is missing and
 * how to migrate ({@link ReturnkitSchema#migrate}, or the SQL files in version order).
 */
public final class SchemaNotMigratedException extends StorageException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param missing what the database lacks, e.g. {@code column rk_history.state_digest}
   * @param location where the migrations for this database are
   * @param cause the database's own error
   */
  SchemaNotMigratedException(String missing, String location, SQLException cause) {
    super("the database has no returnkit schema, or an older one (" + missing + " is missing):"
        + " migrate it first with ReturnkitSchema.migrate(dataSource), or run the SQL files"
        + " under " + location.replace("classpath:", "") + " (in returns-jdbc's jar) in"
        + " version order", cause);
  }
}
