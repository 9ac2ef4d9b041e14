package dev.returnkit.rules.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.rules.RuleProblem;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The policy verifier")
class VerifierTest {

  @TempDir
  Path dir;

  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

  private String output() {
    return printed.toString(StandardCharsets.UTF_8);
  }

  @Test
  @DisplayName("passes the shipped worked cases with the default rules, and prints the table")
  void defaults() {
    int exit = VerifyCommand.run(null, null, null, out);

    assertThat(exit).as(output()).isEqualTo(VerifyCommand.PASSED);
    assertThat(output()).startsWith("Rule set: defaults\n")
        .contains("case                         result  decided\n")
        .contains("wc1-changed-mind             pass    APPROVED "
            + "ELIGIBLE+CUSTOMER_PAYS_RETURN_SHIPPING CUSTOMER RESTOCK refund EUR 83.95\n")
        .contains("    rules: eligibility/eligible, eligibility/customer-pays-return-shipping, "
            + "liability/customer-reason,\n")
        .endsWith(ScenarioFile.defaults().size() + " passed, 0 failed\n");
    // The table fits a console of 120 columns, however long a case's decision or rules.
    assertThat(output().lines())
        .allSatisfy(line -> assertThat(line).hasSizeLessThanOrEqualTo(120));
  }

  @Test
  @DisplayName("fails with exit code 1 and says what differs when a rule change breaks a case")
  void failingCase() throws IOException {
    Path settings = dir.resolve("settings.properties");
    Files.writeString(settings, "restocking-fee.percent = 10\n");

    int exit = VerifyCommand.run(null, settings, null, out);

    assertThat(exit).isEqualTo(VerifyCommand.FAILED);
    assertThat(output()).contains("wc3-no-fault-found")
        .contains("! refund expected EUR 102.00 but was EUR 108.00")
        .contains("! fee expected EUR 18.00 but was EUR 12.00")
        .contains("wc3-no-fault-found           FAIL    APPROVED "
            + "ELIGIBLE+SELLER_PAYS_RETURN_SHIPPING CUSTOMER RESTOCK_OPEN_BOX refund EUR\n"
            + "                                     108.00 fee EUR 12.00 markdown 20 %\n")
        .contains("    expected: APPROVED CUSTOMER RESTOCK_OPEN_BOX refund EUR 102.00 fee EUR "
            + "18.00 markdown 20 %\n")
        .startsWith("Rule set: defaults, settings changed\n")
        // Every case with a fee fails: wc3, wc14 (a fee on a taxed line) and two rule cases.
        .endsWith(" passed, 4 failed\n");
  }

