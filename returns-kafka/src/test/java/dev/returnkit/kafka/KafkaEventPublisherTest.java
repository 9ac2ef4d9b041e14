package dev.returnkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.returnkit.spi.event.EventHeader;
import dev.returnkit.spi.event.EventJson;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.testing.kafka.EmbeddedKraftBroker;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Events to a real Kafka broker")
class KafkaEventPublisherTest {

  private static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

  private static ReturnEvent event(String id, int sequence) {
    return new ReturnEvent.ReturnSentToReview(EventHeader.of(ReturnId.of(id), sequence, 0, AT),
        List.of("CODE_" + sequence));
  }

  @Test
  @DisplayName("each event keyed by its case, as its EventJson, with its id in a header")
  void keyedJson() throws Exception {
    try (EmbeddedKraftBroker broker = new EmbeddedKraftBroker()) {
      broker.start();
      try (var admin = broker.admin()) {
        admin.createTopics(List.of(new NewTopic("events", 3, (short) 1))).all().get();
      }
      List<ReturnEvent> sent = List.of(event("R-1", 1), event("R-2", 1), event("R-1", 2));
      try (KafkaEventPublisher publisher = KafkaEventPublisher.create(
          broker.bootstrapServers(), "events")) {
        publisher.publish(sent);
      }

      List<ConsumerRecord<String, String>> read = broker.records("events", 3);
      assertThat(read).extracting(ConsumerRecord::value)
          .containsExactlyInAnyOrderElementsOf(sent.stream().map(EventJson::write).toList());
      for (ConsumerRecord<String, String> record : read) {
        ReturnEvent event = EventJson.read(record.value());
        assertThat(record.key()).isEqualTo(event.returnId().value());
        assertThat(new String(record.headers().lastHeader(KafkaEventPublisher.EVENT_ID)
            .value(), StandardCharsets.UTF_8)).isEqualTo(event.header().eventId());
      }
      assertThat(read.stream().filter(r -> r.key().equals("R-1")).map(ConsumerRecord::value)
          .toList()).as("one case's events in order")
          .containsExactly(EventJson.write(sent.get(0)), EventJson.write(sent.get(2)));
    }
  }

  @Test
  @DisplayName("refuses settings that would weaken the guarantees")
  void refusesWeakSettings() {
    assertThatIllegalArgumentException().isThrownBy(() -> KafkaEventPublisher.create(Map.of(
        "bootstrap.servers", "localhost:1", "enable.idempotence", "false", "acks", "1"), "t"))
        .withMessageContaining("enable.idempotence=false (needs true)")
        .withMessageContaining("acks=1 (needs all)");
    assertThatIllegalArgumentException().isThrownBy(() -> KafkaEventPublisher.create(
        Map.of(), "t")).withMessageContaining("bootstrap.servers");
  }

  @Test
  @DisplayName("takes settings that say the same as the guarantees in other words")
  void acceptsEquivalentSettings() {
    // acks=-1 is Kafka's other name for all; a serializer may be given as its class.
    try (KafkaEventPublisher publisher = KafkaEventPublisher.create(Map.of(
        "bootstrap.servers", "localhost:1", "acks", "-1", "enable.idempotence", " true ",
        "key.serializer", StringSerializer.class), "returnkit.return-events")) {
      assertThat(publisher.topic()).isEqualTo("returnkit.return-events");
    }
    assertThatIllegalArgumentException().isThrownBy(() -> KafkaEventPublisher.create(Map.of(
        "bootstrap.servers", "localhost:1", "key.serializer", Object.class), "t"))
        .withMessageContaining("key.serializer=class java.lang.Object (needs "
            + StringSerializer.class.getName() + ")");
  }
}
