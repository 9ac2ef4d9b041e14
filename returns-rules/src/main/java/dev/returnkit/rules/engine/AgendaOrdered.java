package dev.returnkit.rules.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A few items (the rules that fired on one line, or its outcomes), each with where it sits on
 * the agenda, listed in agenda order: salience (highest first), then rule id, then as they were
 * recorded. Small and short-lived: one per line and per case of one rule run, holding a handful
 * of items, so it is an array sorted by insertion, which Drools' own firing order leaves
 * nearly sorted already. Not thread-safe.
 *
 * @param <T> the items
 */
final class AgendaOrdered<T> {

  private record Entry(Object item, int salience, String ruleId, long sequence) {

    /** Whether this comes first on the agenda: higher salience, then rule id, then earlier. */

    boolean before(Entry other) {
      if (salience != other.salience) {
        return salience > other.salience;
      }
      int byRule = ruleId.compareTo(other.ruleId);
      return byRule != 0 ? byRule < 0 : sequence < other.sequence;
    }
  }

  private static final Entry[] NONE = new Entry[0];

  private Entry[] entries = NONE;
  private int size;

  /**
   * Adds an item where it sits on the agenda.
   *
   * @param item the item
   * @param salience the salience of the rule that fired
   * @param ruleId the rule's id
   * @param sequence when it was recorded in the run
   */
  void add(T item, int salience, String ruleId, long sequence) {
    if (size == entries.length) {
      entries = Arrays.copyOf(entries, Math.max(4, size * 2));
    }
    Entry entry = new Entry(item, salience, ruleId, sequence);
    int at = size++;
    while (at > 0 && entry.before(entries[at - 1])) {
      entries[at] = entries[at - 1];
      at--;
    }
    entries[at] = entry;
  }

  /**
   * Adds an item unless it is there already, where it sits on the agenda.
   *
   * @param item the item
   * @param salience the salience of the rule that fired
   * @param ruleId the rule's id
   * @param sequence when it was recorded in the run
   */
  void addIfAbsent(T item, int salience, String ruleId, long sequence) {
    if (!contains(item)) {
      add(item, salience, ruleId, sequence);
    }
  }

  /**
   * Whether an item is here.
   *
   * @param item the item
   * @return true if an equal item was added
   */
  boolean contains(Object item) {
    for (int i = 0; i < size; i++) {
      Object present = entries[i].item();
      if (present == item || present.equals(item)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The items in agenda order.
   *
   * @return a new list
   */
  @SuppressWarnings("unchecked")
  List<T> items() {
    List<T> items = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      items.add((T) entries[i].item());
    }
    return items;
  }
}
