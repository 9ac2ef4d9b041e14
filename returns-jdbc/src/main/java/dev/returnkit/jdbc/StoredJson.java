package dev.returnkit.jdbc;

import dev.returnkit.spi.json.JsonParser;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One value of a stored JSON document, read strictly and with its path, so that every problem
 * is reported where it is ({@code lines[0].money.itemRefund.amount: missing}). A required field
 * must be there and not null; an optional one may be null or absent; an object may hold no
 * field the format does not know. Immutable.
 */
final class StoredJson {

  private final Object value;
  private final String path;
  private final String document;

  private StoredJson(Object value, String path, String document) {
    this.value = value;
    this.path = path;
    this.document = document;
  }

  /**
   * Parses a document.
   *
   * @param text the JSON
   * @param document what it is, for messages: {@code stored case R-1 (format 1)}
   * @return its root value
   * @throws StoredFormatException if the text is not JSON
   */
  static StoredJson parse(String text, String document) {
    try {
      return new StoredJson(new JsonParser(text).parseDocument(), "", document);
    } catch (IllegalArgumentException e) {
      throw new StoredFormatException(document + " is not JSON: " + e.getMessage(), e);
    }
  }

  /** The field, which must be there and not null. */
  StoredJson required(String field) {
    Object found = fields().get(field);
    if (found == null) {
      throw problem(child(field), fields().containsKey(field) ? "must not be null" : "missing");
    }
    return new StoredJson(found, child(field), document);
  }

  /** The field, or null when it is null or absent. */
  StoredJson optional(String field) {
    Object found = fields().get(field);
    return found == null ? null : new StoredJson(found, child(field), document);
  }

  /** Refuses fields this format does not know: a row that has them was not written by it. */
  StoredJson only(Set<String> known) {
    for (Object field : fields().keySet()) {
      if (!known.contains(field)) {
        throw problem(child((String) field), "not a field of this format");
      }
    }
    return this;
  }

  String text() {
    return as(String.class, "text");
  }

  int integer() {
    try {
      return as(BigDecimal.class, "a whole number").intValueExact();
    } catch (ArithmeticException e) {
      throw problem(path, "must be a whole number, got " + value);
    }
  }

  long longInteger() {
    try {
      return as(BigDecimal.class, "a whole number").longValueExact();
    } catch (ArithmeticException e) {
      throw problem(path, "must be a whole number, got " + value);
    }
  }

  boolean bool() {
    return as(Boolean.class, "true or false");
  }

  BigDecimal decimal() {
    try {
      return new BigDecimal(text());
    } catch (NumberFormatException e) {
      throw problem(path, "must be a decimal, got '" + value + "'");
    }
  }

  Instant instant() {
    try {
      return Instant.parse(text());
    } catch (DateTimeException e) {
      throw problem(path, "must be an instant such as 2026-03-10T10:00:00Z, got '" + value
          + "'");
    }
  }

  <E extends Enum<E>> E constant(Class<E> type) {
    String name = text();
    try {
      return Enum.valueOf(type, name);
    } catch (IllegalArgumentException e) {
      throw problem(path, "'" + name + "' is not a " + type.getSimpleName());
    }
  }

  /** Each element of an array, read by a function. */
  <T> List<T> list(Function<StoredJson, T> element) {
    List<?> items = as(List.class, "an array");
    List<T> read = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String at = path + "[" + i + "]";
      if (items.get(i) == null) {
        throw problem(at, "must not be null");
      }
      read.add(element.apply(new StoredJson(items.get(i), at, document)));
    }
    return read;
  }

  /** Builds a value from this one, turning the value's own refusal into a format problem. */
  <T> T build(Function<StoredJson, T> builder) {
    try {
      return builder.apply(this);
    } catch (StoredFormatException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new StoredFormatException(document + ": " + where(path) + "makes no valid value: "
          + e.getMessage(), e);
    }
  }

  private Map<?, ?> fields() {
    return as(Map.class, "an object");
  }

  private <T> T as(Class<T> type, String expected) {
    if (!type.isInstance(value)) {
      throw problem(path, "must be " + expected + ", got " + describe(value));
    }
    return type.cast(value);
  }

  private String child(String field) {
    return path.isEmpty() ? field : path + "." + field;
  }

  private StoredFormatException problem(String at, String what) {
    return new StoredFormatException(document + ": " + where(at) + what, null);
  }

  private static String where(String at) {
    return at.isEmpty() ? "" : at + ": ";
  }

  private static String describe(Object found) {
    if (found instanceof Map) {
      return "an object";
    }
    if (found instanceof List) {
      return "an array";
    }
    if (found instanceof String text) {
      return "'" + text + "'";
    }
    return String.valueOf(found);
  }
}
