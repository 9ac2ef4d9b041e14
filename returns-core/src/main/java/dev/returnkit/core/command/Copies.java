package dev.returnkit.core.command;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Defensive copies for input records that, unlike {@code List.copyOf}, keep {@code null}
 * elements: validation must be able to report {@code lines[2]: must not be null} instead of the
 * constructor failing first.
 */
final class Copies {

  private Copies() {}

  static <T> List<T> list(List<T> values) {
    return values == null ? null : Collections.unmodifiableList(new ArrayList<>(values));
  }

  static <T> Set<T> set(Set<T> values) {
    return values == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(values));
  }
}