  @Test
  @DisplayName("prints which settings files apply, the --settings file winning over the rule "
      + "directory's, and warns of a category no product has, with file and line")
  void settingsOrderAndWarnings() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("policy-settings.properties"),
        "restocking-fee.percent = 10\nreturn-window.days.electronic = 14\n");
    Path settings = dir.resolve("ours.properties");
    Files.writeString(settings, "restocking-fee.percent = 15\n");

    int exit = VerifyCommand.run(rules, settings, null, out);

    // 15 from --settings wins over the directory's 10: the defaults' cases with fees pass.
    assertThat(exit).isEqualTo(VerifyCommand.PASSED);
    assertThat(output()).contains("Settings (a later file wins): returnkit's defaults < "
        + rules.resolve("policy-settings.properties") + " < " + settings + "\n")
        .contains("Warnings (1 warning):\n  " + rules.resolve("policy-settings.properties")
            + ":2: return-window.days.electronic: 'electronic' is no category the settings "
            + "know; did you mean 'electronics'?");
  }

  @Test
  @DisplayName("runs a policy owner's own scenario file against a rule directory")
  void ownScenarios() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules"));
    Files.writeString(rules.resolve("policy-settings.properties"),
        "return-window.days.electronics = 15\n");
    Path scenarios = dir.resolve("ours.csv");
    Files.writeString(scenarios, """
        case,category,price,delivered_days_ago,reason,expect_status,expect_codes
        phone-day-20,electronics,EUR 399.00,20,CHANGED_MIND,REJECTED,RETURN_WINDOW_EXPIRED
        shirt-day-20,apparel,EUR 39.00,20,CHANGED_MIND,APPROVED,ELIGIBLE
        """);

    int exit = VerifyCommand.run(rules, null, scenarios, true, out);

    assertThat(exit).as(output()).isEqualTo(VerifyCommand.PASSED);
    assertThat(output()).contains("eligibility/return-window").contains("2 passed, 0 failed");
  }

  @Test
  @DisplayName("runs a policy owner's own scenarios after the built-in ones, so a change that "
      + "breaks a default case still shows; only theirs when asked")
  void ownScenariosAddToTheBuiltIns() throws IOException {
    Path scenarios = dir.resolve("ours.csv");
    Files.writeString(scenarios, """
        case,category,price,delivered_days_ago,reason,expect_status,expect_codes
        shirt-day-20,apparel,EUR 39.00,20,CHANGED_MIND,APPROVED,ELIGIBLE
        """);
    int builtIn = ScenarioFile.defaults().size();

    int exit = VerifyCommand.run(null, null, scenarios, out);

    assertThat(exit).isEqualTo(VerifyCommand.PASSED);
    assertThat(output()).contains("wc1-").contains("shirt-day-20")
        .endsWith((builtIn + 1) + " passed, 0 failed\n");
  }

  @Test
  @DisplayName("names a liability rule without the guard before the cases, and says in each "
      + "case it breaks which liabilities were decided")
  void unguardedRule() throws IOException {
    Path file = Files.createDirectories(dir.resolve("rules/dev/returnkit/rules/liability"))
        .resolve("all-seller.drl");
    Files.writeString(file, """
        package dev.returnkit.rules.liability;

        import dev.returnkit.rules.fact.LiabilityFinding;
        import dev.returnkit.rules.fact.LiabilityLine;
        import dev.returnkit.spi.vocabulary.Liability;

        rule "all-seller"
            salience 10
        when
            $line : LiabilityLine()
        then
            insert(LiabilityFinding.of($line, Liability.SELLER, "ALL_SELLER"));
        end
        """);

    int exit = VerifyCommand.run(dir.resolve("rules"), null, null, out);

    assertThat(exit).isEqualTo(VerifyCommand.FAILED);
    assertThat(output()).contains("Warnings (1 warning):\n  dev/returnkit/rules/liability/"
            + "all-seller.drl:7: rule liability/all-seller decides a line's liability without "
            + "checking that no rule did first, so it competes with the defaults")
        .contains("wc1-changed-mind             FAIL    (no decision)\n")
        .contains("! the rules could not decide: the rules decided 2 liabilities for line L-1: "
            + "[CUSTOMER (CUSTOMER_REASON), SELLER\n      (ALL_SELLER)] (rules fired on it: "
            + "[liability/customer-reason, liability/all-seller]);");
  }

  @Test
  @DisplayName("lets an own case named like a built-in one replace it where it stands")
  void ownCaseReplacesBuiltIn() throws IOException {
    Path scenarios = dir.resolve("ours.csv");
    Files.writeString(scenarios, """
        case,category,price,delivered_days_ago,reason,expect_status,expect_codes
        shirt-day-20,apparel,EUR 39.00,20,CHANGED_MIND,APPROVED,ELIGIBLE
        window-last-day,apparel,EUR 30.00,30,CHANGED_MIND,REJECTED,RETURN_WINDOW_EXPIRED
        """);
    Path settings = dir.resolve("short.properties");
    Files.writeString(settings, "return-window.days = 29\n");
    List<Scenario> builtIn = ScenarioFile.defaults();

    int exit = VerifyCommand.run(null, settings, scenarios, out);

    assertThat(exit).as(output()).isEqualTo(VerifyCommand.PASSED);
    assertThat(output())
        .contains("Built-in cases your scenario file replaces: window-last-day\n")
        .endsWith((builtIn.size() + 1) + " passed, 0 failed\n");
    List<String> replaced = new java.util.ArrayList<>();
    List<Scenario> merged = VerifyCommand.withOwn(builtIn, ScenarioFile.load(scenarios),
        replaced);
    int at = builtIn.stream().map(Scenario::name).toList().indexOf("window-last-day");
    assertThat(merged.get(at).expected().status()).isEqualTo("REJECTED");
    assertThat(merged.get(merged.size() - 1).name()).isEqualTo("shirt-day-20");
    assertThat(replaced).containsExactly("window-last-day");
  }

  @Test
  @DisplayName("prints expected, actual, the rules fired and every difference, column by column")
  void wholeTable() throws IOException {
    Path scenarios = dir.resolve("ours.csv");
    Files.writeString(scenarios, """
        case,category,price,delivered_days_ago,reason,grade,shipping_paid,expect_status,expect_codes,expect_liability,expect_disposition,expect_refund,expect_fee,expect_shipping_charge,expect_outbound_refund
        kettle,kitchen,EUR 40.00,5,DEFECTIVE,A,EUR 4.95,APPROVED,ELIGIBLE,SELLER,RESTOCK_OPEN_BOX,EUR 44.95,EUR 0.00,EUR 0.00,EUR 4.95
        all-wrong,kitchen,EUR 40.00,5,DEFECTIVE,A,EUR 4.95,REJECTED,LATE,CUSTOMER,SCRAP,EUR 1.00,EUR 2.00,EUR 3.00,EUR 4.00
        """);

    int exit = VerifyCommand.run(null, null, scenarios, true, out);

    assertThat(exit).isEqualTo(VerifyCommand.FAILED);
    // The table exactly as printed: the decision wraps in its column, the rules fired, what
    // was expected and what differs go under the case.
    assertThat(output()).isEqualTo("""
        Rule set: defaults
        Settings (a later file wins): returnkit's defaults
        case       result  decided
        ---------  ------  ----------------------------------------------------------------------------------
        kettle     pass    APPROVED ELIGIBLE+SELLER_PAYS_RETURN_SHIPPING SELLER RESTOCK_OPEN_BOX refund EUR
                           44.95 shipping EUR 4.95 markdown 20 %
            rules: eligibility/eligible, eligibility/seller-pays-return-shipping, liability/seller-by-default,
                   disposition/open-box, settlement/item-refund, settlement/method-as-requested,
                   settlement/outbound-shipping-refunded
        all-wrong  FAIL    APPROVED ELIGIBLE+SELLER_PAYS_RETURN_SHIPPING SELLER RESTOCK_OPEN_BOX refund EUR
                           44.95 shipping EUR 4.95 markdown 20 %
            rules: eligibility/eligible, eligibility/seller-pays-return-shipping, liability/seller-by-default,
                   disposition/open-box, settlement/item-refund, settlement/method-as-requested,
                   settlement/outbound-shipping-refunded
            expected: REJECTED LATE CUSTOMER SCRAP refund EUR 1.00 fee EUR 2.00 charge EUR 3.00 shipping EUR 4.00
            ! status expected REJECTED but was APPROVED
            ! code LATE expected among [ELIGIBLE, SELLER_PAYS_RETURN_SHIPPING]
            ! liability expected CUSTOMER but was SELLER
            ! disposition expected SCRAP but was RESTOCK_OPEN_BOX
            ! refund expected EUR 1.00 but was EUR 44.95
            ! fee expected EUR 2.00 but was EUR 0.00
            ! shipping charge expected EUR 3.00 but was EUR 0.00
            ! outbound refund expected EUR 4.00 but was EUR 4.95

        1 passed, 1 failed
        """);
  }

  @Test
  @DisplayName("prints a Markdown table, bars in cells escaped, and CSV with only the rows")
  void markdownAndCsv() throws IOException {
    Path scenarios = dir.resolve("ours.csv");
    Files.writeString(scenarios, """
        case,description,category,price,delivered_days_ago,reason,expect_status,expect_codes
        late,"Day 45, too late",home,EUR 39.00,45,CHANGED_MIND,APPROVED,ELIGIBLE
        """);

    int exit = VerifyCommand.run(null, null, scenarios, true, ReportFormat.MARKDOWN, out);

    assertThat(exit).isEqualTo(VerifyCommand.FAILED);
    assertThat(output()).isEqualTo("""
        Rule set: defaults
        Settings (a later file wins): returnkit's defaults

        | case | result | expected | decided | rules fired | differences |
        |---|---|---|---|---|---|
        | late | **FAIL** | APPROVED ELIGIBLE | \
        REJECTED RETURN_WINDOW_EXPIRED+SELLER_PAYS_RETURN_SHIPPING | eligibility/return-window, \
        eligibility/seller-pays-return-shipping | status expected APPROVED but was REJECTED; \
        code ELIGIBLE expected among [RETURN_WINDOW_EXPIRED, SELLER_PAYS_RETURN_SHIPPING] |

        0 passed, 1 failed
        """);

    printed.reset();
    VerifyCommand.run(null, null, scenarios, true, ReportFormat.CSV, out);

    assertThat(output()).isEqualTo("""
        case,description,result,expected,decided,rules_fired,differences
        late,"Day 45, too late",fail,APPROVED ELIGIBLE,\
        REJECTED RETURN_WINDOW_EXPIRED+SELLER_PAYS_RETURN_SHIPPING,\
        eligibility/return-window eligibility/seller-pays-return-shipping,\
        "status expected APPROVED but was REJECTED; code ELIGIBLE expected among \
        [RETURN_WINDOW_EXPIRED, SELLER_PAYS_RETURN_SHIPPING]"
        """);
    assertThat(VerificationReport.markdownCell("a|b")).isEqualTo("a\\|b");
    assertThat(VerificationReport.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
  }

  @Test
  @DisplayName("checks a code that must be absent, the open-box markdown and a promotion's "
      + "clawback")
  void absentCodesMarkdownAndPromotions() throws IOException {
    Path scenarios = dir.resolve("ours.csv");
    Files.writeString(scenarios, """
        case,category,price,quantity,bought,delivered_days_ago,reason,grade,findings,\
        shipping_paid,promotion,expect_codes,expect_markdown,expect_refund
        open-box,kitchen,EUR 40.00,1,1,5,CHANGED_MIND,B,,EUR 0.00,,not ELIGIBLE,25,
        kept-below,home,EUR 40.00,1,3,4,WRONG_ITEM_SHIPPED,A,WRONG_ITEM,EUR 0.00,\
        EUR 12.00 off from EUR 100.00,,,EUR 28.00
        """);

    Path settings = dir.resolve("clawback.properties");
    Files.writeString(settings, "promotion.clawback = true\n");

    int exit = VerifyCommand.run(null, settings, scenarios, true, out);

    assertThat(exit).isEqualTo(VerifyCommand.FAILED);
    assertThat(output())
        .contains("! code ELIGIBLE not expected, but among [ELIGIBLE, "
            + "CUSTOMER_PAYS_RETURN_SHIPPING]")
        .contains("! markdown expected 25 % but was 20 %")
        // The kept EUR 80.00 fall below EUR 100.00: their EUR 8.00 off is clawed back.
        .contains("kept-below  pass    APPROVED ELIGIBLE+SELLER_PAYS_RETURN_SHIPPING SELLER "
            + "RESTOCK refund EUR 28.00\n")
        .endsWith("1 passed, 1 failed\n");
  }

  @Test
  @DisplayName("refuses a promotion that does not read like one, with its line")
  void badPromotion() {
    assertThatThrownBy(() -> ScenarioFile.parse("ours.csv", """
        case,category,price,reason,promotion
        a,home,EUR 40.00,CHANGED_MIND,EUR 12.00 from 100
        b,home,EUR 40.00,CHANGED_MIND,EUR 12.00 off from 100
        """)).isInstanceOfSatisfying(InvalidScenarioFileException.class, e ->
        assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
            "ours.csv:2: promotion: 'EUR 12.00 from 100' should read like 'EUR 10.00 off "
                + "from EUR 100.00'",
            "ours.csv:3: promotion: '100' is not an amount (write it like 'EUR 19.99')"));
  }

  @Test
  @DisplayName("names the formats when asked for one there is not")
  void unknownFormat() {
    assertThat(ReportFormat.named(" Markdown ")).isEqualTo(ReportFormat.MARKDOWN);
    assertThatThrownBy(() -> ReportFormat.named("html"))
        .hasMessage("'html' is no format; the formats are [table, markdown, csv]");
  }

  @Test
  @DisplayName("stops with exit code 2 and every problem when the rules do not build")
  void brokenRules() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules/com/acme"));
    Files.writeString(rules.resolve("broken.drl"), """
        package com.acme;
        import dev.returnkit.rules.fact.EligibilityLine;
        rule "broken" when
          EligibilityLine( quantity > )
        then end
        """);

    int exit = VerifyCommand.run(dir.resolve("rules"), null, null, out);

    assertThat(exit).isEqualTo(VerifyCommand.BROKEN);
    assertThat(output()).startsWith("The rules do not build (1 problem):\n")
        .contains("  com/acme/broken.drl:4: ");
  }

  @Test
  @DisplayName("stops with exit code 2 and every problem when the scenario file is malformed")
  void brokenScenarios() throws IOException {
    Path scenarios = dir.resolve("bad.csv");
    Files.writeString(scenarios, """
        case,category,price,reason,colour
        a,home,EUR 1.00,BORED
        """);

    int exit = VerifyCommand.run(null, null, scenarios, true, out);

    assertThat(exit).isEqualTo(VerifyCommand.BROKEN);
    assertThat(output()).contains("unknown column 'colour'").contains("reason: 'BORED'");
  }

  @Test
  @DisplayName("reports a case the rules cannot decide as failed, and goes on with the others")
  void brokenRuleFailsItsCase() throws IOException {
    Path rules = Files.createDirectories(dir.resolve("rules/com/acme"));
    Files.writeString(rules.resolve("usd.drl"), """
        package com.acme;
        import dev.returnkit.rules.fact.*;
        import dev.returnkit.spi.money.Money;
        rule "fee-in-dollars" when
          $line : SettlementLine( category == "audio" )
        then
          insert(RestockingFee.of($line, Money.of("2.00", "USD"), "USD_FEE"));
        end
        """);

    int exit = VerifyCommand.run(dir.resolve("rules"), null, null, out);

    assertThat(exit).isEqualTo(VerifyCommand.FAILED);
    assertThat(output()).contains("wc3-no-fault-found").contains("(no decision)")
        .contains("! the rules could not decide:").contains("2 failed");
  }

  @Test
  @DisplayName("lists every malformed cell of a scenario at once, in column order")
  void everyMalformedCell() {
    assertThatThrownBy(() -> ScenarioFile.parse("s.csv", """
        case,category,price,reason,quantity,bought,expect_status,final_sale,delivered_days_ago,return_rate,findings,lost
        a,home,EUR 1.00,DEFECTIVE,two,-1,LOST,maybe,x,lots,GLITTER,Perhaps
        """))
        .isInstanceOfSatisfying(InvalidScenarioFileException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).satisfiesExactly(
                p -> assertThat(p).isEqualTo("s.csv:2: quantity: 'two' is not a whole number"),
                p -> assertThat(p).isEqualTo("s.csv:2: bought: cannot be negative"),
                p -> assertThat(p).isEqualTo("s.csv:2: expect_status: 'LOST' is not one of "
                    + "[APPROVED, RETURNLESS, IN_REVIEW, REJECTED]"),
                p -> assertThat(p).isEqualTo("s.csv:2: final_sale: 'maybe' must be yes or no"),
                p -> assertThat(p).isEqualTo(
                    "s.csv:2: delivered_days_ago: 'x' is not a whole number"),
                p -> assertThat(p).isEqualTo("s.csv:2: return_rate: 'lots' is not a number"),
                p -> assertThat(p).startsWith(
                    "s.csv:2: findings: 'GLITTER' is not one of [PACKAGING_DAMAGED, "),
                p -> assertThat(p).isEqualTo("s.csv:2: lost: 'perhaps' must be yes or no")));
  }

  @Test
  @DisplayName("names a missing column and a row longer than the header")
  void malformedShape() {
    assertThatThrownBy(() -> ScenarioFile.parse("s.csv", """
        case,category,price
        a,home,EUR 1.00,DEFECTIVE,extra
        """))
        .isInstanceOfSatisfying(InvalidScenarioFileException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                "s.csv:1: missing column 'reason'",
                "s.csv:2: has 5 values but the header names 3 columns"));
  }

  @Test
  @DisplayName("stops with exit code 2 when the scenario file cannot be read")
  void unreadableScenarios() {
    int exit = VerifyCommand.run(null, null, dir.resolve("missing.csv"), true, out);

    assertThat(exit).isEqualTo(VerifyCommand.BROKEN);
    assertThat(output()).startsWith("The scenario file cannot be read: ")
        .contains("missing.csv");
  }

  @Test
  @DisplayName("passes a scenario that expects nothing, and reads yes, no, true and false")
  void noExpectations() throws IOException {
    Path scenarios = dir.resolve("plain.csv");
    Files.writeString(scenarios, """
        case,category,price,reason,delivered_days_ago,final_sale,lost,grade,findings
        kept,home,EUR 10.00,DEFECTIVE,0,no,false,,
        sealed,home,EUR 10.00,CHANGED_MIND,3,NO,TRUE,,
        checked,kitchen,EUR 20.00,DEFECTIVE,3,false,no,B,"signs_of_use"
        """);

    List<Scenario> parsed = ScenarioFile.load(scenarios);
    int exit = VerifyCommand.run(null, null, scenarios, true, out);

    assertThat(parsed).extracting(Scenario::lost).containsExactly(false, true, false);
    assertThat(parsed.get(0).deliveredDaysAgo()).isZero();
    assertThat(parsed.get(2).findings()).extracting(Enum::name).containsExactly("SIGNS_OF_USE");
    assertThat(exit).as(output()).isEqualTo(VerifyCommand.PASSED);
    assertThat(output()).endsWith("3 passed, 0 failed\n");
  }

  @Test
  @DisplayName("reads files saved with a byte-order mark and Windows line ends")
  void byteOrderMark() {
    List<Scenario> scenarios = ScenarioFile.parse("excel.csv",
        "\uFEFFcase,category,price,reason\r\na,home,EUR 1.00,DEFECTIVE\r\n");

    assertThat(scenarios).singleElement().satisfies(s -> assertThat(s.name()).isEqualTo("a"));
  }

  @Test
  @DisplayName("reports a blank required cell instead of skipping the row")
  void blankRequiredCells() {
    assertThatThrownBy(() -> ScenarioFile.parse("s.csv", """
        case,category,price,reason
        a,home,,DEFECTIVE
        b,home,EUR 1.00,
        """))
        .isInstanceOfSatisfying(InvalidScenarioFileException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                "s.csv:2: price: is required", "s.csv:3: reason: is required"));
  }

  @Test
  @DisplayName("reads quoted values, comments and defaults, and refuses what it cannot read")
  void scenarioFile() {
    List<Scenario> scenarios = ScenarioFile.parse("s.csv", """
        # a comment
        case,description,category,price,reason,findings,lost,expect_refund
        q,"Quoted, with a comma \"\"and quotes\"\"",home,EUR 10.00,DEFECTIVE,SEAL_INTACT+WRONG_ITEM,yes,EUR 14.95
        """);

    assertThat(scenarios).singleElement().satisfies(s -> {
      assertThat(s.description()).isEqualTo("Quoted, with a comma \"and quotes\"");
      assertThat(s.quantity()).isEqualTo(1);
      assertThat(s.bought()).isEqualTo(1);
      assertThat(s.deliveredDaysAgo()).isNull();
      assertThat(s.findings()).hasSize(2);
      assertThat(s.lost()).isTrue();
      assertThat(s.line()).isEqualTo(3);
    });
    assertThatThrownBy(() -> ScenarioFile.parse("s.csv", """
        case,category,price,reason
        x,home,10.00,DEFECTIVE
        x,home,EUR 1.00,DEFECTIVE
        x,home,EUR 1.00,DEFECTIVE
        """))
        .isInstanceOfSatisfying(InvalidScenarioFileException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                "s.csv:2: price: '10.00' is not an amount (write it like 'EUR 19.99')",
                "s.csv:4: case 'x' appears more than once"));
  }
}
