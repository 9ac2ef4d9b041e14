/**
 * Return events to Kafka: {@link dev.returnkit.kafka.KafkaEventPublisher}, the publisher for
 * the JDBC outbox relay (keyed by case, idempotent, the versioned JSON of
 * {@code dev.returnkit.spi.event.EventJson}). docs/events.md describes the payload and the
 * Debezium alternative.
 */
package dev.returnkit.kafka;
