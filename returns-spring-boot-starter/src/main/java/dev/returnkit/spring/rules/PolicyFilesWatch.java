package dev.returnkit.spring.rules;

import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.InvalidRuleSetException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the policies when one of their files changes: a policy owner saves a rule file or
 * the settings, and within one check the new rules are in force, without a restart.
 *
 * <p>It polls rather than using a {@code WatchService}: the files often sit on a mounted
 * volume (a Kubernetes ConfigMap, a network share) where file events do not arrive, and
 * reading a few dozen small files every few seconds costs nothing. A change that
 * does not build is logged with every problem and the rules in force stay; the watch tries
 * again when the files change again.
 */
public final class PolicyFilesWatch implements Runnable {

  private static final Logger log = LoggerFactory.getLogger(PolicyFilesWatch.class);

  private final DroolsPolicies policies;
  private final List<Path> watched;
  private List<String> lastSeen;

  /**
   * A watch over the policies' files.
   *
   * @param policies the policies to reload
   * @param watched the rule directories and settings files they were built from
   */
  public PolicyFilesWatch(DroolsPolicies policies, List<Path> watched) {
    this.policies = Objects.requireNonNull(policies, "policies");
    this.watched = List.copyOf(watched);
    this.lastSeen = fingerprint();
  }

  /** Reloads the policies if a file changed, appeared or went since the last look. */
  @Override
  public synchronized void run() {
    List<String> now = fingerprint();
    if (now.equals(lastSeen)) {
      return;
    }
    lastSeen = now;
    try {
      policies.reload();
    } catch (InvalidRuleSetException e) {
      log.error("The changed policy files do not build; the rules in force stay: {}",
          e.getMessage());
    }
  }

  /** Each file's path, size and checksum, in a stable order. */
  private List<String> fingerprint() {
    List<String> files = new ArrayList<>();
    for (Path root : watched) {
      if (!Files.exists(root)) {
        files.add(root + " absent");
        continue;
      }
      try (Stream<Path> paths = Files.walk(root)) {
        paths.filter(Files::isRegularFile).sorted().forEach(file -> {
          try {
            // The content, not the modification time: a save within the file system's time
            // granularity, or a copy that keeps the time, is a change too.
            CRC32 checksum = new CRC32();
            checksum.update(Files.readAllBytes(file));
            files.add(file + " " + Files.size(file) + " " + checksum.getValue());
          } catch (IOException e) {
            files.add(file + " unreadable");
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException("cannot look at the policy files in " + root, e);
      }
    }
    return files;
  }
}
