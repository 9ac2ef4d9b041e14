package dev.returnkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The {@code bin/returnkit} launcher over the packaged jar: its first run writes the AppCDS
 * archive, the next ones map it (with {@code -Xshare:on}, a JVM that could not map it would
 * fail instead of running without it), and a rebuilt jar makes it write the archive again.
 */
@DisplayName("The returnkit launcher")
@DisabledOnOs(OS.WINDOWS)
class LauncherIT {

  private static final Path MODULE = Path.of("").toAbsolutePath();
  private static final Path ARCHIVE = MODULE.resolve("target/returnkit.jsa");
  private static final Path JAR = MODULE.resolve("target/returnkit.jar");

  @Test
  @DisplayName("writes the class archive on its first run and starts from it afterwards")
  void archiveWrittenThenUsed() throws Exception {
    Files.deleteIfExists(ARCHIVE);

    assertThat(run("")).contains("Rule set: defaults");
    assertThat(ARCHIVE).exists();
    FileTime written = Files.getLastModifiedTime(ARCHIVE);

    assertThat(run("-Xshare:on")).contains("Rule set: defaults");
    assertThat(Files.getLastModifiedTime(ARCHIVE)).isEqualTo(written);
  }

  @Test
  @DisplayName("writes the archive again when the jar is newer than it")
  void staleArchiveRewritten() throws Exception {
    run("");
    Files.setLastModifiedTime(ARCHIVE, FileTime.fromMillis(
        Files.getLastModifiedTime(JAR).toMillis() - 60_000));
    FileTime stale = Files.getLastModifiedTime(ARCHIVE);

    assertThat(run("")).contains("Rule set: defaults");

    assertThat(Files.getLastModifiedTime(ARCHIVE)).isNotEqualTo(stale);
    assertThat(run("-Xshare:on")).contains("Rule set: defaults");
  }

  /** Runs {@code bin/returnkit rules} with extra JVM options; returns what it printed. */
  private static String run(String javaOptions) throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder("sh", MODULE.resolve("bin/returnkit").toString(),
        "rules").redirectErrorStream(true);
    builder.environment().put("JAVA_OPTS", javaOptions);
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("finished").isTrue();
    assertThat(process.exitValue()).as("exit code; output:%n%s", output).isZero();
    return output;
  }
}
