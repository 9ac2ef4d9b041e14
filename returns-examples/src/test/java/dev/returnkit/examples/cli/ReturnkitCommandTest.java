package dev.returnkit.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The returnkit command")
class ReturnkitCommandTest {

  private static CommandRun run(String... args) {
    return CommandRun.run(args);
  }

  @Nested
  @DisplayName("demo")
  class DemoSubcommand {

    @Test
    @DisplayName("runs, prints progress and the report, and writes Markdown and CSV")
    void runsAndWritesTheReport(@TempDir Path out) throws IOException {
      CommandRun run = run("demo", "--cases", "80", "--seed", "3", "--out", out.toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).contains("Simulating 80 returns", "done by", "Outcomes",
          "Return reasons (Pareto)", "Liability", "Dispositions", "Money", "Cycle times",
          "Products returned most", "Cases sent to manual review", "Checks");
      assertThat(run.out()).doesNotContain("FAILED")
          .contains("Stored in memory: 80 cases, ", " saves/s");
      assertThat(out.resolve("report.md")).isNotEmptyFile();
      assertThat(Files.readString(out.resolve("report.md"))).startsWith("# returnkit demo");
      assertThat(Files.readAllLines(out.resolve("cases.csv"))).hasSize(81);
      assertThat(out.resolve("lines.csv")).isNotEmptyFile();
      assertThat(out.resolve("tables").resolve("04-reasons.csv")).isNotEmptyFile();
    }

    @Test
    @DisplayName("takes a policy owner's settings: a longer window refuses no late returns")
    void takesSettings(@TempDir Path dir) throws IOException {
      Path settings = dir.resolve("longer-window.properties");
      // The default sets furniture's window apart; the longer window must cover it too.
      Files.writeString(settings,
          "return-window.days = 60\nreturn-window.days.furniture = 60\n");

      CommandRun defaults = run("demo", "--cases", "150", "--seed", "5", "--out",
          dir.resolve("a").toString());
      CommandRun longer = run("demo", "--cases", "150", "--seed", "5", "--settings",
          settings.toString(), "--out", dir.resolve("b").toString());

      assertThat(defaults.exitCode()).isZero();
      assertThat(longer.exitCode()).as(longer.err()).isZero();
      assertThat(Files.readString(dir.resolve("a").resolve("lines.csv")))
          .contains("RETURN_WINDOW_EXPIRED");
      assertThat(Files.readString(dir.resolve("b").resolve("lines.csv")))
          .doesNotContain("RETURN_WINDOW_EXPIRED");
      assertThat(longer.out()).contains("defaults, settings changed");
    }

    @Test
    @DisplayName("reports a broken rule file by name and line, and exits 2")
    void brokenRules(@TempDir Path rules) throws IOException {
      Files.createDirectories(rules.resolve("eligibility"));
      Files.writeString(rules.resolve("eligibility").resolve("return-window.drl"), """
          package dev.returnkit.rules.eligibility;
          rule "return-window"
          when
              this is not DRL
          then
          end
          """);

      CommandRun run = run("demo", "--cases", "10", "--rules", rules.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("the policies do not build", "return-window.drl");
    }

    @Test
    @DisplayName("reports a bad setting by file, line and key, and exits 2")
    void badSetting(@TempDir Path dir) throws IOException {
      Path settings = dir.resolve("typo.properties");
      Files.writeString(settings, "restocking-fee.percent = lots\n");

      CommandRun run = run("demo", "--cases", "10", "--settings", settings.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("typo.properties:1", "restocking-fee.percent",
          "must be a number");
    }

    @Test
    @DisplayName("names a settings file that does not exist, in words, before simulating")
    void missingSettingsFile(@TempDir Path dir) {
      Path missing = dir.resolve("nonexistent.properties");

      CommandRun run = run("demo", "--cases", "10", "--settings", missing.toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains(missing + ": cannot be read: there is no such file")
          .doesNotContain("Exception");
      assertThat(run.out()).doesNotContain("Simulating");
    }

    @Test
    @DisplayName("refuses a report folder it cannot write before simulating the month")
    void unwritableOut(@TempDir Path dir) throws IOException {
      Path file = Files.writeString(dir.resolve("a-file"), "not a folder");

      CommandRun run = run("demo", "--cases", "10", "--out", file.resolve("report").toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).startsWith("returnkit demo: cannot write the report to "
          + file.resolve("report") + ": ");
      assertThat(run.out()).doesNotContain("Simulating");
    }

    @Test
    @DisplayName("prints the settings' warnings and goes on")
    void warnsAndRuns(@TempDir Path dir) throws IOException {
      Path settings = Files.writeString(dir.resolve("ours.properties"),
          "return-window.days.electronic = 14\n");

      CommandRun run = run("demo", "--cases", "10", "--settings", settings.toString(), "--out",
          dir.resolve("out").toString());

      assertThat(run.exitCode()).isZero();
      assertThat(run.err()).contains("returnkit demo: warning: " + settings
          + ":1: return-window.days.electronic: 'electronic' is no category");
      assertThat(run.out()).contains("Simulating 10 returns");
    }

    @Test
    @DisplayName("refuses a number of cases out of range, and exits 2")
    void badCases() {
      CommandRun run = run("demo", "--cases", "0");

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.err()).contains("1 to 200000 cases, not 0");
    }
  }

  @Test
  @DisplayName("new-rule writes a rule file that verify then builds and passes")
  void newRule(@TempDir Path dir) {
    Path rules = dir.resolve("our-rules");

    CommandRun written = run("new-rule", "eligibility", "luxury-review", "--rules",
        rules.toString());
    CommandRun checked = run("verify", "--rules", rules.toString());

    assertThat(written.exitCode()).isZero();
    assertThat(written.out()).contains("Wrote " + rules.resolve(
        "dev/returnkit/rules/eligibility/luxury-review.drl"));
    assertThat(checked.exitCode()).isZero();
    assertThat(run("rules", "--rules", rules.toString()).out())
        .containsPattern("eligibility/luxury-review .* added");
  }

  @Test
  @DisplayName("rules lists the rules and settings in force")
  void rules() {
    CommandRun run = run("rules");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Rule set: defaults")
        .contains("eligibility/return-window", "default", "restocking-fee.percent",
            "returnkit's defaults");
  }

  @Nested
  @DisplayName("compare")
  class CompareSubcommandTest {

    @Test
    @DisplayName("prints what a settings change does to the same month, and writes it with --out")
    void settingsChange(@TempDir Path dir) throws IOException {
      Path settings = dir.resolve("electronics-15.properties");
      Files.writeString(settings, "return-window.days.electronics = 15\n");

      CommandRun run = run("compare", "--settings", settings.toString(), "--cases", "200",
          "--out", dir.resolve("what-if").toString());

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).startsWith("Simulating the same 200 returns (seed 2026) under A "
              + "and B...\n")
          .contains("  A: the defaults (with the demo shop's settings)\n"
              + "  B: the defaults (with the demo shop's settings), settings " + settings + "\n")
          .contains("Outcomes\n", "What changed\n", "Money\n", "Review load\n",
              "By category\n", "By return reason\n")
          .containsPattern("verdict: APPROVED ELIGIBLE -> REJECTED\\s+\\d+  R-\\d{6} "
              + "\\(electronics, ");
      assertThat(run.out().lines()).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(120));
      assertThat(dir.resolve("what-if/comparison.md")).content()
          .startsWith("# What the policy change does\n").contains("## What changed");
      assertThat(dir.resolve("what-if/tables/compare-01-outcomes.csv")).content()
          .startsWith("path,A,B,change\n");
    }

