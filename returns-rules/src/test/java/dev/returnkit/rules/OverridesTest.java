package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.rules.engine.DefaultRules;
import dev.returnkit.rules.settings.PolicySettings;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a host changes the default policies without forking returnkit, and what goes wrong. */
@DisplayName("Overriding the default rules")
class OverridesTest {

  private static final String WINDOW = "dev/returnkit/rules/eligibility/return-window.drl";

  /** Electronics get 15 days, everything else what the settings say. */
  private static final String ELECTRONICS_WINDOW = """
      package dev.returnkit.rules.eligibility;

      import dev.returnkit.rules.fact.EligibilityLine;
      import dev.returnkit.rules.fact.Verdict;
      import dev.returnkit.rules.settings.PolicySettings;

      rule "return-window"
      when
          $settings : PolicySettings()
          $line : EligibilityLine( delivered, category != "electronics", $category : category,
                                   daysSinceDelivery > $settings.returnWindowDays($category) )
      then
          insert(Verdict.reject($line, "RETURN_WINDOW_EXPIRED"));
      end

      rule "electronics-window"
      when
          $line : EligibilityLine( delivered, category == "electronics", daysSinceDelivery > 15 )
      then
          insert(Verdict.reject($line, "RETURN_WINDOW_EXPIRED"));
      end
      """;

  /** A host's own rule: drones are always looked at. */
  private static final String DRONES = """
      package com.acme.returns;

      import dev.returnkit.rules.fact.EligibilityLine;
      import dev.returnkit.rules.fact.Verdict;

      rule "drones-need-review"
      when
          $line : EligibilityLine( category == "drones" )
      then
          insert(Verdict.review($line, "DRONE_CHECK"));
      end
      """;

  private static LineVerdict verdict(DroolsPolicies policies, String category, int daysAgo) {
    EligibilityDecision decision =
        policies.decide(Facts.request(category, "49.00", daysAgo, ReturnReason.CHANGED_MIND));
    return decision.lines().get(0).verdict();
  }

  @Test
  @DisplayName("a replaced file takes the default's place: electronics get a 15-day window")
  void replaceFile() {
    DroolsPolicies policies = DroolsPolicies.builder().replace(WINDOW, ELECTRONICS_WINDOW)
        .build();

    assertThat(verdict(policies, "electronics", 20)).isEqualTo(LineVerdict.REJECTED);
    assertThat(verdict(policies, "apparel", 20)).isEqualTo(LineVerdict.APPROVED);
    assertThat(verdict(DroolsPolicies.defaults(), "electronics", 20))
        .isEqualTo(LineVerdict.APPROVED);
    assertThat(policies.ruleIds()).contains("eligibility/electronics-window");
    assertThat(policies.description()).contains("1 file(s) replaced");
  }

  @Test
  @DisplayName("a number changes in the settings, without touching a rule")
  void changeSetting() {
    DroolsPolicies policies = DroolsPolicies.builder()
        .setting("return-window.days.electronics", "15").build();

    assertThat(verdict(policies, "electronics", 20)).isEqualTo(LineVerdict.REJECTED);
    assertThat(verdict(policies, "apparel", 20)).isEqualTo(LineVerdict.APPROVED);
    assertThat(policies.settings().returnWindowDays("Electronics")).isEqualTo(15);
  }

  @Test
  @DisplayName("whole settings, or a settings file read at build, take the defaults' place")
  void settingsFromTheBuilder(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("ours.properties");
    Files.writeString(file, "restocking-fee.percent = 12\n");

    DroolsPolicies fromFile = DroolsPolicies.builder().settingsFile(file).build();
    DroolsPolicies whole = DroolsPolicies.builder()
        .settings(PolicySettings.defaults().with("restocking-fee.percent", "11")).build();

    assertThat(fromFile.settings().restockingFeePercent()).isEqualByComparingTo("12");
    assertThat(whole.settings().restockingFeePercent()).isEqualByComparingTo("11");
    assertThat(DroolsPolicies.Builder.defaultRuleFiles()).isEqualTo(DefaultRules.FILES)
        .contains(WINDOW);
  }

