package dev.returnkit.spi.id;

import java.util.Objects;

/** Shared checks for the text inside identifiers, so every id type rejects the same bad values. */
final class IdText {

  /** Long enough for UUIDs with a prefix and for most shops' own keys; short enough to index. */
  static final int MAX_LENGTH = 64;

  private IdText() {}

  static String requireValid(String value, String kind) {
    Objects.requireNonNull(value, () -> kind + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(kind + " must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException(
          kind + " must be at most " + MAX_LENGTH + " characters, got " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // Ids end up in idempotency keys, log lines and URLs: whitespace and control
      // characters there only ever cause confusion. isWhitespace leaves out the no-break
      // spaces (U+00A0, U+2007, U+202F), which look exactly like a space: isSpaceChar has them.
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        throw new IllegalArgumentException(
            kind + " must not contain whitespace or control characters: '" + value + "'");
      }
    }
    return value;
  }
}
