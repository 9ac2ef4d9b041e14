package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reload reads a policy directory as one snapshot: with the directory switched between two
 * versions (its settings and its switched-off rules both change) during 2,000 reloads, every
 * decision is version A's or version B's, never one version's settings with the other's
 * switched-off rules.
 */
@DisplayName("Reloading a policy directory that changes meanwhile")
class ReloadSnapshotTest {

  private static final String SETTINGS_A = "return-window.days = 30\n";
  private static final String SETTINGS_B = "return-window.days = 10\n";
  private static final String DISABLED_A = "# none\n";
  private static final String DISABLED_B = "eligibility/high-value\n";

  /** A EUR 600 request 20 days after delivery: in review under A, too late under B. */
  private static final EligibilityFacts REQUEST =
      Facts.request("home", "600.00", 20, ReturnReason.CHANGED_MIND);

  private static Path version(Path root, String name, String settings, String disabled)
      throws IOException {
    Path dir = Files.createDirectories(root.resolve(name));
    Files.writeString(dir.resolve(DroolsPolicies.SETTINGS_FILE), settings,
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(DroolsPolicies.DISABLED_FILE), disabled,
        StandardCharsets.UTF_8);
    return dir;
  }

  private static String outcome(EligibilityDecision decision) {
    LineEligibility line = decision.lines().get(0);
    return line.verdict() + " " + line.rationale().reasonCodes() + " "
        + line.rationale().rules();
  }

  private static String outcomeOf(Path dir) {
    return outcome(DroolsPolicies.builder().directory(dir).build().decide(REQUEST));
  }

  /** Points {@code link} at {@code target} in one rename, as a deployment would. */
  private static void switchLink(Path link, Path target) throws IOException {
    Path fresh = link.resolveSibling("next-" + System.nanoTime());
    Files.createSymbolicLink(fresh, target);
    Files.move(fresh, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  @DisplayName("decides every request with one version or the other, never a mix")
  void neverAMix(@TempDir Path root) throws Exception {
    String a = outcomeOf(version(root, "a", SETTINGS_A, DISABLED_A));
    String b = outcomeOf(version(root, "b", SETTINGS_B, DISABLED_B));
    // The two mixes decide differently from both versions, so the test would see one.
    String mixAb = outcomeOf(version(root, "ab", SETTINGS_A, DISABLED_B));
    String mixBa = outcomeOf(version(root, "ba", SETTINGS_B, DISABLED_A));
    assertThat(List.of(mixAb, mixBa)).doesNotContain(a, b);
    assertThat(a).isNotEqualTo(b);

    Path link = root.resolve("current");
    Files.createSymbolicLink(link, root.resolve("a"));
    DroolsPolicies policies = DroolsPolicies.builder().directory(link).build();
    AtomicBoolean done = new AtomicBoolean();
    List<Throwable> failures = new ArrayList<>();
    Thread deployer = new Thread(() -> {
      try {
        for (int i = 0; !done.get(); i++) {
          // Each deployment writes a new directory, then switches the link to it.
          boolean odd = i % 2 == 1;
          Path next = version(root, "v" + i, odd ? SETTINGS_A : SETTINGS_B,
              odd ? DISABLED_A : DISABLED_B);
          switchLink(link, next);
        }
      } catch (IOException e) {
        synchronized (failures) {
          failures.add(e);
        }
      }
    });
    Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
    Thread decider = new Thread(() -> {
      while (!done.get()) {
        seen.computeIfAbsent(outcome(policies.decide(REQUEST)), k -> new AtomicInteger())
            .incrementAndGet();
      }
    });
    deployer.start();
    decider.start();
    for (int reload = 0; reload < 2_000; reload++) {
      policies.reload();
    }
    done.set(true);
    deployer.join();
    decider.join();

    assertThat(failures).isEmpty();
    assertThat(seen.keySet()).isSubsetOf(a, b);
    assertThat(seen.keySet()).as("both versions were in force at some point").contains(a, b);
  }
}