    @Test
    @DisplayName("prints CSV tables after a title line with --format csv")
    void csv(@TempDir Path dir) throws IOException {
      Path settings = dir.resolve("fee.properties");
      Files.writeString(settings, "restocking-fee.percent = 10\n");

      CommandRun run = run("compare", "--base-settings", settings.toString(), "--cases", "50",
          "--format", "csv");

      assertThat(run.exitCode()).as(run.err()).isZero();
      assertThat(run.out()).startsWith("# Outcomes\npath,A,B,change\n")
          .contains("\n# Money\n,A (EUR),B (EUR),change (EUR)\n");
    }

    @Test
    @DisplayName("refuses to run without a policy B, or with one that does not build, before "
        + "simulating")
    void refusals(@TempDir Path dir) throws IOException {
      CommandRun none = run("compare");

      assertThat(none.exitCode()).isEqualTo(2);
      assertThat(none.err()).contains("give policy B with --rules or --settings");

      Path settings = dir.resolve("bad.properties");
      Files.writeString(settings, "restocking-fee.percent = lots\n");
      CommandRun bad = run("compare", "--settings", settings.toString());

      assertThat(bad.exitCode()).isEqualTo(2);
      assertThat(bad.err()).contains("returnkit compare: policy B does not build (1 problem):\n"
          + "  " + settings + ":1: restocking-fee.percent");
      assertThat(bad.out()).doesNotContain("Simulating");
    }
  }

  @Nested
  @DisplayName("verify")
  class VerifySubcommandTest {

    @Test
    @DisplayName("passes the default rules against the worked cases")
    void defaultsPass() {
      CommandRun run = run("verify");

      assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
      assertThat(run.out()).contains("Rule set: defaults").containsPattern("\\d+ passed, 0 failed");
    }

    @Test
    @DisplayName("exits 1 when a changed setting breaks a scenario")
    void changedSettingFails(@TempDir Path dir) throws IOException {
      Path settings = dir.resolve("no-fee.properties");
      Files.writeString(settings, "restocking-fee.percent = 0\n");

      CommandRun run = run("verify", "--settings", settings.toString());

      assertThat(run.exitCode()).isEqualTo(1);
      assertThat(run.out()).containsPattern("[1-9]\\d* failed");
    }

    @Test
    @DisplayName("prints CSV rows only with --format csv, and names the formats for a wrong one")
    void formats() {
      CommandRun csv = run("verify", "--format", "csv");

      assertThat(csv.exitCode()).isZero();
      assertThat(csv.out()).startsWith(
          "case,description,result,expected,decided,rules_fired,differences\n"
              + "wc1-changed-mind,\"Changed mind on day 10, sealed\",pass,");

      CommandRun wrong = run("verify", "--format", "html");

      assertThat(wrong.exitCode()).isEqualTo(2);
      assertThat(wrong.err()).contains("'html' is no format; the formats are "
          + "[table, markdown, csv]");
    }

    @Test
    @DisplayName("exits 2 on a scenario file it cannot read")
    void unreadableScenarios(@TempDir Path dir) {
      CommandRun run = run("verify", "--scenarios", dir.resolve("missing.csv").toString());

      assertThat(run.exitCode()).isEqualTo(2);
      assertThat(run.out()).contains("cannot be read");
    }
  }

  @Test
  @DisplayName("shows usage on an unknown option and exits 2")
  void unknownOption() {
    CommandRun run = run("demo", "--casez", "3");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("Unknown option", "--cases");
  }

  @Test
  @DisplayName("lists its subcommands without arguments and with --help")
  void help() {
    assertThat(run().out()).contains("demo", "verify", "rules");
    CommandRun help = run("--help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).contains("demo", "verify");
    assertThat(run("demo", "--help").out()).contains("--cases", "--seed", "--rules",
        "--settings", "--out");
  }
}
