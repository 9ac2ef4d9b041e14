package dev.returnkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.tck.TckCases;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("The outbox relay")
class OutboxRelayTest {

  private static final int CASES = 30;

  @AfterEach
  void closePools() {
    TestDatabases.closePools();
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("delivers every stored event once, in order per case, and marks it delivered")
  void deliversInOrder(TestDatabases.Kind kind) {
    DataSource dataSource = kind.fresh();
    List<ReturnEvent> stored = storeCases(dataSource);
    Consumer consumer = new Consumer();
    JdbcOutboxRelay relay = JdbcOutboxRelay.create(dataSource, consumer).withBatchSize(7);

    assertThat(relay.pendingCount()).isEqualTo(stored.size());
    assertThat(relay.deliverAll()).isEqualTo(stored.size());

    assertThat(consumer.received()).containsExactlyInAnyOrderElementsOf(stored);
    assertInOrderPerCase(consumer.received());
    assertThat(relay.pendingCount()).isZero();
    assertThat(relay.deliverAll()).as("nothing is delivered twice").isZero();
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("after a relay dies mid-batch, a restarted one delivers the rest: exactly once "
      + "to a consumer that drops duplicates")
  void exactlyOnceAcrossARestart(TestDatabases.Kind kind) {
    DataSource dataSource = kind.fresh();
    List<ReturnEvent> stored = storeCases(dataSource);
    Consumer consumer = new Consumer();
    // The third batch reaches the consumer, then the process "dies" before marking it delivered.
    ReturnEventPublisher dying = new ReturnEventPublisher() {
      private int batches;

      @Override
      public void publish(List<ReturnEvent> events) {
        consumer.publish(events);
        if (++batches == 3) {
          throw new IllegalStateException("process killed after publishing");
        }
      }
    };
    JdbcOutboxRelay first = JdbcOutboxRelay.create(dataSource, dying).withBatchSize(10);
    assertThatThrownBy(first::deliverAll).hasMessage("process killed after publishing");
    int deliveredBeforeTheCrash = consumer.deliveries();

    JdbcOutboxRelay restarted = JdbcOutboxRelay.create(dataSource, consumer).withBatchSize(10);
    restarted.deliverAll();

    assertThat(deliveredBeforeTheCrash).isEqualTo(30);
    assertThat(consumer.deliveries()).as("the crashed batch came again")
        .isEqualTo(stored.size() + 10);
    assertThat(consumer.received()).as("after dropping duplicates: each event once")
        .containsExactlyInAnyOrderElementsOf(stored);
    assertInOrderPerCase(consumer.received());
    assertThat(restarted.pendingCount()).isZero();
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("two relays running at once never deliver an event twice or out of order")
  void twoRelaysAtOnce(TestDatabases.Kind kind) throws Exception {
    DataSource dataSource = kind.fresh();
    List<ReturnEvent> stored = storeCases(dataSource);
    Consumer consumer = new Consumer();

    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> relays = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        relays.add(pool.submit(
            () -> JdbcOutboxRelay.create(dataSource, consumer).withBatchSize(5).deliverAll()));
      }
      int total = 0;
      for (Future<Integer> relay : relays) {
        total += relay.get(1, TimeUnit.MINUTES);
      }
      assertThat(total).isEqualTo(stored.size());
    } finally {
      pool.shutdownNow();
    }

    assertThat(consumer.deliveries()).as("no duplicates at all").isEqualTo(stored.size());
    assertThat(consumer.received()).containsExactlyInAnyOrderElementsOf(stored);
    assertInOrderPerCase(consumer.received());
  }

  /** Stores cases with two or three saves each; returns their events. */
  private static List<ReturnEvent> storeCases(DataSource dataSource) {
    JdbcReturnRepository repository = JdbcReturnRepository.create(dataSource);
    List<ReturnEvent> events = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      ReturnId id = ReturnId.of(String.format("R-%04d", i));
      var create = Writes.withEvents(TckCases.newCase(id));
      repository.save(create);
      events.addAll(create.newEvents());
      ReturnCaseSnapshot stored = repository.findById(id).orElseThrow();
      var approve = Writes.withEvents(TckCases.update(stored, ReturnStatus.APPROVED,
          ReturnStatus.AWAITING_RETURN));
      repository.save(approve);
      events.addAll(approve.newEvents());
    }
    return events;
  }

  private static void assertInOrderPerCase(List<ReturnEvent> received) {
    Map<ReturnId, List<ReturnEvent>> byCase = received.stream().collect(
        Collectors.groupingBy(ReturnEvent::returnId, LinkedHashMap::new, Collectors.toList()));
    Comparator<ReturnEvent> historyOrder = Comparator
        .comparingInt((ReturnEvent e) -> e.header().historySequence())
        .thenComparingInt(e -> e.header().index());
    byCase.forEach((id, events) -> assertThat(events).as(id.value()).isSortedAccordingTo(
        historyOrder));
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("relays of different names each deliver every event once; a new name starts with "
      + "every event the outbox holds")
  void namedRelays(TestDatabases.Kind kind) {
    DataSource dataSource = kind.fresh();
    List<ReturnEvent> stored = storeCases(dataSource);
    Consumer broker = new Consumer();
    Consumer search = new Consumer();
    JdbcOutboxRelay kafka = JdbcOutboxRelay.create(dataSource, broker, "kafka").withBatchSize(5);
    JdbcOutboxRelay index = JdbcOutboxRelay.create(dataSource, search, "search-index");

    assertThat(kafka.deliverAll()).isEqualTo(stored.size());
    assertThat(kafka.pendingCount()).isZero();
    assertThat(index.pendingCount()).as("kafka's deliveries are not the index's")
        .isEqualTo(stored.size());
    assertThat(index.deliverAll()).isEqualTo(stored.size());
    assertThat(JdbcOutboxRelay.create(dataSource, new Consumer()).pendingCount())
        .as("the default relay has delivered nothing yet").isEqualTo(stored.size());

    for (Consumer consumer : List.of(broker, search)) {
      assertThat(consumer.received()).containsExactlyInAnyOrderElementsOf(stored);
      assertThat(consumer.deliveries()).isEqualTo(stored.size());
      assertInOrderPerCase(consumer.received());
    }
    assertThat(kafka.name()).isEqualTo("kafka");
    assertThat(Writes.single(dataSource,
        "select count(*) from rk_outbox where delivered_at is null")).isZero();
    assertThatThrownBy(() -> JdbcOutboxRelay.create(dataSource, broker, "two words"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a relay name is 1 to 100 letters, digits, '-', '_' or '.', got 'two words'");
    assertThatThrownBy(() -> JdbcOutboxRelay.create(dataSource, broker, ""))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A consumer that counts every delivery and keeps each event once, by its id. */
  private static final class Consumer implements ReturnEventPublisher {
    private final Map<String, ReturnEvent> byId = new LinkedHashMap<>();
    private int deliveries;

    @Override
    public synchronized void publish(List<ReturnEvent> events) {
      for (ReturnEvent event : events) {
        deliveries++;
        byId.putIfAbsent(event.header().eventId(), event);
      }
    }

    synchronized int deliveries() {
      return deliveries;
    }

    synchronized List<ReturnEvent> received() {
      return Collections.unmodifiableList(new ArrayList<>(byId.values()));
    }
  }
}
