package dev.returnkit.rules.settings;

import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.rules.RuleProblem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The text of a settings file, read line by line: {@code key = value} (or {@code key: value}),
 * {@code key += value} to add to a list instead of replacing it, {@code #} and {@code !}
 * comments, a trailing backslash continuing a value on the next line, and a byte-order mark
 * ignored. Keeps each key's line, which {@code java.util.Properties} does not. Immutable.
 */
final class SettingsText {

  /**
   * One key's value as written.
   *
   * @param value the value, trimmed
   * @param line the line the key is on
   * @param adds whether it was written {@code +=} (adds to the list before it)
   */
  record Entry(String value, int line, boolean adds) {}

  private final String source;
  private final Map<String, Entry> entries;

  private SettingsText(String source, Map<String, Entry> entries) {
    this.source = source;
    this.entries = Collections.unmodifiableMap(entries);
  }

  /**
   * Reads a settings text.
   *
   * @param source the file name, for problem reports
   * @param text the text
   * @return the keys and values
   * @throws InvalidRuleSetException listing every line that sets no key
   */
  static SettingsText read(String source, String text) {
    Map<String, Entry> entries = new LinkedHashMap<>();
    List<RuleProblem> problems = new ArrayList<>();
    // Editors that save "UTF-8 with BOM" put one invisible character before the first key.
    String[] rows = PolicySettings.stripByteOrderMark(text).split("\r?\n", -1);
    for (int i = 0; i < rows.length; i++) {
      int first = i;
      String row = rows[i].strip();
      if (row.isEmpty() || row.startsWith("#") || row.startsWith("!")) {
        continue;
      }
      // A trailing backslash continues the value on the next line, as in .properties files.
      // (One on the last line continues nothing and is dropped.)
      while (row.endsWith("\\")) {
        row = row.substring(0, row.length() - 1).stripTrailing();
        if (i + 1 == rows.length) {
          break;
        }
        row = row + " " + rows[++i].strip();
      }
      int separator = indexOfSeparator(row);
      boolean adds = separator > 0 && row.charAt(separator) == '='
          && row.charAt(separator - 1) == '+';
      String key = separator <= 0 ? "" : row.substring(0, adds ? separator - 1 : separator)
          .strip();
      // No separator, or nothing before it: there is no key to set.
      if (key.isEmpty()) {
        problems.add(new RuleProblem(source, first + 1, "expected 'key = value', found '" + row
            + "'"));
        continue;
      }
      entries.put(key, new Entry(row.substring(separator + 1).strip(), first + 1, adds));
    }
    if (!problems.isEmpty()) {
      throw new InvalidRuleSetException(problems);
    }
    return new SettingsText(source, entries);
  }

  /** The file name. */
  String source() {
    return source;
  }

  /** The keys set, in file order. */
  Map<String, Entry> entries() {
    return entries;
  }

  private static int indexOfSeparator(String row) {
    int equals = row.indexOf('=');
    int colon = row.indexOf(':');
    if (equals < 0) {
      return colon;
    }
    return colon < 0 ? equals : Math.min(equals, colon);
  }
}
