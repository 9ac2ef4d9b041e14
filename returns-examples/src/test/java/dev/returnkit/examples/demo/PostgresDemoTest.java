package dev.returnkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.examples.cli.CommandRun;
import dev.returnkit.examples.report.ReportWriter;
import dev.returnkit.examples.report.ReturnsReport;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo with returns-jdbc in a real PostgreSQL (embedded: no Docker, no install). */
@DisplayName("The demo on PostgreSQL")
class PostgresDemoTest {

  private static EmbeddedPostgres server;

  @BeforeAll
  static void startPostgres() throws IOException {
    server = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    server.close();
  }

  @Test
  @DisplayName("gives the same report as in memory, and its outbox delivers every event")
  void sameRunAsInMemory() {
    SimulationResult inMemory = Demo.run(new Demo.Options(150, 5, null, null),
        DemoListener.SILENT);
    SimulationResult postgres = Demo.run(new Demo.Options(150, 5, null, null,
        DemoStorage.Kind.POSTGRES, url("postgres")), DemoListener.SILENT);

    assertThat(postgres.outboxEvents()).hasValue(postgres.events().size());
    assertThat(postgres.cases()).isEqualTo(inMemory.cases());
    assertThat(postgres.histories()).isEqualTo(inMemory.histories());
    assertThat(postgres.storage().saves()).isEqualTo(inMemory.storage().saves())
        .isGreaterThan(postgres.cases().size());
    ReturnsReport report = ReturnsReport.of(postgres);
    assertThat(report.checks()).isEmpty();
    assertThat(withoutChecks(report)).isEqualTo(withoutChecks(ReturnsReport.of(inMemory)));
  }

  @Test
  @DisplayName("returnkit demo --store postgres --jdbc-url stores there, reports its speed, and "
      + "refuses a database that already holds cases")
  void commandWithAJdbcUrl(@TempDir Path out) throws Exception {
    try (var connection = server.getPostgresDatabase().getConnection();
        var statement = connection.createStatement()) {
      statement.execute("create database demo_once");
    }
    String url = url("demo_once");
    String[] args = {"demo", "--cases", "30", "--store", "postgres", "--jdbc-url", url,
        "--out", out.toString()};

    CommandRun first = run(args);
    CommandRun second = run(args);

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out()).contains("Stored in PostgreSQL at " + url + ": 30 cases, ",
        " saves/s", "The outbox relay delivered ");
    assertThat(second.exitCode()).isEqualTo(2);
    assertThat(second.err()).contains("already holds 30 return case(s)",
        "the demo needs an empty one");
  }

  @Test
  @DisplayName("refuses a JDBC URL without the postgres store, and an unknown store")
  void badStoreOptions() {
    CommandRun urlWithoutPostgres = run("demo", "--jdbc-url", url("postgres"));
    CommandRun unknownStore = run("demo", "--store", "oracle");

    assertThat(urlWithoutPostgres.exitCode()).isEqualTo(2);
    assertThat(urlWithoutPostgres.err()).contains("a JDBC URL needs the postgres store");
    assertThat(unknownStore.exitCode()).isEqualTo(2);
    assertThat(unknownStore.err()).contains("'oracle' is not a store; use memory or postgres");
  }

  private static String url(String database) {
    return server.getJdbcUrl("postgres", database);
  }

  private static String withoutChecks(ReturnsReport report) {
    return ReportWriter.markdown(report).replaceAll("(?s)## Checks.*", "");
  }

  private static CommandRun run(String... args) {
    return CommandRun.run(args);
  }
}
