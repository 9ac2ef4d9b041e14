package dev.returnkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.examples.demo.Demo;
import dev.returnkit.examples.demo.DemoListener;
import dev.returnkit.examples.demo.DemoStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code returnkit audit} on a real PostgreSQL that a demo filled, tampered with by SQL the way
 * someone with database access would: a case's stored JSON edited, a history note edited and a
 * last entry deleted (with the append-only trigger switched off, as the owner of the tables
 * can), a case rolled back to its previous entry.
 */
@DisplayName("returnkit audit")
class AuditCommandTest {

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
  @DisplayName("finds every edit with its case and entry, and a rollback against the "
      + "checkpoint taken before")
  void findsTampering(@TempDir Path dir) throws Exception {
    try (Connection c = server.getPostgresDatabase().getConnection();
        Statement s = c.createStatement()) {
      s.execute("create database audited");
    }
    String url = server.getJdbcUrl("postgres", "audited");
    Demo.run(new Demo.Options(40, 3, null, null, DemoStorage.Kind.POSTGRES, url),
        DemoListener.SILENT);
    Path key = dir.resolve("audit.key");
    Files.write(key, "the nightly audit's key, kept off the database".getBytes(
        StandardCharsets.UTF_8));
    Path checkpoint = dir.resolve("checkpoint.txt");

    CommandRun clean = CommandRun.run("audit", "--jdbc-url", url, "--key-file", key.toString(),
        "--write-checkpoint", checkpoint.toString(), "--page-size", "7");
    assertThat(clean.exitCode()).as(clean.err()).isZero();
    assertThat(clean.out()).contains("Audited 40 case(s) at " + url + ": all intact.",
        "Checkpoint of 40 case(s) written to " + checkpoint);

    String edited;
    String noted;
    String cut;
    String rolledBack;
    try (Connection c = server.getDatabase("postgres", "audited").getConnection();
        Statement s = c.createStatement()) {
      edited = caseWithMostEntries(s, 0);
      noted = caseWithMostEntries(s, 1);
      cut = caseWithMostEntries(s, 2);
      rolledBack = caseWithMostEntries(s, 3);
      s.execute("update rk_return_case set snapshot = replace(snapshot, '\"sku\":{\"value\":\"',"
          + " '\"sku\":{\"value\":\"X') where return_id = '" + edited + "'");
      s.execute("alter table rk_history disable trigger rk_history_append_only");
      s.execute("update rk_history set note = 'nothing to see' where return_id = '" + noted
          + "' and sequence = 2");
      s.execute("delete from rk_history where return_id = '" + cut + "' and sequence = "
          + "(select max(sequence) from rk_history where return_id = '" + cut + "')");
      // Roll a case back to its previous entry: the history and the case's head agree again.
      s.execute("delete from rk_history where return_id = '" + rolledBack + "' and sequence = "
          + "(select max(sequence) from rk_history where return_id = '" + rolledBack + "')");
      s.execute("update rk_return_case c set history_sequence = h.sequence, history_hash = h.hash,"
          + " snapshot = regexp_replace(snapshot, '\"historyHead\":\\{[^}]*\\}',"
          + " '\"historyHead\":{\"sequence\":' || h.sequence || ',\"hash\":\"' || h.hash || '\"}')"
          + " from rk_history h where c.return_id = '" + rolledBack + "' and h.return_id ="
          + " c.return_id and h.sequence = (select max(sequence) from rk_history where return_id"
          + " = c.return_id)");
      s.execute("alter table rk_history enable trigger rk_history_append_only");
    }

    CommandRun found = CommandRun.run("audit", "--jdbc-url", url, "--key-file", key.toString(),
        "--checkpoint", checkpoint.toString());

    assertThat(found.exitCode()).as(found.err()).isEqualTo(1);
    assertThat(found.out()).contains(edited + ": 1 finding(s)", ": state mismatch",
        noted + ": 1 finding(s)", "#2: broken link",
        cut + ": 2 finding(s)", ": head mismatch",
        rolledBack + ": 2 finding(s)", ": checkpoint mismatch",
        "Audited 40 case(s) at " + url + " against the checkpoint of ",
        ": 4 disagree with their history.");

    // A checkpoint edited to match the rolled-back case no longer carries a valid MAC.
    String text = Files.readString(checkpoint);
    int mac = text.indexOf("hmac-sha256 ") + "hmac-sha256 ".length();
    Files.writeString(checkpoint, text.substring(0, mac)
        + (text.charAt(mac) == '0' ? '1' : '0') + text.substring(mac + 1));
    CommandRun forged = CommandRun.run("audit", "--jdbc-url", url, "--key-file", key.toString(),
        "--checkpoint", checkpoint.toString());
    assertThat(forged.exitCode()).isEqualTo(2);
    assertThat(forged.err()).contains("is not sealed with this key");
    CommandRun noKey = CommandRun.run("audit", "--jdbc-url", url, "--checkpoint",
        checkpoint.toString());
    assertThat(noKey.exitCode()).isEqualTo(2);
    assertThat(noKey.err()).contains("--checkpoint and --write-checkpoint need --key-file");
  }

  /** The case with the n-th most history entries (ties by id), so each edit has room. */
  private static String caseWithMostEntries(Statement s, int n) throws SQLException {
    try (ResultSet row = s.executeQuery("select return_id from rk_history group by return_id"
        + " having count(*) >= 3 order by count(*) desc, return_id offset " + n + " limit 1")) {
      row.next();
      return row.getString(1);
    }
  }
}
