package dev.returnkit.examples.report;

import java.util.List;

/**
 * CSV as RFC 4180 writes it, with LF line ends: cells with commas, quotes or line breaks are
 * quoted, quotes inside doubled.
 */
final class Csv {

  private Csv() {}

  static void appendRow(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(quoted(cells.get(i)));
    }
    out.append('\n');
  }

  static String quoted(String cell) {
    if (cell == null) {
      return "";
    }
    boolean needsQuotes = cell.contains(",") || cell.contains("\"") || cell.contains("\n")
        || cell.contains("\r");
    return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
  }
}
