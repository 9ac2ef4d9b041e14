package dev.returnkit.testing.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A test broker")
class EmbeddedKraftBrokerTest {

  @Test
  @DisplayName("takes records, and still has them after a stop and a start")
  void keepsDataOverRestart() {
    try (EmbeddedKraftBroker broker = EmbeddedKraftBroker.started()) {
      broker.createTopic("t", 2);
      send(broker, "before");
      broker.stop();
      assertThat(broker.isRunning()).isFalse();
      broker.start();
      assertThat(broker.isRunning()).isTrue();
      send(broker, "after");

      assertThat(broker.records("t", 2)).extracting(ConsumerRecord::value)
          .containsExactly("before", "after");
      assertThatIllegalStateException().isThrownBy(broker::start)
          .withMessage("the test broker runs already");
    }
  }

  private static void send(EmbeddedKraftBroker broker, String value) {
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        "bootstrap.servers", broker.bootstrapServers()), new StringSerializer(),
        new StringSerializer())) {
      producer.send(new ProducerRecord<>("t", "key", value)).get();
    } catch (Exception e) {
      throw new AssertionError("the broker did not take " + value, e);
    }
  }
}
