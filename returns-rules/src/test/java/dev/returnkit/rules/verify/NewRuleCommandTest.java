package dev.returnkit.rules.verify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.RuleInForce;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("returnkit new-rule")
class NewRuleCommandTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(buffer, true, StandardCharsets.UTF_8);

  @Test
  @DisplayName("writes, for each decision, a complete file that builds as written, adds its "
      + "rule and changes no case until its condition is changed")
  void templatesBuild() throws IOException {
    Path rules = dir.resolve("rules");
    for (String decision : NewRuleCommand.DECISIONS) {
      assertThat(NewRuleCommand.run(decision, "our-" + decision, rules, out))
          .isEqualTo(NewRuleCommand.WRITTEN);
    }
    Path written = rules.resolve("dev/returnkit/rules/eligibility/our-eligibility.drl");
    assertThat(Files.readString(written)).startsWith("// our-eligibility: ")
        .contains("package dev.returnkit.rules.eligibility;\n",
            "import dev.returnkit.rules.fact.EligibilityLine;\n",
            "insert(Verdict.review($line, \"OUR_ELIGIBILITY\"));");

    DroolsPolicies policies = DroolsPolicies.builder().directory(rules).build();

    assertThat(policies.rules()).filteredOn(rule -> rule.id().contains("/our-"))
        .extracting(RuleInForce::id).containsExactly("disposition/our-disposition",
            "eligibility/our-eligibility", "liability/our-liability",
            "settlement/our-settlement");
    assertThat(policies.rules()).filteredOn(rule -> rule.id().contains("/our-"))
        .extracting(RuleInForce::status).containsOnly(RuleInForce.Status.ADDED);
    assertThat(VerifyCommand.run(rules, null, null, out)).isEqualTo(VerifyCommand.PASSED);

    // Once its condition matches, the settlement rule settles the line its way, before the
    // default that settles it as asked.
    Path settlement = rules.resolve("dev/returnkit/rules/settlement/our-settlement.drl");
    Files.writeString(settlement, Files.readString(settlement)
        .replace("category == \"change-me\"", "category == \"apparel\""));
    Scenario apparel = ScenarioFile.parse("ours.csv", """
        case,category,price,delivered_days_ago,reason,grade,findings
        shirt,apparel,EUR 30.00,5,DOES_NOT_FIT,A,SEAL_INTACT
        """).get(0);
    VerificationReport.CaseResult settled = PolicyVerifier.verify(
        DroolsPolicies.builder().directory(rules).build(), apparel);
    assertThat(settled.rulesFired()).contains("settlement/our-settlement")
        .doesNotContain("settlement/method-as-requested");
  }

  @Test
  @DisplayName("writes the default grading table, which changes no case, and a table of one's "
      + "own whose row matches nothing until it is changed; refuses other decisions")
  void tables() throws IOException {
    Path rules = dir.resolve("rules");

    assertThat(NewRuleCommand.table("disposition", "grading", rules, out))
        .isEqualTo(NewRuleCommand.WRITTEN);
    assertThat(NewRuleCommand.table("disposition", "opened-electronics", rules, out))
        .isEqualTo(NewRuleCommand.WRITTEN);

    Path own = rules.resolve("dev/returnkit/rules/disposition/opened-electronics.drl.csv");
    assertThat(Files.readString(own)).startsWith("\"# opened-electronics: a disposition table")
        .contains("RuleTable OPENED_ELECTRONICS\n")
        .endsWith("\nopened-electronics,58,,,change-me,\"REFURBISH, OPENED_ELECTRONICS\",\n")
        .doesNotContain("sealed-as-new");
    assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("Wrote " + rules.resolve(
        "dev/returnkit/rules/disposition/grading.drl.csv") + " (disposition table grading).\n"
        + "Change its rows, then check it: returnkit verify --rules " + rules + "\n");
    assertThat(VerifyCommand.run(rules, null, null, out)).isEqualTo(VerifyCommand.PASSED);
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains("Rule set: defaults, 1 file(s) replaced, 1 added\n");

    buffer.reset();
    assertThat(NewRuleCommand.table("liability", "ours", rules, out))
        .isEqualTo(NewRuleCommand.REFUSED);
    assertThat(buffer.toString(StandardCharsets.UTF_8)).startsWith("There is no table for "
        + "'liability': returnkit ships a decision table for disposition");
    assertThat(NewRuleCommand.table("disposition", "grading", rules, out))
        .isEqualTo(NewRuleCommand.REFUSED);
    assertThat(NewRuleCommand.table("disposition", "Bad Name", rules, out))
        .isEqualTo(NewRuleCommand.REFUSED);
  }

  @Test
  @DisplayName("refuses an existing file, an unknown decision and a bad name, writing nothing")
  void refusals() throws IOException {
    Path rules = dir.resolve("rules");
    assertThat(NewRuleCommand.run("eligibility", "luxury-review", rules, out))
        .isEqualTo(NewRuleCommand.WRITTEN);
    Path file = rules.resolve("dev/returnkit/rules/eligibility/luxury-review.drl");
    Files.writeString(file, "// mine\n" + Files.readString(file));

    assertThat(NewRuleCommand.run("eligibility", "luxury-review", rules, out))
        .isEqualTo(NewRuleCommand.REFUSED);
    assertThat(Files.readString(file)).startsWith("// mine\n");
    assertThat(NewRuleCommand.run("shipping", "bonus", rules, out))
        .isEqualTo(NewRuleCommand.REFUSED);
    assertThat(NewRuleCommand.run("eligibility", "Luxury Review", rules, out))
        .isEqualTo(NewRuleCommand.REFUSED);
    assertThat(buffer.toString(StandardCharsets.UTF_8))
        .contains(file + " exists already; nothing was written")
        .contains("There is no template for 'shipping'")
        .contains("'Luxury Review' is no rule name");
    assertThat(rules.resolve("dev/returnkit/rules/shipping")).doesNotExist();
  }
}
