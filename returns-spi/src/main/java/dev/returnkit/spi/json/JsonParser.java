package dev.returnkit.spi.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict JSON parser into plain values: objects as maps, arrays as lists, strings, numbers as
 * {@link BigDecimal}, booleans and null. Enough for what {@link JsonWriter} writes; not a
 * general-purpose library. One instance per document; not thread-safe.
 */
public final class JsonParser {

  private final String text;
  private int position;

  /**
   * A parser of one document.
   *
   * @param text the JSON text
   */
  public JsonParser(String text) {
    this.text = text;
  }

  /**
   * Parses the whole text as one value.
   *
   * @return the value
   * @throws IllegalArgumentException where the text is not JSON, with the position
   */
  public Object parseDocument() {
    Object value = parseValue();
    skipWhitespace();
    if (position != text.length()) {
      throw error("unexpected text after the value");
    }
    return value;
  }

  private Object parseValue() {
    skipWhitespace();
    if (position >= text.length()) {
      throw error("unexpected end of text");
    }
    char c = text.charAt(position);
    return switch (c) {
      case '{' -> parseObject();
      case '[' -> parseArray();
      case '"' -> parseString();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> parseNumber();
    };
  }

  private Map<String, Object> parseObject() {
    Map<String, Object> object = new LinkedHashMap<>();
    position++;
    skipWhitespace();
    if (peek() == '}') {
      position++;
      return object;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("expected a field name");
      }
      String name = parseString();
      skipWhitespace();
      expect(':');
      object.put(name, parseValue());
      skipWhitespace();
      if (peek() == ',') {
        position++;
      } else {
        expect('}');
        return object;
      }
    }
  }

  private List<Object> parseArray() {
    List<Object> array = new ArrayList<>();
    position++;
    skipWhitespace();
    if (peek() == ']') {
      position++;
      return array;
    }
    while (true) {
      array.add(parseValue());
      skipWhitespace();
      if (peek() == ',') {
        position++;
      } else {
        expect(']');
        return array;
      }
    }
  }

  private String parseString() {
    position++;
    StringBuilder value = new StringBuilder();
    while (true) {
      if (position >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(position++);
      if (c == '"') {
        return value.toString();
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (position >= text.length()) {
        throw error("unterminated escape");
      }
      char escaped = text.charAt(position++);
      switch (escaped) {
        case '"', '\\', '/' -> value.append(escaped);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> {
          if (position + 4 > text.length()) {
            throw error("short unicode escape");
          }
          try {
            value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
          } catch (NumberFormatException e) {
            throw error("bad unicode escape");
          }
          position += 4;
        }
        default -> throw error("unknown escape \\" + escaped);
      }
    }
  }

  private BigDecimal parseNumber() {
    int start = position;
    while (position < text.length() && "+-0123456789.eE".indexOf(text.charAt(position)) >= 0) {
      position++;
    }
    if (start == position) {
      throw error("unexpected character '" + text.charAt(position) + "'");
    }
    try {
      return new BigDecimal(text.substring(start, position));
    } catch (NumberFormatException e) {
      throw error("bad number");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, position)) {
      throw error("unexpected word");
    }
    position += word.length();
    return value;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    position++;
  }

  private char peek() {
    if (position >= text.length()) {
      throw error("unexpected end of text");
    }
    return text.charAt(position);
  }

  private void skipWhitespace() {
    while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
      position++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("stored JSON is malformed at character " + position
        + ": " + problem);
  }
}
