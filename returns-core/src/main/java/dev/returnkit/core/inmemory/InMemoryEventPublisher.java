package dev.returnkit.core.inmemory;

import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.id.ReturnId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link ReturnEventPublisher} that keeps every event in memory. Thread-safe. */
public final class InMemoryEventPublisher implements ReturnEventPublisher {

  private final List<ReturnEvent> published = new CopyOnWriteArrayList<>();

  /** Nothing published yet. */
  public InMemoryEventPublisher() {}

  @Override
  public void publish(List<ReturnEvent> events) {
    published.addAll(events);
  }

  /**
   * Every event, in publication order.
   *
   * @return the events
   */
  public List<ReturnEvent> events() {
    return List.copyOf(published);
  }

  /**
   * The events of one type.
   *
   * @param type the event record type
   * @param <T> the type
   * @return the events of that type, in order
   */
  public <T extends ReturnEvent> List<T> eventsOf(Class<T> type) {
    return published.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /**
   * The events of one case.
   *
   * @param returnId the case
   * @return its events, in order
   */
  public List<ReturnEvent> eventsOf(ReturnId returnId) {
    return published.stream().filter(e -> e.returnId().equals(returnId)).toList();
  }
}
