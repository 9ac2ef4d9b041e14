package dev.returnkit.rules.verify;

import java.util.Arrays;
import java.util.Locale;

/**
 * How {@code returnkit verify} and {@code returnkit compare} print their results: a table for
 * a console (at most {@value TextTable#WIDTH} characters wide, long cells wrapped), a Markdown
 * table to paste into a pull request or a wiki, or CSV for a spreadsheet.
 */
public enum ReportFormat {
  /** A plain-text table for a console, wrapped to fit {@value TextTable#WIDTH} columns. */
  TABLE,
  /** A Markdown table, one row per case, nothing wrapped. */
  MARKDOWN,
  /** Comma-separated values with a header row, one row per case, and nothing else. */
  CSV;

  /**
   * The format a command-line word names, ignoring case.
   *
   * @param name {@code table}, {@code markdown} or {@code csv}
   * @return the format
   * @throws IllegalArgumentException naming the formats there are
   */
  public static ReportFormat named(String name) {
    for (ReportFormat format : values()) {
      if (format.name().equalsIgnoreCase(name.strip())) {
        return format;
      }
    }
    throw new IllegalArgumentException("'" + name + "' is no format; the formats are "
        + Arrays.stream(values()).map(f -> f.name().toLowerCase(Locale.ROOT)).toList());
  }
}
