package dev.returnkit.kafka;

import dev.returnkit.spi.event.EventJson;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.event.ReturnEventPublisher;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends return events to a Kafka topic: the publisher to give {@code JdbcOutboxRelay}, so that
 * every event stored with its case reaches the shop's broker.
 *
 * <ul>
 *   <li><b>Keyed by the case</b> ({@code returnId}): a case's events go to one partition and
 *       stay in the order of its history; different cases spread over the partitions.
 *   <li><b>The value</b> is the event's {@link EventJson} document in UTF-8, the versioned
 *       payload the outbox stores (docs/events.md); headers {@value #EVENT_ID},
 *       {@value #EVENT_TYPE} and {@value #FORMAT} repeat what a consumer routes or drops by.
 *   <li><b>Idempotent producer</b>, {@code acks=all}: a send the producer retries after a lost
 *       answer is written once. {@link #publish} returns only when the broker acknowledged
 *       every event of the batch, and throws {@link KafkaPublishException} when one was not,
 *       so that the relay marks nothing delivered and sends the batch again later.
 * </ul>
 *
 * <p><b>At least once.</b> A batch sent again after a failure may repeat events the broker had
 * taken: consumers drop what they have seen by {@value #EVENT_ID} (the event's id,
 * {@code returnId/historySequence/index}); with duplicates dropped, each case's events arrive
 * in the order of its history. Thread-safe (the Kafka producer is); close it on shutdown.
 */
public final class KafkaEventPublisher implements ReturnEventPublisher, AutoCloseable {

  /** The header with the event's id, unique and stable: what duplicates are known by. */
  public static final String EVENT_ID = "returnkit-event-id";
  /** The header with the event's type, e.g. {@code RETURN_APPROVED}. */
  public static final String EVENT_TYPE = "returnkit-event-type";
  /** The header with the payload's {@code @format}. */
  public static final String FORMAT = "returnkit-format";

  /** The producer settings the guarantees rest on; a host's config may not change them. */
  private static final Map<String, String> REQUIRED = Map.of(
      ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
      ProducerConfig.ACKS_CONFIG, "all",
      ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
      ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());

  private final Producer<String, String> producer;
  private final String topic;

  KafkaEventPublisher(Producer<String, String> producer, String topic) {
    this.producer = Objects.requireNonNull(producer, "producer");
    this.topic = Objects.requireNonNull(topic, "topic");
  }

  /**
   * A publisher to a topic of the brokers given, with Kafka's defaults otherwise.
   *
   * @param bootstrapServers e.g. {@code kafka-1:9092,kafka-2:9092}
   * @param topic e.g. {@code returnkit.return-events}
   * @return the publisher
   */
  public static KafkaEventPublisher create(String bootstrapServers, String topic) {
    return create(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic);
  }

  /**
   * A publisher with the host's producer settings (bootstrap servers, security, timeouts such
   * as {@code delivery.timeout.ms}, client id, ...).
   *
   * @param producerConfig Kafka producer settings; {@code bootstrap.servers} at least
   * @param topic the topic
   * @return the publisher
   * @throws IllegalArgumentException if the settings turn off idempotence, ask for fewer
   *     acknowledgements than {@code all}, set other serializers, or lack bootstrap servers
   */
  public static KafkaEventPublisher create(Map<String, ?> producerConfig, String topic) {
    Objects.requireNonNull(producerConfig, "producerConfig");
    if (Objects.requireNonNull(topic, "topic").isBlank()) {
      throw new IllegalArgumentException("the topic must not be blank");
    }
    if (producerConfig.get(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG) == null) {
      throw new IllegalArgumentException("the producer settings lack "
          + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG);
    }
    Map<String, Object> config = new HashMap<>(producerConfig);
    List<String> conflicts = new ArrayList<>();
    REQUIRED.forEach((key, value) -> {
      Object given = config.get(key);
      if (given != null && !normal(key, given).equals(value)) {
        conflicts.add(key + "=" + given + " (needs " + value + ")");
      }
      config.put(key, value);
    });
    if (!conflicts.isEmpty()) {
      throw new IllegalArgumentException("the producer settings contradict what the events'"
          + " guarantees need: " + String.join(", ", conflicts));
    }
    config.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "returnkit-events");
    return new KafkaEventPublisher(new KafkaProducer<>(config), topic);
  }

  /**
   * The topic events go to.
   *
   * @return its name
   */
  public String topic() {
    return topic;
  }

  /**
   * Sends the events and waits until the broker acknowledged each.
   *
   * @param events the events, in the order of their cases' histories
   * @throws KafkaPublishException naming the first event the broker did not take and why;
   *     events before it may have been written (they come again with the batch)
   */
  @Override
  public void publish(List<ReturnEvent> events) {
    List<Future<RecordMetadata>> sent = new ArrayList<>(events.size());
    try {
      for (ReturnEvent event : events) {
        sent.add(producer.send(record(event)));
      }
      for (int i = 0; i < sent.size(); i++) {
        await(sent.get(i), events.get(i));
      }
    } catch (KafkaPublishException e) {
      throw e;
    } catch (RuntimeException e) {
      // send() itself fails when the producer cannot learn the topic's partitions in time.
      ReturnEvent first = events.get(sent.size() < events.size() ? sent.size() : 0);
      throw new KafkaPublishException(describe(first) + " could not be sent: " + e.getMessage(),
          e);
    }
  }

  /**
   * Closes the producer, waiting up to ten seconds for what it still sends.
   */
  @Override
  public void close() {
    producer.close(Duration.ofSeconds(10));
  }

  private ProducerRecord<String, String> record(ReturnEvent event) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic,
        event.returnId().value(), EventJson.write(event));
    record.headers().add(EVENT_ID, bytes(event.header().eventId()))
        .add(EVENT_TYPE, bytes(event.type().name()))
        .add(FORMAT, bytes(Integer.toString(EventJson.FORMAT)));
    return record;
  }

  private void await(Future<RecordMetadata> send, ReturnEvent event) {
    try {
      // Bounded: the producer completes every send within its delivery.timeout.ms.
      send.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new KafkaPublishException(describe(event) + " was not acknowledged: "
          + cause.getMessage(), cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new KafkaPublishException(describe(event) + ": interrupted while waiting for the"
          + " broker", e);
    }
  }

  private String describe(ReturnEvent event) {
    return "event " + event.header().eventId() + " (" + event.type() + ") to topic " + topic;
  }

  private static String normal(String key, Object value) {
    if (value instanceof Class<?> type) {
      return type.getName();
    }
    String text = value.toString().trim();
    return key.equals(ProducerConfig.ACKS_CONFIG) && text.equals("-1") ? "all" : text;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
