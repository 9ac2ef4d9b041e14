package dev.returnkit.core.returncase;

import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * What a case's commands did since it was loaded or last saved: the history entries and events
 * to store with its next snapshot, and the version that snapshot replaces. However many commands
 * run before a save, they make one new version. Not thread-safe, like its case.
 */
final class UnsavedChanges {

  private long storedVersion;
  private final List<HistoryEntry> history = new ArrayList<>();
  private final List<ReturnEvent> events = new ArrayList<>();
  private final List<HistoryEntry> erasures = new ArrayList<>();

  UnsavedChanges(long storedVersion) {
    this.storedVersion = storedVersion;
  }

  /** The version the case has once these changes are stored. */
  long nextVersion() {
    return storedVersion + 1;
  }

  void add(HistoryEntry entry, List<ReturnEvent> eventsOfEntry) {
    history.add(entry);
    events.addAll(eventsOfEntry);
  }

  void erase(List<HistoryEntry> erased) {
    erasures.addAll(erased);
  }

  boolean isEmpty() {
    return history.isEmpty();
  }

  /** @throws IllegalStateException if nothing changed */
  CaseWrite write(ReturnCaseSnapshot snapshot) {
    if (history.isEmpty()) {
      throw new IllegalStateException("return case " + snapshot.id() + " has no changes to save");
    }
    return new CaseWrite(snapshot, storedVersion, history, events, erasures);
  }

  List<HistoryEntry> history() {
    return List.copyOf(history);
  }

  List<ReturnEvent> events() {
    return List.copyOf(events);
  }

  /** The changes are stored: the next command builds on the version after. */
  void stored() {
    if (!history.isEmpty()) {
      storedVersion++;
      history.clear();
      events.clear();
      erasures.clear();
    }
  }
}
