package dev.returnkit.rules.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.rules.RuleInForce;
import dev.returnkit.rules.RuleProblem;
import dev.returnkit.rules.verify.PolicyVerifier;
import dev.returnkit.rules.verify.ScenarioFile;
import dev.returnkit.rules.verify.VerificationReport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Decision tables in a policy directory")
class DecisionTableTest {

  /** The shipped default table: the rules of disposition/grading.drl, one row each. */
  static final String SHIPPED = "dev/returnkit/rules/tables/grading-table.drl.csv.txt";
  /** Where a policy owner puts it to replace disposition/grading.drl. */
  static final String REPLACING = "dev/returnkit/rules/disposition/grading.drl.csv";

  @TempDir
  Path dir;

  static String shippedTable() throws IOException {
    try (InputStream in = Objects.requireNonNull(DecisionTableTest.class.getClassLoader()
        .getResourceAsStream(SHIPPED))) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private Path ruleDirectory(String table) throws IOException {
    Path file = dir.resolve("rules").resolve(REPLACING);
    Files.createDirectories(file.getParent());
    Files.writeString(file, table);
    return dir.resolve("rules");
  }

  private static List<String> scenarioResults(DroolsPolicies policies) {
    VerificationReport report = PolicyVerifier.verify(policies, ScenarioFile.defaults());
    return report.cases().stream().map(c -> c.scenario().name() + " " + c.passed() + " "
        + (c.actual() == null ? null : c.actual().disposition()) + " " + c.rulesFired())
        .toList();
  }

  @Test
  @DisplayName("the shipped table replaces grading.drl and decides every built-in case alike, "
      + "its rules listed at their rows")
  void shippedTableDecidesLikeTheRuleFile() throws IOException {
    DroolsPolicies policies = DroolsPolicies.builder().directory(ruleDirectory(shippedTable()))
        .build();

    assertThat(policies.description()).isEqualTo("defaults, 1 file(s) replaced, 0 added");
    assertThat(scenarioResults(policies))
        .isEqualTo(scenarioResults(DroolsPolicies.defaults()))
        .allSatisfy(result -> assertThat(result).contains(" true "));
    assertThat(policies.rules()).filteredOn(r -> r.id().startsWith("disposition/"))
        .contains(new RuleInForce("disposition/sealed-as-new", REPLACING, 10, "disposition",
                RuleInForce.Status.REPLACED),
            new RuleInForce("disposition/wrong-item-as-new", REPLACING, 11, "disposition",
                RuleInForce.Status.REPLACED),
            new RuleInForce("disposition/open-box", REPLACING, 12, "disposition",
                RuleInForce.Status.REPLACED));
  }

  @Test
  @DisplayName("a new row changes what its lines get, and a row's rule can be switched off")
  void newRowAndDisabledRow() throws IOException {
    String table = shippedTable() + "opened-electronics,52,B,,electronics,"
        + "\"REFURBISH, OPENED_ELECTRONICS\",\n";
    Path rules = ruleDirectory(table);
    DroolsPolicies policies = DroolsPolicies.builder().directory(rules).build();
    dev.returnkit.rules.verify.Scenario electronicsB = scenario("electronics", "B");
    dev.returnkit.rules.verify.Scenario kitchenB = scenario("kitchen", "B");

    assertThat(PolicyVerifier.verify(policies, electronicsB).actual().disposition())
        .hasToString("REFURBISH");
    assertThat(PolicyVerifier.verify(policies, electronicsB).rulesFired())
        .contains("disposition/opened-electronics");
    assertThat(PolicyVerifier.verify(policies, kitchenB).actual().disposition())
        .hasToString("RESTOCK_OPEN_BOX");
    assertThat(policies.rules()).contains(new RuleInForce("disposition/opened-electronics",
        REPLACING, 13, "disposition", RuleInForce.Status.ADDED));

    Files.writeString(rules.resolve("disabled-rules.txt"), "disposition/opened-electronics\n");
    DroolsPolicies switchedOff = DroolsPolicies.builder().directory(rules).build();

    assertThat(PolicyVerifier.verify(switchedOff, electronicsB).actual().disposition())
        .hasToString("RESTOCK_OPEN_BOX");
  }

  @Test
  @DisplayName("keeps restocking fees by category as a table that replaces restocking-fee.drl: "
      + "the first row that matches a line sets its fee")
  void feeTable() throws IOException {
    String table = """
        RuleSet,dev.returnkit.rules.settlement
        Import,"dev.returnkit.rules.fact.RestockingFee, dev.returnkit.rules.fact.SettlementLine, \
        dev.returnkit.spi.vocabulary.ItemGrade, dev.returnkit.spi.vocabulary.Liability"

        RuleTable Fees
        NAME,PRIORITY,CONDITION,CONDITION,CONDITION,ACTION
        ,,$line : SettlementLine...,SettlementLine...,SettlementLine...,
        ,,liability == Liability.$param,forall(||){grade == ItemGrade.$},\
        "category == ""$param""\","insert(RestockingFee.of($line, \
        $line.paidForAccepted().percent(new java.math.BigDecimal(""$param"")), \
        ""RESTOCKING_FEE""));"
        rule,priority,liable,grade,category,percent
        electronics-fee,20,CUSTOMER,"B, C, D",electronics,25
        restocking-fee,10,CUSTOMER,"B, C, D",,15
        """;
    Path file = dir.resolve("rules/dev/returnkit/rules/settlement/restocking-fee.drl.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, table);
    DroolsPolicies policies = DroolsPolicies.builder().directory(dir.resolve("rules")).build();

    // One fee per line, the first row that matches: 25 % for electronics, 15 % elsewhere.
    VerificationReport report = PolicyVerifier.verify(policies, ScenarioFile.defaults());
    assertThat(report.cases()).filteredOn(c -> !c.passed())
        .extracting(c -> c.scenario().name()).containsExactly("serial-mismatch");
    assertThat(report.cases()).filteredOn(c -> c.scenario().name().equals("serial-mismatch"))
        .singleElement().satisfies(c -> assertThat(c.actual().fee())
            .hasToString("EUR 75.00"));
    assertThat(report.cases()).filteredOn(c -> c.scenario().name().equals("wc3-no-fault-found"))
        .singleElement().satisfies(c -> assertThat(c.rulesFired())
            .contains("settlement/restocking-fee").doesNotContain("settlement/electronics-fee"));
  }

  @Test
  @DisplayName("turns a table into DRL with each row's guard, and reports a rule name taken by "
      + "a default at the row that reuses it")
  void generatedDrlAndDuplicateNames() throws IOException {
    String oneRow = shippedTable().substring(0, shippedTable().indexOf("wrong-item-as-new"));
    DecisionTable table = DecisionTable.read("dev/returnkit/rules/disposition/ours.drl.csv",
        oneRow.getBytes(UTF8));

    assertThat(table.drlPath()).isEqualTo("dev/returnkit/rules/disposition/ours.drl");
    assertThat(table.path()).isEqualTo("dev/returnkit/rules/disposition/ours.drl.csv");
    assertThat(table.drl().stripTrailing()).endsWith("""
        // rule values at A10, header at A5
        rule "sealed-as-new"
        	salience 60
        	when
        		$settings : dev.returnkit.rules.settings.PolicySettings()
        		$line : DispositionLine(grade == ItemGrade.A, found(InspectionFinding.SEAL_INTACT))
        		not dev.returnkit.rules.fact.DispositionChoice( lineKey == $line.lineKey )
        	then
        		insert(DispositionChoice.of($line, Disposition.RESTOCK, "SEALED"));
        end
        """.stripTrailing());
    // The rule's first and last lines are the row's; the line before is not.
    int ruleLine = table.drl().lines().toList().indexOf("rule \"sealed-as-new\"") + 1;
    int endLine = table.drl().lines().toList().lastIndexOf("end") + 1;
    assertThat(table.locate(new RuleProblem(table.drlPath(), ruleLine, "x")).line())
        .isEqualTo(10);
    assertThat(table.locate(new RuleProblem(table.drlPath(), endLine, "x")).line())
        .isEqualTo(10);
    assertThat(table.locate(new RuleProblem(table.drlPath(), ruleLine - 1, "x")))
        .isEqualTo(new RuleProblem(table.path(), 0, "x"));
    assertThat(table.atRow(new RuleProblem(table.drlPath(), ruleLine + 2, "w")))
        .isEqualTo(new RuleProblem(table.path(), 10, "w"));
    // Drools gave no line, and the message's words are in no rule alone: no row is guessed.
    assertThat(table.locate(new RuleProblem(table.drlPath(), 0, "Unknown field X")))
        .isEqualTo(new RuleProblem(table.path(), 0, "Unknown field X"));

    // The copy added under another name keeps the defaults' rule names: refused at the row.
    Path file = dir.resolve("rules/dev/returnkit/rules/disposition/ours.drl.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, oneRow);
    assertThatThrownBy(() -> DroolsPolicies.builder().directory(dir.resolve("rules")).build())
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).singleElement().satisfies(problem -> {
              assertThat(problem.file()).isEqualTo("dev/returnkit/rules/disposition/ours.drl.csv");
              assertThat(problem.line()).isEqualTo(10);
              assertThat(problem.message()).startsWith("rule sealed-as-new: rule "
                  + "'sealed-as-new' is already defined in package dev.returnkit.rules."
                  + "disposition at dev/returnkit/rules/disposition/grading.drl:");
            }));
  }

  @Test
  @DisplayName("finds a wrong cell's sheet in a workbook of several, and the longest word "
      + "a message names among the row's cells")
  void sheetsAndColumns() throws IOException {
    byte[] workbook = workbook(shippedTable().replace("open-box,50,\"A, B\",,,,OPEN_BOX",
        "open-box,50,\"A, B\",SIGNS_OF_USEE,,,OPEN_BOX"), "Notes");
    Path file = dir.resolve("rules").resolve(REPLACING.replace(".csv", ".xlsx"));
    Files.createDirectories(file.getParent());
    Files.write(file, workbook);

    assertThatThrownBy(() -> DroolsPolicies.builder().directory(dir.resolve("rules")).build())
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).as(e.problems().toString()).singleElement()
                .satisfies(problem -> {
              assertThat(problem.line()).isEqualTo(12);
              assertThat(problem.message()).isEqualTo("sheet Grading, column D (finding), "
                  + "rule open-box: 'SIGNS_OF_USEE' is no InspectionFinding; did you mean "
                  + "SIGNS_OF_USE? the values are " + java.util.Arrays.toString(
                      dev.returnkit.spi.vocabulary.InspectionFinding.values()));
            }));
  }

  @Test
  @DisplayName("takes a table of eligibility rules as written: shorter windows by category")
  void eligibilityTable() throws IOException {
    Path file = dir.resolve("rules/dev/returnkit/rules/eligibility/short-windows.drl.csv");
    Files.createDirectories(file.getParent());
    Files.writeString(file, """
        RuleSet,dev.returnkit.rules.eligibility
        Import,"dev.returnkit.rules.fact.EligibilityLine, dev.returnkit.rules.fact.Verdict"

        RuleTable ShortWindows
        NAME,CONDITION,CONDITION,ACTION
        ,$line : EligibilityLine...,EligibilityLine...,
        ,"category == ""$param""\",daysSinceDelivery > $param,"insert(Verdict.reject($line, ""$param""));"
        rule,category,days,code
        electronics-15-days,electronics,15,RETURN_WINDOW_EXPIRED
        """);
    DroolsPolicies policies = DroolsPolicies.builder().directory(dir.resolve("rules")).build();

    VerificationReport report = PolicyVerifier.verify(policies, ScenarioFile.parse("t.csv", """
        case,category,price,delivered_days_ago,reason,expect_status,expect_codes
        phone-day-20,electronics,EUR 99.00,20,CHANGED_MIND,REJECTED,RETURN_WINDOW_EXPIRED
        phone-day-15,electronics,EUR 99.00,15,CHANGED_MIND,APPROVED,ELIGIBLE
        shirt-day-20,apparel,EUR 39.00,20,CHANGED_MIND,APPROVED,ELIGIBLE
        """));

    assertThat(report.cases()).allSatisfy(c -> assertThat(c.mismatches()).isEmpty());
    assertThat(report.cases().get(0).rulesFired()).contains("eligibility/electronics-15-days");
    assertThat(policies.rules()).contains(new RuleInForce("eligibility/electronics-15-days",
        "dev/returnkit/rules/eligibility/short-windows.drl.csv", 9, "eligibility",
        RuleInForce.Status.ADDED));
    assertThat(policies.warnings()).isEmpty();
  }

  @Test
  @DisplayName("reports a wrong cell at its row and column, with the rule and the problem")
  void wrongCell() throws IOException {
    String table = shippedTable().replace("open-box,50,\"A, B\"", "open-box,50,\"A, E\"");
    Path rules = ruleDirectory(table);

    assertThatThrownBy(() -> DroolsPolicies.builder().directory(rules).build())
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).singleElement().satisfies(problem -> {
              assertThat(problem.file()).isEqualTo(REPLACING);
              assertThat(problem.line()).isEqualTo(12);
              assertThat(problem.message()).isEqualTo("column C (grade), rule open-box: "
                  + "'E' is no ItemGrade; the values are [A, B, C, D]");
            }));
  }

  @Test
  @DisplayName("refuses a line-decision table whose rows bind no $line, and a table with no "
      + "rules, naming the table")
  void refusals() throws IOException {
    String noLine = shippedTable().replace("$line : DispositionLine...", "DispositionLine...");

    assertThatThrownBy(() -> DecisionTable.read(REPLACING, noLine.getBytes(UTF8)))
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).first().isEqualTo(
                REPLACING + ":10: a row that decides a line's DispositionChoice decides it "
                    + "once, so it binds the line as $line: write '$line : DispositionLine' in "
                    + "the object type row"));
    assertThatThrownBy(() -> DecisionTable.read(REPLACING, "RuleSet,x\n".getBytes(UTF8)))
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).singleElement()
                .asString().isEqualTo(REPLACING + ": the table cannot be read: No RuleTable "
                    + "cells in spreadsheet."));
    assertThatThrownBy(() -> DecisionTable.read(REPLACING, shippedTable().getBytes(UTF8), false))
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).extracting(RuleProblem::toString).containsExactly(
                REPLACING + ": decision tables need Drools' decision-table compiler: add the "
                    + "dependency org.drools:drools-decisiontables (the version of "
                    + "drools-engine) to the application"));
    assertThat(DecisionTable.isTable("a/b.drl.csv")).isTrue();
    assertThat(DecisionTable.isTable("a/b.DRL.XLSX")).isTrue();
    assertThat(DecisionTable.isTable("a/b.csv")).isFalse();
    assertThat(DecisionTable.letter(0)).isEqualTo("A");
    assertThat(DecisionTable.letter(25)).isEqualTo("Z");
    assertThat(DecisionTable.letter(26)).isEqualTo("AA");
  }

  @Test
  @DisplayName("reads an Excel workbook the same way, and names the sheet of a wrong cell")
  void workbook() throws IOException {
    Path file = dir.resolve("rules").resolve(REPLACING.replace(".csv", ".xlsx"));
    Files.createDirectories(file.getParent());
    Files.write(file, workbook(shippedTable()));
    DroolsPolicies policies = DroolsPolicies.builder().directory(dir.resolve("rules")).build();

    assertThat(scenarioResults(policies)).isEqualTo(scenarioResults(DroolsPolicies.defaults()));
    assertThat(policies.rules()).contains(new RuleInForce("disposition/open-box",
        REPLACING.replace(".csv", ".xlsx"), 12, "disposition", RuleInForce.Status.REPLACED));

    Files.write(file, workbook(shippedTable().replace("\"RESTOCK, SEALED\"",
        "\"RESTOKC, SEALED\"")));

    assertThatThrownBy(() -> DroolsPolicies.builder().directory(dir.resolve("rules")).build())
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).singleElement().satisfies(problem -> {
              assertThat(problem.line()).isEqualTo(10);
              assertThat(problem.message()).isEqualTo("sheet Grading, column F "
                  + "(disposition, code), rule sealed-as-new: 'RESTOKC' is no Disposition; "
                  + "did you mean RESTOCK? the values are [RESTOCK, RESTOCK_OPEN_BOX, "
                  + "REFURBISH, RETURN_TO_SUPPLIER, SCRAP]");
            }));
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  /** The CSV table as a workbook with one sheet, Grading, cell for cell. */
  private static byte[] workbook(String csv) throws IOException {
    return workbook(csv, null);
  }

  /** The same, after a sheet of notes when one is named. */
  private static byte[] workbook(String csv, String notesSheet) throws IOException {
    try (XSSFWorkbook workbook = new XSSFWorkbook();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      if (notesSheet != null) {
        workbook.createSheet(notesSheet).createRow(0).createCell(0)
            .setCellValue("Rows below are rules; see the Grading sheet.");
      }
      Sheet sheet = workbook.createSheet("Grading");
      String[] lines = csv.split("\n", -1);
      for (int r = 0; r < lines.length; r++) {
        Row row = sheet.createRow(r);
        List<String> cells = new org.drools.decisiontable.parser.csv.CsvLineParser()
            .parse(lines[r]);
        for (int c = 0; c < cells.size(); c++) {
          // A workbook merges cells instead of CSV's "...": the object type stays in the first.
          String value = cells.get(c).endsWith("...") && c > 0
              && cells.get(c - 1).endsWith("...") ? "" : cells.get(c).replace("...", "");
          row.createCell(c).setCellValue(value);
        }
      }
      sheet.addMergedRegion(new org.apache.poi.ss.util.CellRangeAddress(6, 6, 2, 4));
      workbook.write(out);
      return out.toByteArray();
    }
  }

  private static dev.returnkit.rules.verify.Scenario scenario(String category, String grade)
      throws IOException {
    return ScenarioFile.parse("test.csv", """
        case,category,price,delivered_days_ago,reason,grade,findings
        it,%s,EUR 100.00,5,CHANGED_MIND,%s,SIGNS_OF_USE
        """.formatted(category, grade)).get(0);
  }
}
