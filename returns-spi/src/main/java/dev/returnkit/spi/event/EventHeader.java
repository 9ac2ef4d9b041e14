package dev.returnkit.spi.event;

import dev.returnkit.spi.id.ReturnId;
import java.time.Instant;
import java.util.Objects;

/**
 * What every return event carries: its id, the case, the history entry of the command that
 * produced it, and when.
 *
 * @param eventId unique and stable: {@code <returnId>/<historySequence>/<n>}, the n-th event
 *     of that command; consumers use it to drop duplicates
 * @param returnId the case
 * @param historySequence the sequence of the history entry (command) that produced the event;
 *     events of one case are ordered by it
 * @param occurredAt when the command ran
 */
public record EventHeader(String eventId, ReturnId returnId, int historySequence,
    Instant occurredAt) {

  /** Checks required fields. */
  public EventHeader {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(returnId, "returnId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (historySequence < 1) {
      throw new IllegalArgumentException("historySequence starts at 1, got " + historySequence);
    }
  }

  /**
   * The header of the {@code index}-th event (from 0) produced by one command.
   *
   * @param returnId the case
   * @param historySequence the command's history sequence
   * @param index the event's position among that command's events
   * @param occurredAt when the command ran
   * @return the header
   */
  public static EventHeader of(ReturnId returnId, int historySequence, int index,
      Instant occurredAt) {
    return new EventHeader(returnId.value() + "/" + historySequence + "/" + index, returnId,
        historySequence, occurredAt);
  }
}
