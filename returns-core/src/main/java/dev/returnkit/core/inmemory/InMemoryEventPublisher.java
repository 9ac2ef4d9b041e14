package dev.returnkit.core.inmemory;

import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.id.ReturnId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A {@link ReturnEventPublisher} that keeps every event in memory. Thread-safe. */
public final class InMemoryEventPublisher implements ReturnEventPublisher {

  // Guarded by this. A plain list under a lock rather than a copy-on-write list: publishing is
  // the frequent operation here, and copying every event ever published on each publish made a
  // month of 10,000 returns spend most of its time in array copies.
  private final List<ReturnEvent> published = new ArrayList<>();
  private final Map<ReturnId, List<ReturnEvent>> byCase = new HashMap<>();

  /** Nothing published yet. */
  public InMemoryEventPublisher() {}

  @Override
  public synchronized void publish(List<ReturnEvent> events) {
    for (ReturnEvent event : events) {
      published.add(event);
      byCase.computeIfAbsent(event.returnId(), id -> new ArrayList<>()).add(event);
    }
  }

  /**
   * Every event, in publication order.
   *
   * @return the events, a copy
   */
  public synchronized List<ReturnEvent> events() {
    return List.copyOf(published);
  }

  /**
   * The events of one type.
   *
   * @param type the event record type
   * @param <T> the type
   * @return the events of that type, in order
   */
  public synchronized <T extends ReturnEvent> List<T> eventsOf(Class<T> type) {
    return published.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * The events of one case.
   *
   * @param returnId the case
   * @return its events, in order
   */
  public synchronized List<ReturnEvent> eventsOf(ReturnId returnId) {
    return List.copyOf(byCase.getOrDefault(returnId, List.of()));
  }
}
