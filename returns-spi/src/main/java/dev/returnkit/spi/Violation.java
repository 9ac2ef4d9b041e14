package dev.returnkit.spi;

import java.util.Objects;

/**
 * One problem with an input: the path of the field (as in {@code lines[1].quantity}) and what is
 * wrong with it.
 *
 * @param path the field path within the input record; empty for the input as a whole
 * @param message what is wrong, in English, e.g. {@code must be greater than 0}
 */
public record Violation(String path, String message) implements Comparable<Violation> {

  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }

  /** Orders by path, then message, so reports are stable. */
  @Override
  public int compareTo(Violation other) {
    int byPath = path.compareTo(other.path);
    return byPath != 0 ? byPath : message.compareTo(other.message);
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
