package dev.returnkit.kafka;

import dev.returnkit.spi.ReturnsException;

/**
 * The broker did not take an event (unreachable, refused, or no answer within the producer's
 * {@code delivery.timeout.ms}). Thrown out of {@code publish}, it makes the outbox relay keep
 * the batch for its next run: nothing is lost, and the events come again.
 */
public final class KafkaPublishException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  /**
   * An event not taken.
   *
   * @param message which event, to which topic, and why
   * @param cause what the producer reported
   */
  public KafkaPublishException(String message, Throwable cause) {
    super(message, cause);
  }
}
