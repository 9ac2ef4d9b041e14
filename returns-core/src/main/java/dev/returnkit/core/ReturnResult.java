package dev.returnkit.core;

import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import java.util.List;
import java.util.Objects;

/**
 * What a use case of {@link Returns} did: the case as stored afterwards, and the events its
 * commands produced (already stored and published).
 *
 * @param returnCase the case after the use case
 * @param events the events, in order
 */
public record ReturnResult(ReturnCaseSnapshot returnCase, List<ReturnEvent> events) {

  public ReturnResult {
    Objects.requireNonNull(returnCase, "returnCase");
    events = List.copyOf(events);
  }

  /**
   * The case's id.
   *
   * @return the id of {@link #returnCase()}
   */
  public ReturnId id() {
    return returnCase.id();
  }
}
