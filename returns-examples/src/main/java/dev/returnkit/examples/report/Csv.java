package dev.returnkit.examples.report;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

  /**
   * A report cell as a plain number and its unit: {@code EUR 31,945.10} is 31945.10 in EUR,
   * {@code 46.2 %} is 46.2 in %, {@code 3.5 d} is 84.0 in hours, {@code 12,345} is 12345 with
   * no unit ({@code ""}); a cell that is no number keeps its text, with a null unit.
   *
   * @param value the plain value
   * @param unit its unit, {@code ""} for a bare number, null for text
   */
  record Plain(String value, String unit) {}

  private static final Pattern MONEY = Pattern.compile("([A-Z]{3}) ([+-]?[\\d,]+(?:\\.\\d+)?)");
  private static final Pattern PERCENT = Pattern.compile("(-?[\\d.]+) %");
  private static final Pattern HOURS = Pattern.compile("([\\d.]+) h");
  private static final Pattern DAYS = Pattern.compile("([\\d.]+) d");
  private static final Pattern COUNT = Pattern.compile("[+-]?\\d{1,3}(?:,\\d{3})*");

  static Plain plain(String cell) {
    Matcher m;
    if ((m = MONEY.matcher(cell)).matches()) {
      return new Plain(unsigned(m.group(2)), m.group(1));
    }
    if ((m = PERCENT.matcher(cell)).matches()) {
      return new Plain(m.group(1), "%");
    }
    if ((m = HOURS.matcher(cell)).matches()) {
      return new Plain(m.group(1), "hours");
    }
    if ((m = DAYS.matcher(cell)).matches()) {
      return new Plain(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(24))
          .toPlainString(), "hours");
    }
    if (COUNT.matcher(cell).matches()) {
      return new Plain(unsigned(cell), "");
    }
    if (cell.equals("-")) {
      return new Plain("", "");
    }
    return new Plain(cell, null);
  }

  /** A number as a spreadsheet reads it: no thousands separators, no plus sign (a change). */
  private static String unsigned(String number) {
    String plain = number.replace(",", "");
    return plain.startsWith("+") ? plain.substring(1) : plain;
  }

  /**
   * The unit every number of a column shares: {@code ""} when they are bare numbers, null when
   * the column holds text or numbers in more than one unit.
   */
  static String commonUnit(List<Plain> cells) {
    String unit = null;
    boolean anyNumber = false;
    for (Plain cell : cells) {
      if (cell.unit() == null) {
        return null;
      }
      if (cell.value().isEmpty()) {
        continue;
      }
      if (anyNumber && !cell.unit().equals(unit)) {
        return null;
      }
      unit = cell.unit();
      anyNumber = true;
    }
    return anyNumber ? unit : null;
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
