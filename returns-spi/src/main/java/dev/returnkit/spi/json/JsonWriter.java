package dev.returnkit.spi.json;

import java.math.BigDecimal;

/**
 * Writes compact JSON the way returnkit has always stored it: no spaces, decimals as strings
 * (so an amount keeps its scale: {@code 10.50} stays {@code 10.50}), control characters and
 * lone surrogates escaped as {@code \\uXXXX} (so text that is not well-formed Unicode still
 * round-trips through a UTF-8 database). The caller writes fields in order and closes what it
 * opens. Not thread-safe: one per document.
 *
 * <p>Public for returnkit's own formats (the JDBC adapter's stored cases, the events'
 * {@link dev.returnkit.spi.event.EventJson}) and for adapters that store returnkit's values;
 * not a general-purpose JSON library.
 */
public final class JsonWriter {

  private final StringBuilder out;
  private boolean needsComma;

  /**
   * A writer with room for about that many characters.
   *
   * @param capacity the characters to reserve
   */
  public JsonWriter(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  /**
   * Opens an object.
   *
   * @return this
   */
  public JsonWriter beginObject() {
    separate();
    out.append('{');
    needsComma = false;
    return this;
  }

  /**
   * Closes the object opened last.
   *
   * @return this
   */
  public JsonWriter endObject() {
    out.append('}');
    needsComma = true;
    return this;
  }

  /**
   * Opens an array.
   *
   * @return this
   */
  public JsonWriter beginArray() {
    separate();
    out.append('[');
    needsComma = false;
    return this;
  }

  /**
   * Closes the array opened last.
   *
   * @return this
   */
  public JsonWriter endArray() {
    out.append(']');
    needsComma = true;
    return this;
  }

  /**
   * Starts a field: the next value written is its value.
   *
   * @param name the field's name
   * @return this
   */
  public JsonWriter name(String name) {
    separate();
    quote(out, name);
    out.append(':');
    needsComma = false;
    return this;
  }

  /**
   * Writes a string, or null.
   *
   * @param value the text, or null
   * @return this
   */
  public JsonWriter string(String value) {
    separate();
    if (value == null) {
      out.append("null");
    } else {
      quote(out, value);
    }
    needsComma = true;
    return this;
  }

  /**
   * Writes a whole number.
   *
   * @param value the number
   * @return this
   */
  public JsonWriter number(long value) {
    separate();
    out.append(value);
    needsComma = true;
    return this;
  }

  /**
   * Writes true or false.
   *
   * @param value the value
   * @return this
   */
  public JsonWriter bool(boolean value) {
    separate();
    out.append(value);
    needsComma = true;
    return this;
  }

  /**
   * Writes a decimal as a string, keeping its scale.
   *
   * @param value the decimal
   * @return this
   */
  public JsonWriter decimal(BigDecimal value) {
    return string(value.toPlainString());
  }

  /**
   * Writes null.
   *
   * @return this
   */
  public JsonWriter nullValue() {
    separate();
    out.append("null");
    needsComma = true;
    return this;
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void separate() {
    if (needsComma) {
      out.append(',');
      needsComma = false;
    }
  }

  /**
   * Appends a JSON string literal, escaped as this writer escapes.
   *
   * @param out where to append
   * @param text the text
   */
  public static void quote(StringBuilder out, String text) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20 || loneSurrogate(text, i)) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static boolean loneSurrogate(String text, int i) {
    char c = text.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(text.charAt(i - 1));
    }
    return false;
  }
}
