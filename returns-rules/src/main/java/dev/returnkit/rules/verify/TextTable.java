package dev.returnkit.rules.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text table that fits a console: each column has a most width, and a longer cell is
 * wrapped onto further lines of its row, between words (after a space or a comma) where it
 * can be. Rows may carry notes printed under them across the whole width, each after a
 * label ({@code "  rules "}, {@code "  ! "}) its further lines are indented to.
 */
final class TextTable {

  /** The widest a table gets, in characters. */
  static final int WIDTH = 120;
  private static final String GAP = "  ";

  private final String[] headings;
  private final int[] widths;
  private final List<String[]> rows = new ArrayList<>();
  private final List<List<String[]>> notes = new ArrayList<>();

  /**
   * A table with the given headings, each column at most as wide as given.
   *
   * @param headings the column headings
   * @param mostWidths per column, the widest it gets; their sum with the gaps fits
   *     {@link #WIDTH}
   */
  TextTable(String[] headings, int[] mostWidths) {
    if (headings.length != mostWidths.length) {
      throw new IllegalArgumentException("a width per heading");
    }
    this.headings = headings.clone();
    this.widths = mostWidths.clone();
  }

  /**
   * Adds a row, with notes printed under it.
   *
   * @param row a cell per column
   * @param rowNotes notes, each a label and its text, e.g. {@code "  ! "} and a difference
   */
  void add(String[] row, List<String[]> rowNotes) {
    rows.add(row.clone());
    notes.add(List.copyOf(rowNotes));
  }

  /** The table: headings, a rule, then each row wrapped to its columns and its notes. */
  String render() {
    int[] used = new int[widths.length];
    for (int i = 0; i < widths.length; i++) {
      used[i] = Math.min(widths[i], Math.max(headings[i].length(), longest(i)));
    }
    StringBuilder text = new StringBuilder();
    appendRow(text, headings, used);
    String[] rule = new String[used.length];
    for (int i = 0; i < used.length; i++) {
      rule[i] = "-".repeat(used[i]);
    }
    appendRow(text, rule, used);
    for (int r = 0; r < rows.size(); r++) {
      appendRow(text, rows.get(r), used);
      for (String[] note : notes.get(r)) {
        String label = note[0];
        String indent = " ".repeat(label.length());
        List<String> lines = wrap(note[1], WIDTH - label.length());
        for (int i = 0; i < lines.size(); i++) {
          text.append(i == 0 ? label : indent).append(lines.get(i)).append('\n');
        }
      }
    }
    return text.toString();
  }

  private int longest(int column) {
    int longest = 0;
    for (String[] row : rows) {
      longest = Math.max(longest, row[column].length());
    }
    return longest;
  }

  private static void appendRow(StringBuilder text, String[] row, int[] used) {
    List<List<String>> cells = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < row.length; i++) {
      List<String> wrapped = wrap(row[i], used[i]);
      cells.add(wrapped);
      height = Math.max(height, wrapped.size());
    }
    for (int line = 0; line < height; line++) {
      StringBuilder out = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        String part = line < cells.get(i).size() ? cells.get(i).get(line) : "";
        out.append(i == row.length - 1 ? part : part + " ".repeat(used[i] - part.length()) + GAP);
      }
      text.append(out.toString().stripTrailing()).append('\n');
    }
  }

  /**
   * Splits a text into lines of at most {@code width} characters, breaking after the last
   * space or comma that fits, or mid-word when a word alone is longer.
   */
  static List<String> wrap(String text, int width) {
    List<String> lines = new ArrayList<>();
    String rest = text;
    while (rest.length() > width) {
      int cut = Math.max(rest.lastIndexOf(' ', width), rest.lastIndexOf(',', width - 1) + 1);
      if (cut <= 0) {
        cut = width;
      }
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    lines.add(rest);
    return lines;
  }
}
