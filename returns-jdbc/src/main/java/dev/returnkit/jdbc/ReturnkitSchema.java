package dev.returnkit.jdbc;

import java.util.Objects;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * returnkit's database schema: Flyway migrations shipped in this jar, one folder per database.
 *
 * <p>Three ways to apply them:
 *
 * <ul>
 *   <li>{@link #migrate(DataSource)}: runs them with a Flyway of returnkit's own, which keeps
 *       its record in {@value #HISTORY_TABLE}, apart from the host's migrations. Needs
 *       {@code org.flywaydb:flyway-core} (and {@code flyway-database-postgresql} for
 *       PostgreSQL) on the class path.
 *   <li>In the host's own Flyway setup: a second Flyway with {@link #POSTGRESQL_LOCATION} and
 *       table {@value #HISTORY_TABLE} (recommended: returnkit's version numbers cannot clash
 *       with the host's), or the location added to the host's Flyway if its versions do not
 *       overlap returnkit's.
 *   <li>Without Flyway: run the SQL files under {@code db/returnkit/postgresql} in version order.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class ReturnkitSchema {

  /** Where the PostgreSQL migrations are. */
  public static final String POSTGRESQL_LOCATION = "classpath:db/returnkit/postgresql";
  /** Where the H2 ({@code MODE=PostgreSQL}) migrations are. */
  public static final String H2_LOCATION = "classpath:db/returnkit/h2";
  /** The table where returnkit's own Flyway records applied migrations. */
  public static final String HISTORY_TABLE = "rk_schema_history";

  private ReturnkitSchema() {}

  /**
   * Brings the data source's database (its current schema) to returnkit's latest schema.
   * Idempotent: applied migrations are skipped. Works in a schema that already holds the host's
   * tables.
   *
   * @param dataSource connections to PostgreSQL or H2
   * @return how many migrations were applied now
   * @throws JdbcStorageException if no connection can be opened
   */
  public static int migrate(DataSource dataSource) {
    Objects.requireNonNull(dataSource, "dataSource");
    Dialect dialect = Jdbc.read(dataSource, "detect the database", Dialect::of);
    Flyway flyway = Flyway.configure(ReturnkitSchema.class.getClassLoader())
        .dataSource(dataSource)
        .locations(dialect.migrationLocation())
        .table(HISTORY_TABLE)
        // A schema that already holds the host's tables is not "new" to Flyway; returnkit's
        // migrations still start from version 1 there.
        .baselineOnMigrate(true)
        .baselineVersion("0")
        .load();
    return flyway.migrate().migrationsExecuted;
  }
}
