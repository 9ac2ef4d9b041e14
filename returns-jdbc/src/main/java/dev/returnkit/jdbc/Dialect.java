package dev.returnkit.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** The databases returns-jdbc runs on, and the little SQL that differs between them. */
enum Dialect {
  /** PostgreSQL 12 or newer. */
  POSTGRESQL("postgresql"),
  /** H2 2.x, in PostgreSQL compatibility mode ({@code MODE=PostgreSQL}). */
  H2("h2");

  private final String folder;

  Dialect(String folder) {
    this.folder = folder;
  }

  /**
   * The Flyway location of this database's migrations.
   *
   * @return e.g. {@code classpath:db/returnkit/postgresql}
   */
  String migrationLocation() {
    return "classpath:db/returnkit/" + folder;
  }

  /**
   * An INSERT that does nothing when a row with the same key exists.
   *
   * @param intoValues the statement after {@code insert into}: table, columns, values
   * @param key the key columns, comma-separated
   * @return the statement
   */
  String insertIfAbsent(String intoValues, String key) {
    return switch (this) {
      case POSTGRESQL -> "insert into " + intoValues + " on conflict (" + key + ") do nothing";
      // H2's PostgreSQL mode knows ON CONFLICT DO NOTHING, but not with a conflict target.
      case H2 -> "insert into " + intoValues + " on conflict do nothing";
    };
  }

  /**
   * The dialect of a connection's database.
   *
   * @param connection an open connection
   * @return its dialect
   * @throws SQLException if the metadata cannot be read
   * @throws IllegalArgumentException for a database returns-jdbc does not support
   */
  static Dialect of(Connection connection) throws SQLException {
    String product = connection.getMetaData().getDatabaseProductName();
    String name = product.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      return POSTGRESQL;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new IllegalArgumentException("returns-jdbc supports PostgreSQL and H2, not " + product);
  }
}
