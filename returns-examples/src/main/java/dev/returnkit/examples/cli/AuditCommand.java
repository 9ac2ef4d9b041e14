package dev.returnkit.examples.cli;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.returnkit.core.audit.AuditPage;
import dev.returnkit.core.audit.CaseAuditReport;
import dev.returnkit.core.audit.HistoryCheckpoint;
import dev.returnkit.core.audit.StoreAudit;
import dev.returnkit.jdbc.JdbcReturnRepository;
import dev.returnkit.spi.storage.PageRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code returnkit audit}: every case of a returns-jdbc database checked against its history
 * (and a checkpoint), for a nightly job or an investigation. Reads only.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
    description = {"Checks every stored case against its hash-chained history: broken links, "
        + "head mismatches, state mismatches, each with its entry's sequence number; with "
        + "--checkpoint, also histories rewritten since the checkpoint.",
        "Exit code 0: every case intact; 1: something was found; 2: bad options, or the "
            + "database or files could not be read."})
final class AuditCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--jdbc-url", required = true, paramLabel = "URL",
      description = "The returns-jdbc database, e.g. jdbc:postgresql://db:5432/shop")
  private String jdbcUrl;

  @Option(names = "--user", paramLabel = "NAME", description = "The database user.")
  private String user;

  @Option(names = "--password-env", paramLabel = "VARIABLE",
      description = "The environment variable that holds the password (never on the command "
          + "line, where other users of the machine can read it).")
  private String passwordVariable;

  @Option(names = "--key-file", paramLabel = "FILE",
      description = "The checkpoint key (at least 32 bytes), kept outside the database.")
  private Path keyFile;

  @Option(names = "--checkpoint", paramLabel = "FILE",
      description = "Audit against this checkpoint too (needs --key-file).")
  private Path checkpoint;

  @Option(names = "--write-checkpoint", paramLabel = "FILE",
      description = "Seal the heads of every case into this file (needs --key-file).")
  private Path writeCheckpoint;

  @Option(names = "--page-size", paramLabel = "N", defaultValue = "500",
      description = "Cases per page (default: ${DEFAULT-VALUE}).")
  private int pageSize;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if ((checkpoint != null || writeCheckpoint != null) && keyFile == null) {
      err.println("--checkpoint and --write-checkpoint need --key-file");
      return 2;
    }
    if (pageSize < 1 || pageSize > PageRequest.MAX_SIZE) {
      err.println("--page-size must be 1 to " + PageRequest.MAX_SIZE);
      return 2;
    }
    try (HikariDataSource pool = pool()) {
      StoreAudit audit = new StoreAudit(JdbcReturnRepository.create(pool));
      byte[] key = keyFile == null ? null : Files.readAllBytes(keyFile);
      HistoryCheckpoint against = null;
      if (checkpoint != null) {
        against = HistoryCheckpoint.parse(Files.readString(checkpoint, StandardCharsets.UTF_8));
        if (!against.isSealedWith(key)) {
          err.println(checkpoint + " is not sealed with this key: it was changed, or the key "
              + "is another");
          return 2;
        }
      }
      int cases = 0;
      int broken = 0;
      PageRequest page = PageRequest.first(pageSize);
      while (page != null) {
        AuditPage audited = audit.page(page, against, stored -> { });
        cases += audited.reports().size();
        for (CaseAuditReport report : audited.broken()) {
          broken++;
          out.println(report.describe());
        }
        page = audited.next().map(token -> new PageRequest(pageSize, token)).orElse(null);
      }
      out.println("Audited " + cases + " case(s) at " + jdbcUrl
          + (against == null ? "" : " against the checkpoint of " + against.sealedAt()) + ": "
          + (broken == 0 ? "all intact." : broken + " disagree with their history."));
      if (writeCheckpoint != null) {
        HistoryCheckpoint sealed = audit.checkpoint(Clock.systemUTC().instant(), key,
            stored -> { });
        Files.writeString(writeCheckpoint, sealed.text(), StandardCharsets.UTF_8);
        out.println("Checkpoint of " + sealed.heads().size() + " case(s) written to "
            + writeCheckpoint);
      }
      out.flush();
      return broken == 0 ? 0 : 1;
    } catch (IOException | RuntimeException e) {
      // Unreadable files, a bad checkpoint, a database that cannot be reached or read.
      err.println("returnkit audit: " + e.getMessage());
      return 2;
    }
  }

  private HikariDataSource pool() {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (passwordVariable != null) {
      String password = System.getenv(passwordVariable);
      if (password == null) {
        throw new IllegalArgumentException("the environment variable " + passwordVariable
            + " is not set");
      }
      config.setPassword(password);
    }
    config.setMaximumPoolSize(2);
    config.setReadOnly(true);
    return new HikariDataSource(config);
  }
}