  @Test
  @DisplayName("names every file it cannot read, and why, in one refusal")
  void unreadableFiles(@TempDir Path dir) throws IOException {
    Path missing = dir.resolve("nowhere.properties");
    Path folder = Files.createDirectory(dir.resolve("a-folder.drl"));
    Path notADirectory = Files.writeString(dir.resolve("rules.txt"), "");
    assertThatThrownBy(() -> DroolsPolicies.builder().settingsFile(missing)
        .add("dev/returnkit/rules/eligibility/extra.drl", folder)
        .directory(notADirectory).build())
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems())
                .contains(new RuleProblem(missing.toString(), 0,
                        "cannot be read: there is no such file"),
                    new RuleProblem(notADirectory.toString(), 0, "is not a directory"))
                .anySatisfy(problem -> {
                  assertThat(problem.file()).isEqualTo(folder.toString());
                  assertThat(problem.message()).startsWith("cannot be read: ")
                      .doesNotContain("Exception");
                }));
  }

  @Test
  @DisplayName("a switched-off rule no longer fires")
  void disableRule() {
    DroolsPolicies policies = DroolsPolicies.builder().disable("eligibility/return-window")
        .build();

    assertThat(verdict(policies, "home", 400)).isEqualTo(LineVerdict.APPROVED);
    assertThat(policies.disabledRules()).containsExactly("eligibility/return-window");
  }

  @Test
  @DisplayName("a host's own rules add to the defaults, in the host's package")
  void addRule() {
    DroolsPolicies policies =
        DroolsPolicies.builder().add("com/acme/returns/drones.drl", DRONES).build();

    EligibilityDecision decision =
        policies.decide(Facts.request("drones", "120.00", 3, ReturnReason.CHANGED_MIND));

    assertThat(decision.lines().get(0).verdict()).isEqualTo(LineVerdict.IN_REVIEW);
    assertThat(decision.lines().get(0).rationale().reasonCodes()).containsExactly("DRONE_CHECK");
    assertThat(decision.lines().get(0).rationale().rules())
        .containsExactly("com.acme.returns/drones-need-review");
  }

  @Nested
  @DisplayName("a bad rule set is refused with every problem, file and line")
  class BadRules {

    @Test
    @DisplayName("the same rule name twice in one package")
    void duplicateRuleName() {
      assertThatThrownBy(() -> DroolsPolicies.builder().add("com/acme/extra.drl", """
          package dev.returnkit.rules.eligibility;

          import dev.returnkit.rules.fact.EligibilityLine;

          rule "high-value"
          when
              EligibilityLine()
          then
          end
          """).build())
          .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
              assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).isEqualTo("com/acme/extra.drl");
                assertThat(p.line()).isEqualTo(5);
                assertThat(p.message()).contains("'high-value'")
                    .contains("dev/returnkit/rules/eligibility/manual-review.drl:");
              }));
    }

    @Test
    @DisplayName("a syntax error, with its line")
    void syntaxError() {
      assertThatThrownBy(() -> DroolsPolicies.builder().add("com/acme/broken.drl", """
          package com.acme;

          import dev.returnkit.rules.fact.EligibilityLine;

          rule "broken"
          when
              EligibilityLine( quantity > )
          then
          end
          """).build())
          .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
              assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("com/acme/broken.drl");
                assertThat(p.line()).isEqualTo(7);
              }))
          .hasMessageContaining("com/acme/broken.drl:7:");
    }

    @Test
    @DisplayName("a field the facts do not have, located in its file")
    void unknownField() {
      assertThatThrownBy(() -> DroolsPolicies.builder().add("com/acme/typo.drl", """
          package com.acme;

          import dev.returnkit.rules.fact.EligibilityLine;
          import dev.returnkit.rules.fact.Verdict;

          rule "typo"
          when
              $line : EligibilityLine( dayz > 10 )
          then
              insert(Verdict.review($line, "X"));
          end
          """).build())
          .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
              assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("com/acme/typo.drl");
                assertThat(p.line()).isEqualTo(8);
                assertThat(p.message()).contains("dayz");
              }));
    }

    @Test
    @DisplayName("a consequence calling what does not exist, located in its file")
    void unknownMethodInConsequence() {
      assertThatThrownBy(() -> DroolsPolicies.builder().add("com/acme/then.drl", """
          package com.acme;

          import dev.returnkit.rules.fact.EligibilityLine;
          import dev.returnkit.rules.fact.Verdict;

          rule "bad-then"
          when
              $line : EligibilityLine()
          then
              insert(Verdict.escalate($line, "X"));
          end
          """).build())
          .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
              assertThat(e.problems()).anySatisfy(p -> {
                assertThat(p.file()).isEqualTo("com/acme/then.drl");
                assertThat(p.line()).isEqualTo(10);
                assertThat(p.message()).contains("escalate");
              }));
    }

    @Test
    @DisplayName("a rule to switch off that does not exist, a file to replace that is not a "
        + "default, and a bad setting: all reported at once")
    void severalProblems() {
      assertThatThrownBy(() -> DroolsPolicies.builder()
          .disable("eligibility/no-such-rule")
          .replace("dev/returnkit/rules/eligibility/nope.drl", "package x;")
          .setting("restocking-fee.percent", "150")
          .build())
          .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
              assertThat(e.problems()).extracting(RuleProblem::message).anySatisfy(m ->
                  assertThat(m).contains("no default rule file"))
                  .anySatisfy(m -> assertThat(m).contains("restocking-fee.percent: must be "
                      + "between 0 and 100, got 150")));
    }

    @Test
    @DisplayName("switching off an unknown rule is refused with the rule's id")
    void unknownRuleToDisable() {
      assertThatThrownBy(() -> DroolsPolicies.builder().disable("eligibility/nope").build())
          .isInstanceOf(InvalidRuleSetException.class)
          .hasMessageContaining("there is no rule 'eligibility/nope' to switch off");
    }

    @Test
    @DisplayName("a mistyped id in disabled-rules.txt is refused at its line, with 'did you "
        + "mean'")
    void mistypedIdInTheFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
        throws java.io.IOException {
      java.nio.file.Path file = dir.resolve("disabled-rules.txt");
      java.nio.file.Files.writeString(file, "# rules we do not want\neligibility/high-valu\n");

      assertThatThrownBy(() -> DroolsPolicies.builder().directory(dir).build())
          .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
              assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                  file + ":2: there is no rule 'eligibility/high-valu' to switch off; did you "
                      + "mean 'eligibility/high-value'? rule ids look like "
                      + "eligibility/return-window (returnkit rules lists them)"));
    }
  }

  @Nested
  @DisplayName("a rule directory")
  class Directory {

    @TempDir
    Path dir;

    private void write(String path, String text) throws IOException {
      Path file = dir.resolve(path);
      Files.createDirectories(file.getParent());
      Files.writeString(file, text);
    }

    @Test
    @DisplayName("replaces files by path, adds the others, overrides settings, switches rules off")
    void readsEverything() throws IOException {
      write(WINDOW, ELECTRONICS_WINDOW);
      write(DroolsPolicies.SETTINGS_FILE, "review.value-threshold = EUR 100.00\n");
      write(DroolsPolicies.DISABLED_FILE, "# no rate checks this season\n"
          + "\n"
          + "  eligibility/high-return-rate  \n");

      DroolsPolicies policies = DroolsPolicies.builder().directory(dir).build();

      assertThat(verdict(policies, "electronics", 20)).isEqualTo(LineVerdict.REJECTED);
      assertThat(policies.decide(Facts.request("home", "150.00", 3, ReturnReason.CHANGED_MIND))
          .lines().get(0).verdict()).isEqualTo(LineVerdict.IN_REVIEW);
      assertThat(policies.disabledRules()).containsExactly("eligibility/high-return-rate");
    }

    @Test
    @DisplayName("reloads atomically, and keeps the rules in force when the new files are broken")
    void reload() throws IOException {
      DroolsPolicies policies = DroolsPolicies.builder().directory(dir).build();
      assertThat(verdict(policies, "electronics", 20)).isEqualTo(LineVerdict.APPROVED);

      write(WINDOW, ELECTRONICS_WINDOW);
      policies.reload();
      assertThat(verdict(policies, "electronics", 20)).isEqualTo(LineVerdict.REJECTED);

      write(WINDOW, ELECTRONICS_WINDOW.replace("daysSinceDelivery > 15", "daysSinceDelivery >"));
      assertThatThrownBy(policies::reload).isInstanceOf(InvalidRuleSetException.class)
          .hasMessageContaining(WINDOW);
      assertThat(verdict(policies, "electronics", 20)).isEqualTo(LineVerdict.REJECTED);
      assertThat(policies.ruleIds()).contains("eligibility/electronics-window");
    }

    @Test
    @DisplayName("replaces and adds single files read from disk, and reads them again on reload")
    void singleFiles() throws IOException {
      Path window = dir.resolve("our-window.drl");
      Path drones = dir.resolve("drones.drl");
      Files.writeString(window, ELECTRONICS_WINDOW);
      Files.writeString(drones, DRONES);

      DroolsPolicies policies = DroolsPolicies.builder().replace(WINDOW, window)
          .add("com/acme/returns/drones.drl", drones).build();

      assertThat(verdict(policies, "electronics", 20)).isEqualTo(LineVerdict.REJECTED);
      assertThat(verdict(policies, "drones", 3)).isEqualTo(LineVerdict.IN_REVIEW);
      assertThat(policies.ruleIds())
          .contains("eligibility/electronics-window", "com.acme.returns/drones-need-review");

      Files.writeString(window,
          ELECTRONICS_WINDOW.replace("daysSinceDelivery > 15", "daysSinceDelivery > 25"));
      policies.reload();
      assertThat(verdict(policies, "electronics", 20)).isEqualTo(LineVerdict.APPROVED);
      assertThat(verdict(policies, "electronics", 30)).isEqualTo(LineVerdict.REJECTED);
    }

    @Test
    @DisplayName("with a broken settings file names the file and line")
    void brokenSettings() throws IOException {
      write(DroolsPolicies.SETTINGS_FILE, "# ours\nreturn-window.days = thirty\n");

      assertThatThrownBy(() -> DroolsPolicies.builder().directory(dir).build())
          .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
              assertThat(e.problems()).singleElement().satisfies(p -> {
                assertThat(p.file()).endsWith(DroolsPolicies.SETTINGS_FILE);
                assertThat(p.line()).isEqualTo(2);
                assertThat(p.message()).isEqualTo(
                    "return-window.days: must be a whole number, got 'thirty'");
              }));
    }
  }

  @Test
  @DisplayName("the defaults compile from their DRL to the same rules as the precompiled jar")
  void precompiledMatchesSources() {
    DroolsPolicies fromSource = DroolsPolicies.builder()
        .replace(WINDOW, DefaultRules.sources().get(WINDOW)).build();

    assertThat(fromSource.ruleIds()).isEqualTo(DroolsPolicies.defaultRuleIds());
  }
}
