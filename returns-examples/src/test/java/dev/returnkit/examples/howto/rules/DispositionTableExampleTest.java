package dev.returnkit.examples.howto.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.examples.demo.Demo;
import dev.returnkit.examples.demo.DemoListener;
import dev.returnkit.examples.report.PolicyComparison;
import dev.returnkit.examples.report.ReportTable;
import dev.returnkit.rules.verify.VerifyCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The worked example of docs/policies.md, Decision tables: the default grading table with one
 * row added, so that electronics opened and used are refurbished instead of sold open-box.
 */
@DisplayName("A new row in a decision table: opened electronics are refurbished")
class DispositionTableExampleTest {

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(DispositionTableExampleTest.class.getClassLoader()
        .getResource(name)).toURI());
  }

  @Test
  @DisplayName("passes the built-in cases and its own in the verifier")
  void verifies() throws URISyntaxException {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    int exit = VerifyCommand.run(resource("policies/disposition-table"), null,
        resource("policies/disposition-table-scenarios.csv"),
        new PrintStream(printed, true, StandardCharsets.UTF_8));

    String output = printed.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(output).isEqualTo(VerifyCommand.PASSED);
    assertThat(output).startsWith("Rule set: defaults, 1 file(s) replaced, 0 added\n")
        .containsPattern("used-headphones +pass +APPROVED "
            + "ELIGIBLE\\+CUSTOMER_PAYS_RETURN_SHIPPING CUSTOMER REFURBISH refund EUR")
        .contains("disposition/opened-electronics");
  }

  @Test
  @DisplayName("over a month of returns, changes only used electronics, from open-box to "
      + "refurbishment")
  void whatIf() throws URISyntaxException {
    PolicyComparison comparison = PolicyComparison.of(
        Demo.run(new Demo.Options(400, 3, null, null), DemoListener.SILENT),
        Demo.run(new Demo.Options(400, 3, resource("policies/disposition-table"), null),
            DemoListener.SILENT));

    ReportTable changes = comparison.tables().stream().filter(t -> t.slug().equals("changes"))
        .findFirst().orElseThrow();
    assertThat(changes.rows()).isNotEmpty().allSatisfy(row -> {
      assertThat(row.get(0)).isEqualTo("disposition: RESTOCK_OPEN_BOX -> REFURBISH");
      assertThat(List.of(row.get(2).split("\\), "))).allSatisfy(example ->
          assertThat(example).contains("(electronics, "));
    });
  }
}
