package dev.returnkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.Returns;
import dev.returnkit.core.fixtures.MutableClock;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.jdbc.JdbcOutboxRelay;
import dev.returnkit.kafka.KafkaEventPublisher;
import dev.returnkit.spi.event.EventJson;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.testing.kafka.EmbeddedKraftBroker;
import dev.returnkit.testing.postgres.FreshPostgres;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("The starter's events to Kafka")
class KafkaAutoConfigurationTest {

  private static final Instant NOW = Instant.parse("2026-12-03T10:00:00Z");
  private static EmbeddedKraftBroker broker;

  private final MutableClock clock = new MutableClock(NOW);
  private final InMemoryPorts shop = InMemoryPorts.create(clock);

  @BeforeAll
  static void startBroker() {
    broker = EmbeddedKraftBroker.started();
    broker.createTopic("returnkit.return-events", 3);
    broker.createTopic("shop.returns", 1);
  }

  @AfterAll
  static void stopBroker() {
    broker.close();
  }

  private ApplicationContextRunner host() {
    return TestHost.withPorts(shop, clock).withPropertyValues("returnkit.jobs.enabled=false");
  }

  @Test
  @DisplayName("with the bootstrap servers set, the relay sends the stored events to the topic")
  void relaysToKafka() {
    TestHost.on(host(), FreshPostgres.schema())
        .withPropertyValues("returnkit.kafka.bootstrap-servers=" + broker.bootstrapServers(),
            "returnkit.kafka.producer.client.id=shop-returns")
        .run(context -> {
          assertThat(context).hasNotFailed().hasSingleBean(KafkaEventPublisher.class)
              .hasSingleBean(JdbcOutboxRelay.class);
          assertThat(context.getBean(KafkaEventPublisher.class).topic())
              .isEqualTo("returnkit.return-events");

          ReturnId id = requestOne(context.getBean(Returns.class), "O-1");
          assertThat(context.getBean(JdbcOutboxRelay.class).deliverAll()).isEqualTo(2);

          List<ConsumerRecord<String, String>> records = broker.records("returnkit.return-events", 2);
          assertThat(records).extracting(ConsumerRecord::key).containsOnly(id.value());
          assertThat(records).extracting(record -> header(record,
              KafkaEventPublisher.EVENT_TYPE)).containsExactly("RETURN_REQUESTED",
              "RETURN_APPROVED");
          assertThat(records).extracting(record -> EventJson.read(record.value()).returnId())
              .containsOnly(id);
        });
  }

  @Test
  @DisplayName("sends to the topic of returnkit.kafka.topic")
  void otherTopic() {
    TestHost.on(host(), FreshPostgres.schema())
        .withPropertyValues("returnkit.kafka.bootstrap-servers=" + broker.bootstrapServers(),
            "returnkit.kafka.topic=shop.returns")
        .run(context -> {
          ReturnId id = requestOne(context.getBean(Returns.class), "O-2");
          context.getBean(JdbcOutboxRelay.class).deliverAll();
          assertThat(broker.records("shop.returns", 2)).extracting(ConsumerRecord::key)
              .containsExactly(id.value(), id.value());
        });
  }

  @Test
  @DisplayName("makes no publisher without the bootstrap servers")
  void offWithoutServers() {
    TestHost.on(host(), FreshPostgres.schema()).run(context ->
        assertThat(context).hasNotFailed().doesNotHaveBean(KafkaEventPublisher.class)
            .doesNotHaveBean(JdbcOutboxRelay.class));
  }

  @Test
  @DisplayName("backs off when the host has a publisher of its own")
  void backsOff() {
    ReturnEventPublisher own = events -> { };
    TestHost.on(host(), FreshPostgres.schema())
        .withPropertyValues("returnkit.kafka.bootstrap-servers=" + broker.bootstrapServers())
        .withBean(ReturnEventPublisher.class, () -> own)
        .run(context -> {
          assertThat(context).hasNotFailed().doesNotHaveBean(KafkaEventPublisher.class);
          assertThat(context.getBean(ReturnEventPublisher.class)).isSameAs(own);
        });
  }

  @Test
  @DisplayName("fails at start-up on producer settings that weaken the guarantees, naming them")
  void refusesWeakSettings() {
    TestHost.on(host(), FreshPostgres.schema())
        .withPropertyValues("returnkit.kafka.bootstrap-servers=" + broker.bootstrapServers(),
            "returnkit.kafka.producer.acks=1")
        .run(context -> assertThat(context).getFailure().rootCause()
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("acks=1 (needs all)"));
  }

  private ReturnId requestOne(Returns returns, String orderId) {
    return TestHost.requestOne(returns, shop, clock.instant(), orderId);
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
