package dev.returnkit.spi.storage;

import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import java.util.List;
import java.util.Objects;

/**
 * One atomic write of a case: its new snapshot, the history entries its commands appended, and
 * the events they produced.
 *
 * @param snapshot the case after the commands; its version is {@code expectedVersion + 1}
 * @param expectedVersion the version the writer loaded, 0 for a new case
 * @param newHistory the entries to append, in sequence order, each linked to the one before,
 *     at least one
 * @param newEvents the events the commands produced, for adapters with an outbox (possibly
 *     empty)
 * @param erasedHistory stored entries to replace, in the same write, by their erased form
 *     ({@link HistoryEntry#erased}: same sequence and hash, the text gone, its digest kept);
 *     empty but for an erasure of personal data
 */
public record CaseWrite(ReturnCaseSnapshot snapshot, long expectedVersion,
    List<HistoryEntry> newHistory, List<ReturnEvent> newEvents,
    List<HistoryEntry> erasedHistory) {

  /**
   * A write that erases nothing.
   *
   * @param snapshot the case after the commands
   * @param expectedVersion the version the writer loaded, 0 for a new case
   * @param newHistory the entries to append
   * @param newEvents the events the commands produced
   */
  public CaseWrite(ReturnCaseSnapshot snapshot, long expectedVersion,
      List<HistoryEntry> newHistory, List<ReturnEvent> newEvents) {
    this(snapshot, expectedVersion, newHistory, newEvents, List.of());
  }

  public CaseWrite {
    Objects.requireNonNull(snapshot, "snapshot");
    newHistory = List.copyOf(newHistory);
    newEvents = List.copyOf(newEvents);
    erasedHistory = List.copyOf(erasedHistory);
    if (expectedVersion < 0) {
      throw new IllegalArgumentException("expected version cannot be negative");
    }
    if (snapshot.version() != expectedVersion + 1) {
      throw new IllegalArgumentException("snapshot version " + snapshot.version()
          + " must be expected version " + expectedVersion + " + 1");
    }
    if (newHistory.isEmpty()) {
      throw new IllegalArgumentException("every write of " + snapshot.id()
          + " appends at least one history entry");
    }
    for (int i = 0; i < newHistory.size(); i++) {
      HistoryEntry entry = newHistory.get(i);
      if (!entry.returnId().equals(snapshot.id())) {
        throw new IllegalArgumentException(
            "history entry of " + entry.returnId() + " in a write of " + snapshot.id());
      }
      if (i > 0) {
        HistoryEntry previous = newHistory.get(i - 1);
        if (entry.sequence() != previous.sequence() + 1) {
          throw new IllegalArgumentException("history entries of a write must be consecutive");
        }
        // The repository checks only that the first entry continues what it holds; a broken
        // link further in would be stored and found only when the history is audited.
        if (!entry.previousHash().equals(previous.hash())) {
          throw new IllegalArgumentException("history entry " + entry.sequence() + " of "
              + snapshot.id() + " does not link to entry " + previous.sequence());
        }
      }
    }
    HistoryEntry first = newHistory.get(0);
    if (expectedVersion == 0
        && (first.sequence() != 1 || !first.previousHash().equals(HistoryChain.GENESIS))) {
      throw new IllegalArgumentException("the history of new case " + snapshot.id()
          + " must start at entry 1, linked to the genesis hash");
    }
    HistoryEntry last = newHistory.get(newHistory.size() - 1);
    if (!snapshot.historyHead().equals(HistoryHead.of(last))) {
      throw new IllegalArgumentException("the snapshot's history head " + snapshot.historyHead()
          + " must be the last new entry (" + last.sequence() + ")");
    }
    for (HistoryEntry erased : erasedHistory) {
      if (!erased.returnId().equals(snapshot.id()) || erased.sequence() >= first.sequence()
          || erased.note() != null) {
        throw new IllegalArgumentException("an erasure in a write of " + snapshot.id()
            + " replaces an entry stored before, with its note erased: #" + erased.sequence()
            + " of " + erased.returnId() + " is not one");
      }
    }
    for (ReturnEvent event : newEvents) {
      if (!event.returnId().equals(snapshot.id())) {
        throw new IllegalArgumentException(
            "event of " + event.returnId() + " in a write of " + snapshot.id());
      }
    }
  }

  /**
   * Whether this write creates the case.
   *
   * @return true when the expected version is 0
   */
  public boolean isNew() {
    return expectedVersion == 0;
  }
}
