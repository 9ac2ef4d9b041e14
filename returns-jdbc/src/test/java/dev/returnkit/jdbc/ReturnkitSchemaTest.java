package dev.returnkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.tck.TckCases;
import java.sql.SQLException;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The schema migrations")
class ReturnkitSchemaTest {

  @AfterEach
  void closePools() {
    TestDatabases.closePools();
  }

  @Test
  @DisplayName("apply once: migrating an up-to-date database applies nothing and keeps the data")
  void idempotent() {
    var dataSource = TestDatabases.freshPostgres();
    JdbcReturnRepository.create(dataSource).save(TckCases.newCase(ReturnId.of("R-1")));

    assertThat(ReturnkitSchema.migrate(dataSource)).isZero();
    assertThat(JdbcReturnRepository.create(dataSource).findById(ReturnId.of("R-1"))).isPresent();
  }

  @Test
  @DisplayName("go into a schema that already holds the host's tables and Flyway history")
  void besideTheHostsTables() throws SQLException {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:hostschema;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    Writes.execute(h2, "create table shop_order (id varchar(20) primary key)");
    Writes.execute(h2, "create table flyway_schema_history (installed_rank int primary key)");

    assertThat(ReturnkitSchema.migrate(h2)).isEqualTo(8);

    assertThat(Writes.rows(h2, "shop_order")).isZero();
    assertThat(Writes.rows(h2, "rk_return_case")).isZero();
    assertThat(Writes.single(h2, "select count(*) from " + ReturnkitSchema.HISTORY_TABLE
        + " where \"version\" in ('1', '2', '3', '4', '5', '6', '7', '8') and \"success\""))
        .as("V1 to V8, recorded apart from the host's").isEqualTo(8);
    assertThat(Writes.rows(h2, "flyway_schema_history")).isZero();
  }
}
