package dev.returnkit.examples.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One table of the report, rendered the same way to the console, to Markdown and to CSV.
 *
 * @param slug a short file-friendly name, e.g. {@code reasons}
 * @param title the heading
 * @param caption a sentence saying how to read it, or {@code null}
 * @param columns the column headings; a heading starting with {@code >} is right-aligned
 *     (numbers), the marker is not shown
 * @param rows the cells, already formatted, one list per row
 */
public record ReportTable(String slug, String title, String caption, List<String> columns,
    List<List<String>> rows) {

  /** The width captions are wrapped to on the console. */
  private static final int TEXT_WIDTH = 92;
  /** The widest a table gets on the console: wider text columns are wrapped. */
  static final int TABLE_WIDTH = 120;
  /** The narrowest a wrapped text column gets. */
  private static final int NARROWEST = 16;

  /** Checks every row has a cell per column. */
  public ReportTable {
    Objects.requireNonNull(slug, "slug");
    Objects.requireNonNull(title, "title");
    columns = List.copyOf(columns);
    rows = rows.stream().map(List::copyOf).toList();
    for (List<String> row : rows) {
      if (row.size() != columns.size()) {
        throw new IllegalArgumentException("table " + slug + " has " + columns.size()
            + " columns but a row of " + row.size() + ": " + row);
      }
    }
  }

  /**
   * The table as fixed-width text for a terminal.
   *
   * @return the lines, ending with a newline
   */
  public String toText() {
    int[] widths = widths();
    StringBuilder out = new StringBuilder();
    out.append(title).append('\n').append("-".repeat(title.length())).append('\n');
    if (caption != null) {
      out.append(wrapped(caption, TEXT_WIDTH));
    }
    appendTextRow(out, headings(), widths);
    for (List<String> row : rows) {
      appendTextRow(out, row, widths);
    }
    return out.toString();
  }

  /**
   * The table as a Markdown section: a heading, the caption, a pipe table.
   *
   * @return the Markdown, ending with a newline
   */
  public String toMarkdown() {
    StringBuilder out = new StringBuilder();
    out.append("## ").append(title).append("\n\n");
    if (caption != null) {
      out.append(caption).append("\n\n");
    }
    out.append('|');
    headings().forEach(h -> out.append(' ').append(markdownCell(h)).append(" |"));
    out.append("\n|");
    for (String column : columns) {
      out.append(rightAligned(column) ? "---:|" : "---|");
    }
    out.append('\n');
    for (List<String> row : rows) {
      out.append('|');
      row.forEach(cell -> out.append(' ').append(markdownCell(cell)).append(" |"));
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * The table as CSV (RFC 4180): a header line, then the rows.
   *
   * @return the CSV text
   */
  public String toCsv() {
    // Numbers go out plain, their unit in the heading ("refunded (EUR)", "share (%)",
    // "median (hours)"), so a spreadsheet reads them as numbers; a column of numbers in several
    // units gets a unit column beside it.
    List<String> headings = headings();
    List<List<String>> csvRows = new ArrayList<>();
    rows.forEach(row -> csvRows.add(new ArrayList<>()));
    List<String> csvHeadings = new ArrayList<>();
    for (int i = 0; i < columns.size(); i++) {
      List<Csv.Plain> cells = new ArrayList<>();
      for (List<String> row : rows) {
        cells.add(Csv.plain(row.get(i)));
      }
      String unit = Csv.commonUnit(cells);
      boolean mixed = unit == null && cells.stream().anyMatch(c -> c.unit() != null);
      csvHeadings.add(unit == null || unit.isEmpty() ? headings.get(i)
          : headings.get(i) + " (" + unit + ")");
      if (mixed) {
        csvHeadings.add(headings.get(i).isEmpty() ? "unit" : headings.get(i) + " unit");
      }
      for (int r = 0; r < rows.size(); r++) {
        Csv.Plain cell = cells.get(r);
        csvRows.get(r).add(unit != null || mixed ? cell.value() : rows.get(r).get(i));
        if (mixed) {
          csvRows.get(r).add(cell.unit() == null ? "" : cell.unit());
        }
      }
    }
    StringBuilder out = new StringBuilder();
    Csv.appendRow(out, csvHeadings);
    csvRows.forEach(row -> Csv.appendRow(out, row));
    return out.toString();
  }

  private List<String> headings() {
    List<String> headings = new ArrayList<>();
    for (String column : columns) {
      headings.add(rightAligned(column) ? column.substring(1) : column);
    }
    return headings;
  }

  /**
   * Each column's width: its widest cell, except that while the table is wider than
   * {@link #TABLE_WIDTH} the widest text columns are narrowed (their cells then wrap), down to
   * {@link #NARROWEST}.
   */
  private int[] widths() {
    List<String> headings = headings();
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = headings.get(i).length();
      for (List<String> row : rows) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    // One character at a time off the widest text column, so that wide columns end equally
    // narrowed rather than one of them squeezed to nothing.
    while (total(widths) > TABLE_WIDTH) {
      int widest = -1;
      for (int i = 0; i < widths.length; i++) {
        if (!rightAligned(columns.get(i)) && widths[i] > NARROWEST
            && (widest < 0 || widths[i] > widths[widest])) {
          widest = i;
        }
      }
      if (widest < 0) {
        break;
      }
      widths[widest]--;
    }
    return widths;
  }

  /** A row's width on the console: the indent, the columns and the gaps between them. */
  private static int total(int[] widths) {
    int total = 2 + 2 * (widths.length - 1);
    for (int width : widths) {
      total += width;
    }
    return total;
  }

  private void appendTextRow(StringBuilder out, List<String> cells, int[] widths) {
    List<List<String>> wrapped = new ArrayList<>();
    int height = 1;
    for (int i = 0; i < cells.size(); i++) {
      List<String> lines = wrappedLines(cells.get(i), widths[i]);
      wrapped.add(lines);
      height = Math.max(height, lines.size());
    }
    for (int l = 0; l < height; l++) {
      StringBuilder line = new StringBuilder("  ");
      for (int i = 0; i < cells.size(); i++) {
        String cell = l < wrapped.get(i).size() ? wrapped.get(i).get(l) : "";
        String padding = " ".repeat(Math.max(0, widths[i] - cell.length()));
        line.append(rightAligned(columns.get(i)) ? padding + cell : cell + padding);
        if (i < cells.size() - 1) {
          line.append("  ");
        }
      }
      out.append(line.toString().stripTrailing()).append('\n');
    }
  }

  /** A cell's lines in a column of a width: broken at spaces, a longer word cut. */
  private static List<String> wrappedLines(String cell, int width) {
    List<String> lines = new ArrayList<>();
    String rest = cell;
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(' ', width);
      if (cut <= 0) {
        cut = width;
      }
      lines.add(rest.substring(0, cut).stripTrailing());
      rest = rest.substring(cut).stripLeading();
    }
    lines.add(rest);
    return lines;
  }

  /** Breaks text into lines of at most {@code width} characters, at spaces. */
  private static String wrapped(String text, int width) {
    StringBuilder out = new StringBuilder();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > width) {
        out.append(line).append('\n');
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    return out.append(line).append('\n').toString();
  }

  private static boolean rightAligned(String column) {
    return column.startsWith(">");
  }

  private static String markdownCell(String cell) {
    return cell.replace("|", "\\|");
  }
}
