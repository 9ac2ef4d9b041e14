package dev.returnkit.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every benchmark and probe, once, briefly: so that none of them rots between the runs that
 * measure. The figures of a smoke run mean nothing and nothing here checks them.
 */
@DisplayName("The benchmarks, in a smoke run")
class BenchmarksSmokeTest {

  @Test
  @DisplayName("all run, after the cross-check, and their results are written")
  void allRun(@TempDir Path out) throws Exception {
    ByteArrayOutputStream console = new ByteArrayOutputStream();

    String summary = BenchMain.run(BenchMain.Depth.SMOKE, out, ".*",
        new PrintStream(console, true, StandardCharsets.UTF_8));

    assertThat(console.toString(StandardCharsets.UTF_8))
        .contains("cases decided alike", "Results: ");
    assertThat(summary).contains("## Cross-check", "## Start-up", "## Lifecycle",
        "### Decisions", "### One eligibility decision", "### Eligibility on Drools as the rule",
        "### Whole returns per second", "### Hashing one history entry",
        "### A rule run that decides nothing", "| DROOLS |",
        "| JAVA |", "| LEAN |", "| EASY_RULES |", "| MEMORY |", "| POSTGRES |",
        "compiled from DRL at start", "precompiled, with an AppCDS archive");
    assertThat(out.resolve("summary.md")).hasContent(summary);
    String json = Files.readString(out.resolve("jmh-result.json"));
    for (String benchmark : new String[] {"DecisionBenchmark", "SingleDecisionBenchmark",
        "RuleGrowthBenchmark", "LifecycleBenchmark", "HistoryHashBenchmark",
        "RuleRunBenchmark"}) {
      assertThat(json).contains("dev.returnkit.bench.jmh." + benchmark);
    }
  }
}
