package dev.returnkit.rules.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Liability;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The verifier's console table")
class TextTableTest {

  @Test
  @DisplayName("wraps after the last space or comma that fits, a long word where it must")
  void wrap() {
    assertThat(TextTable.wrap("abc", 3)).containsExactly("abc");
    assertThat(TextTable.wrap("abcd", 3)).containsExactly("abc", "d");
    assertThat(TextTable.wrap("aa,bb,cc", 6)).containsExactly("aa,bb,", "cc");
    assertThat(TextTable.wrap("aa bb cc", 5)).containsExactly("aa bb", "cc");
    assertThat(TextTable.wrap("aa, bb", 4)).containsExactly("aa,", "bb");
  }

  @Test
  @DisplayName("pads each column to its widest cell, at most its width, and indents a note's "
      + "further lines under its text")
  void render() {
    TextTable table = new TextTable(new String[] {"a", "bb"}, new int[] {4, 10});
    List<String[]> notes = List.<String[]>of(new String[] {"  ! ", "w ".repeat(60).strip()});
    table.add(new String[] {"xy", "one two three"}, notes);

    // Column a is as wide as its widest cell (2), not its most (4).
    assertThat(table.render()).isEqualTo("a   bb\n"
        + "--  ----------\n"
        + "xy  one two\n"
        + "    three\n"
        + "  ! " + "w ".repeat(58).strip() + "\n"
        + "    w w\n");
    assertThatThrownBy(() -> new TextTable(new String[] {"a"}, new int[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("shows every amount decided, the markdown, and in CSV only the rows")
  void everyAmount() {
    Scenario scenario = ScenarioFile.parse("t.csv", """
        case,description,category,price,reason,expect_status,expect_tax,expect_to_gift_card,\
        expect_exchange_charge,expect_markdown
        it,"one, two",home,EUR 10.00,CHANGED_MIND,APPROVED,EUR 4.00,EUR 5.00,EUR 6.00,20
        """).get(0);
    Money eur = Money.of("1.00", "EUR");
    VerificationReport.Outcome outcome = new VerificationReport.Outcome("APPROVED",
        List.of("ELIGIBLE"), Liability.CUSTOMER, Disposition.RESTOCK_OPEN_BOX, eur, eur,
        Money.of("2.00", "EUR"), Money.of("3.00", "EUR"), Money.of("4.00", "EUR"),
        Money.of("5.00", "EUR"), Money.of("6.00", "EUR"), new BigDecimal("20.0"));
    VerificationReport report = new VerificationReport("defaults", List.of(
        new VerificationReport.CaseResult(scenario, outcome, List.of("a/b"), List.of())));

    assertThat(report.render()).isEqualTo(report.render(ReportFormat.TABLE))
        .startsWith("Rule set: defaults\n")
        .contains("it    pass    APPROVED ELIGIBLE CUSTOMER RESTOCK_OPEN_BOX refund EUR 1.00 fee "
            + "EUR 1.00 charge\n              EUR 2.00 shipping EUR 3.00 tax EUR 4.00 gift card "
            + "EUR 5.00 exchange charge EUR\n              6.00 markdown 20 %\n    rules: a/b\n")
        .endsWith("1 passed, 0 failed\n");
    assertThat(report.render(ReportFormat.MARKDOWN)).startsWith("Rule set: defaults\n\n| case")
        .contains("| APPROVED tax EUR 4.00 gift card EUR 5.00 exchange charge EUR 6.00 "
            + "markdown 20 % |");
    assertThat(report.render(ReportFormat.CSV)).isEqualTo(
        "case,description,result,expected,decided,rules_fired,differences\n"
            + "it,\"one, two\",pass,APPROVED tax EUR 4.00 gift card EUR 5.00 exchange charge "
            + "EUR 6.00 markdown 20 %,APPROVED ELIGIBLE CUSTOMER RESTOCK_OPEN_BOX refund EUR "
            + "1.00 fee EUR 1.00 charge EUR 2.00 shipping EUR 3.00 tax EUR 4.00 gift card EUR "
            + "5.00 exchange charge EUR 6.00 markdown 20 %,a/b,\n");
  }
}
