package dev.returnkit.spi.event;

import java.util.List;

/**
 * Hands return events to the host: a message broker, an in-process bus, an outbox.
 *
 * <p>Called after the case and its history are stored, once per command, with that command's
 * events in order. <b>Idempotency:</b> a retried command can publish an event again with the
 * same {@link ReturnEvent#eventId()}; consumers drop duplicates by it. <b>Thread-safety:</b>
 * must be safe to call from many threads; two commands on the same case may publish from
 * different threads, so consumers that care about order sort a case's events by
 * {@link EventHeader#historySequence()}. <b>Errors:</b> a failure is logged and does not undo the
 * stored command; for guaranteed delivery use a storage adapter with an outbox (the events are
 * also passed to {@code ReturnRepository.save}).
 */
public interface ReturnEventPublisher {

  /**
   * Publishes one command's events, in order.
   *
   * @param events the events, never empty
   */
  void publish(List<ReturnEvent> events);
}
