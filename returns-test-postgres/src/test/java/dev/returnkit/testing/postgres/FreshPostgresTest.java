package dev.returnkit.testing.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A fresh PostgreSQL schema")
class FreshPostgresTest {

  @Test
  @DisplayName("is a real, empty PostgreSQL schema that connections use by default")
  void emptyAndCurrent() throws SQLException {
    TestSchema schema = FreshPostgres.schema();
    try (Connection connection = schema.dataSource().getConnection();
        Statement statement = connection.createStatement()) {
      try (ResultSet row = statement.executeQuery("select current_schema(), version()")) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString(1)).isEqualTo(schema.name());
        assertThat(row.getString(2)).startsWith("PostgreSQL");
      }
      try (ResultSet tables = statement.executeQuery("select count(*) from "
          + "information_schema.tables where table_schema = current_schema()")) {
        tables.next();
        assertThat(tables.getInt(1)).isZero();
      }
    }
  }

  @Test
  @DisplayName("does not see the tables of another test's schema")
  void isolated() throws SQLException {
    DataSource first = FreshPostgres.schema().dataSource();
    DataSource second = FreshPostgres.schema().dataSource();
    try (Connection connection = first.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create table rk_probe (id int primary key)");
      statement.execute("insert into rk_probe values (1)");
    }
    try (Connection connection = second.getConnection();
        Statement statement = connection.createStatement()) {
      assertThatThrownBy(() -> statement.executeQuery("select * from rk_probe"))
          .isInstanceOf(SQLException.class).hasMessageContaining("rk_probe");
    }
  }

  @Test
  @DisplayName("lets a test reach the server as its superuser")
  void administration() throws SQLException {
    try (Connection connection = FreshPostgres.administration().getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select rolsuper from pg_roles "
            + "where rolname = current_user")) {
      assertThat(row.next()).isTrue();
      assertThat(row.getBoolean(1)).isTrue();
    }
  }
}
