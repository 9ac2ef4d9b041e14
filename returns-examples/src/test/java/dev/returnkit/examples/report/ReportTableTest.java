package dev.returnkit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.money.Money;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A report table")
class ReportTableTest {

  private final ReportTable table = new ReportTable("demo", "Demo", "How to read it.",
      List.of("name", ">count"),
      List.of(List.of("a|b", "7"), List.of("with, comma \"quoted\"", "1,234")));

  @Test
  @DisplayName("renders text with numbers right-aligned")
  void text() {
    assertThat(table.toText()).isEqualTo("""
        Demo
        ----
        How to read it.
          name                  count
          a|b                       7
          with, comma "quoted"  1,234
        """);
  }

  @Test
  @DisplayName("wraps the widest text columns at spaces so that a table fits 120 characters")
  void wrapsToTheConsole() {
    String words = "word ".repeat(30).strip();
    ReportTable wide = new ReportTable("wide", "Wide", null, List.of("what", ">n", "why"),
        List.of(List.of(words, "12", "short"), List.of("a", "3", words + " " + words)));

    String text = wide.toText();

    assertThat(text.lines()).allSatisfy(l -> assertThat(l).hasSizeLessThanOrEqualTo(120));
    // 120 less the indent, the gaps and the number column leaves 112: 56 for each text column,
    // so 11 words to a line (54 characters), the first row 3 lines high, the second 6.
    String eleven = "word ".repeat(11).strip();
    assertThat(text.lines().toList()).containsSubsequence(
        "  what" + " ".repeat(55) + "n  why",
        "  " + eleven + "    12  short",
        "  " + eleven,
        "  " + "word ".repeat(8).strip(),
        "  a" + " ".repeat(58) + "3  " + eleven);
    assertThat(text.split("word", -1)).hasSize(30 + 60 + 1);
    // A table that fits is left as it is.
    assertThat(table.toText()).contains("  with, comma \"quoted\"  1,234\n");
  }

  @Test
  @DisplayName("renders Markdown with escaped pipes and right-aligned number columns")
  void markdown() {
    assertThat(table.toMarkdown()).isEqualTo("""
        ## Demo

        How to read it.

        | name | count |
        |---|---:|
        | a\\|b | 7 |
        | with, comma "quoted" | 1,234 |
        """);
  }

  @Test
  @DisplayName("renders CSV with quotes where RFC 4180 needs them, and numbers plain")
  void csv() {
    assertThat(table.toCsv()).isEqualTo("""
        name,count
        a|b,7
        "with, comma ""quoted\"\"",1234
        """);
  }

  @Test
  @DisplayName("writes CSV numbers without their units, the unit in the heading, or in a "
      + "column of its own when a column mixes them")
  void csvUnits() {
    ReportTable units = new ReportTable("u", "U", null,
        List.of("stage", ">refunded", ">share", ">median", ">value"), List.of(
            List.of("review", "EUR 31,945.10", "46.2 %", "24.3 h", "1,000"),
            List.of("transit", "EUR 0.50", "-", "3.5 d", "EUR 7.00"),
            List.of("late", "EUR 12.00", "0.0 %", "-", "2026-03-01 and 2026-03-31")));

    assertThat(units.toCsv()).isEqualTo("""
        stage,refunded (EUR),share (%),median (hours),value,value unit
        review,31945.10,46.2,24.3,1000,
        transit,0.50,,84.0,7.00,EUR
        late,12.00,0.0,,2026-03-01 and 2026-03-31,
        """);
  }

  @Test
  @DisplayName("writes money with thousands separators in its currency's decimals")
  void money() {
    assertThat(Formats.money(Money.of("31945.10", "EUR"))).isEqualTo("EUR 31,945.10");
    assertThat(Formats.money(Money.of("1100", "JPY"))).isEqualTo("JPY 1,100");
    assertThat(Formats.money(Money.of("1234.500", "KWD"))).isEqualTo("KWD 1,234.500");
    assertThat(Formats.money(Money.of("-3.00", "EUR"))).isEqualTo("EUR -3.00");
    assertThat(Csv.plain(Formats.money(Money.of("-1234.50", "EUR"))))
        .isEqualTo(new Csv.Plain("-1234.50", "EUR"));
  }

  @Test
  @DisplayName("wraps long captions on the console")
  void wrapsCaptions() {
    ReportTable wide = new ReportTable("w", "W", "word ".repeat(40).strip(), List.of("a"),
        List.of());
    assertThat(wide.toText().lines().skip(2).takeWhile(l -> l.startsWith("word")))
        .hasSizeGreaterThan(1).allSatisfy(line -> assertThat(line.length()).isLessThan(93));
  }

  @Test
  @DisplayName("refuses a row with the wrong number of cells")
  void rowsMatchColumns() {
    assertThatThrownBy(() -> new ReportTable("bad", "Bad", null, List.of("a", "b"),
        List.of(List.of("only one"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 columns");
  }
}
