package dev.returnkit.spi.event;

import dev.returnkit.spi.id.ReturnId;
import java.time.Instant;
import java.util.Objects;

/**
 * What every return event carries: the case, the history entry of the command that produced
 * it, its position among that command's events, and when.
 *
 * @param returnId the case
 * @param historySequence the sequence of the history entry (command) that produced the event;
 *     events of one case are ordered by it, then by {@code index}
 * @param index the event's position among the events of that command, from 0
 * @param occurredAt when the command ran
 */
public record EventHeader(ReturnId returnId, int historySequence, int index,
    Instant occurredAt) {

  public EventHeader {
    Objects.requireNonNull(returnId, "returnId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    if (historySequence < 1) {
      throw new IllegalArgumentException("historySequence starts at 1, got " + historySequence);
    }
    if (index < 0) {
      throw new IllegalArgumentException("index starts at 0, got " + index);
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
    return new EventHeader(returnId, historySequence, index, occurredAt);
  }

  /**
   * The event's unique, stable id, {@code <returnId>/<historySequence>/<index>}: derived, so
   * an event read back from an outbox has the id it was published with, and consumers can drop
   * duplicates by it.
   *
   * @return the event id
   */
  public String eventId() {
    return returnId.value() + "/" + historySequence + "/" + index;
  }
}
