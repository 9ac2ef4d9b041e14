package dev.returnkit.rules.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("returnkit rules")
class RulesCommandTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  private String output() {
    return buffer.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("lists every default rule with its file, line, decision and status, and every "
      + "setting from returnkit's defaults")
  void defaults() {
    int exit = RulesCommand.run(null, null, out);

    assertThat(exit).isEqualTo(RulesCommand.BUILT);
    assertThat(output()).startsWith("Rule set: defaults\n")
        .containsPattern("(?m)^  eligibility/return-window +dev/returnkit/rules/eligibility/"
            + "return-window\\.drl:\\d+ +eligibility +default$")
        .containsPattern("(?m)^  liability/seller-by-default +dev/returnkit/rules/liability/"
            + "default\\.drl:\\d+ +liability +default$")
        .contains("Settings (a later file wins): returnkit's defaults\n")
        .containsPattern("(?m)^  restocking-fee\\.percent +15 +returnkit's defaults$");
  }

  @Test
  @DisplayName("says which rules a rule directory replaced, added, disabled or removed, and "
      + "which file and line each changed setting came from")
  void ruleDirectory() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Path eligibility = Files.createDirectories(
        rules.resolve("dev/returnkit/rules/eligibility"));
    // The return-window file replaced by one with only a new rule: the default rule is gone.
    Files.writeString(eligibility.resolve("return-window.drl"), """
        package dev.returnkit.rules.eligibility;

        import dev.returnkit.rules.fact.EligibilityLine;
        import dev.returnkit.rules.fact.Verdict;

        rule "short-window"
        when
            $line : EligibilityLine( delivered, daysSinceDelivery > 14 )
        then
            insert(Verdict.reject($line, "RETURN_WINDOW_EXPIRED"));
        end
        """);
    Files.writeString(rules.resolve("disabled-rules.txt"), "eligibility/high-return-rate\n");
    Files.writeString(rules.resolve("policy-settings.properties"),
        "# ours\nrestocking-fee.percent = 10\n");
    Files.writeString(eligibility.resolve("luxury-review.drl"), """
        package dev.returnkit.rules.eligibility;

        import dev.returnkit.rules.fact.EligibilityLine;
        import dev.returnkit.rules.fact.Verdict;

        rule "luxury-review"
        when
            $line : EligibilityLine( category == "luxury", amount > 500 )
        then
            insert(Verdict.review($line, "LUXURY_REVIEW"));
        end
        """);
    Path settings = Files.writeString(dir.resolve("ours.properties"),
        "non-returnable.categories += swimwear\nreturn-window.days.electronic = 14\n");

    int exit = RulesCommand.run(rules, settings, out);

    assertThat(exit).isEqualTo(RulesCommand.BUILT);
    assertThat(output())
        .containsPattern("(?m)^  eligibility/short-window +dev/returnkit/rules/eligibility/"
            + "return-window\\.drl:6 +eligibility +added$")
        .containsPattern("(?m)^  eligibility/luxury-review +dev/returnkit/rules/eligibility/"
            + "luxury-review\\.drl:6 +eligibility +added$")
        .containsPattern("(?m)^  eligibility/return-window +.* +eligibility +removed$")
        .contains("Warnings (1):\n  " + settings + ":2: return-window.days.electronic: "
            + "'electronic' is no category")
        .containsPattern("(?m)^  eligibility/high-return-rate +.* +eligibility +disabled$")
        .containsPattern("(?m)^  restocking-fee\\.percent +10 +"
            + Pattern.quote(rules.resolve("policy-settings.properties") + ":2")
            + "$")
        .containsPattern("(?m)^  non-returnable\\.categories +underwear, perishables, "
            + "gift-cards, personalised, swimwear +" + Pattern.quote(
                settings + ":1 (added to the value before it)") + "$");
  }

  @Test
  @DisplayName("reports a broken rule set and exits 2")
  void broken() throws IOException {
    Path settings = Files.writeString(dir.resolve("bad.properties"),
        "restocking-fee.percent = lots\n");

    assertThat(RulesCommand.run(null, settings, out)).isEqualTo(RulesCommand.BROKEN);
    assertThat(output()).contains("The rules do not build (1 problem):",
        settings + ":1: restocking-fee.percent: must be a number, got 'lots'");
  }
}
