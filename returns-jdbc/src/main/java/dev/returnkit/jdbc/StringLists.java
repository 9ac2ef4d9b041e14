package dev.returnkit.jdbc;

import dev.returnkit.spi.json.JsonParser;
import dev.returnkit.spi.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;

/** The history's lists of strings (reason codes, rules) as the JSON arrays its columns hold. */
final class StringLists {

  private StringLists() {}

  /**
   * A list of strings as a JSON array.
   *
   * @param values the strings
   * @return the array's text
   */
  static String write(List<String> values) {
    JsonWriter out = new JsonWriter(16 * values.size() + 2).beginArray();
    values.forEach(out::string);
    return out.endArray().toString();
  }

  /**
   * Reads what {@link #write} wrote.
   *
   * @param json a JSON array of strings
   * @return the strings
   */
  static List<String> read(String json) {
    List<String> values = new ArrayList<>();
    for (Object value : (List<?>) new JsonParser(json).parseDocument()) {
      values.add((String) value);
    }
    return values;
  }
}
