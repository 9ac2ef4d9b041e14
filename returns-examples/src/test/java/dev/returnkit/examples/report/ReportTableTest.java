package dev.returnkit.examples.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
  @DisplayName("renders CSV with quotes where RFC 4180 needs them")
  void csv() {
    assertThat(table.toCsv()).isEqualTo("""
        name,count
        a|b,7
        "with, comma ""quoted\"\"","1,234"
        """);
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
