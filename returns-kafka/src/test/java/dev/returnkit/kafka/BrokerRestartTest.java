package dev.returnkit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.jdbc.JdbcOutboxRelay;
import dev.returnkit.jdbc.JdbcReturnRepository;
import dev.returnkit.jdbc.ReturnkitSchema;
import dev.returnkit.spi.event.EventHeader;
import dev.returnkit.spi.event.EventJson;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.testing.kafka.EmbeddedKraftBroker;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.tck.TckCases;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The outbox relay sending to a real broker that goes down in the middle of a batch, while
 * cases keep being saved: the guarantee of docs/events.md (at least once, nothing lost, each
 * case in order once duplicates are dropped by event id), tried end to end.
 */
@DisplayName("The outbox relay to Kafka through a broker restart")
class BrokerRestartTest {

  private static final String TOPIC = "return-events";
  private static final int CASES = 30;
  private static final int BATCH = 6;
  /** The batch during which the broker stops: after its first half was acknowledged. */
  private static final int FAILING_BATCH = 5;

  @Test
  @DisplayName("loses nothing, repeats only what it sent before the failure, keeps each case's "
      + "order")
  void restartMidStream() throws Exception {
    DataSource database = h2();
    ReturnkitSchema.migrate(database);
    JdbcReturnRepository repository = JdbcReturnRepository.create(database);
    try (EmbeddedKraftBroker broker = new EmbeddedKraftBroker()) {
      broker.start();
      try (var admin = broker.admin()) {
        admin.createTopics(List.of(new NewTopic(TOPIC, 3, (short) 1))).all().get();
      }
      List<String> acknowledgedBeforeStop = new ArrayList<>();
      AtomicInteger failures = new AtomicInteger();
      try (KafkaEventPublisher kafka = KafkaEventPublisher.create(impatient(broker), TOPIC)) {
        ReturnEventPublisher stopsTheBroker = new StopsMidBatch(kafka, broker,
            acknowledgedBeforeStop);
        JdbcOutboxRelay relay = JdbcOutboxRelay.create(database, stopsTheBroker)
            .withBatchSize(BATCH);
        int saved = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while ((saved < CASES || relay.pendingCount() > 0) && System.nanoTime() < deadline) {
          if (saved < CASES) {
            saved++;
            saveAndAdvancePrevious(repository, saved);
          }
          try {
            relay.deliverPending();
          } catch (KafkaPublishException e) {
            failures.incrementAndGet();
            Thread.sleep(200);
          }
        }
        assertThat(relay.pendingCount()).as("events still waiting").isZero();
      }

      List<String> outbox = outboxEventIds(database);
      assertThat(outbox).hasSize(CASES * 4);
      assertThat(failures.get()).as("batches the relay had to send again").isPositive();
      assertThat(acknowledgedBeforeStop).as("acknowledged before the broker stopped").isNotEmpty();

      List<ConsumerRecord<String, String>> topic = broker.records(TOPIC, outbox.size(),
          // Past the count, read on a moment: repeats make the topic longer.
          Duration.ofSeconds(1));
      List<String> received = topic.stream().map(BrokerRestartTest::eventId).toList();
      Set<String> distinct = new LinkedHashSet<>(received);
      assertThat(distinct).as("every stored event reached the topic, and nothing else")
          .containsExactlyInAnyOrderElementsOf(outbox);
      List<String> duplicates = duplicates(received);
      assertThat(duplicates).as("the events acknowledged before the broker stopped come twice")
          .containsAll(acknowledgedBeforeStop);
      for (ConsumerRecord<String, String> record : topic) {
        assertThat(EventJson.read(record.value()).header().eventId())
            .as("the header names the payload's event").isEqualTo(eventId(record));
      }
      assertThat(firstOccurrencesPerCase(topic))
          .as("each case's events, duplicates dropped, in the order of its history")
          .isEqualTo(perCase(outbox));
    }
  }

  /** Hands batches on, and stops the broker halfway through one of them for four seconds. */
  private static final class StopsMidBatch implements ReturnEventPublisher {

    private final ReturnEventPublisher kafka;
    private final EmbeddedKraftBroker broker;
    private final List<String> acknowledgedBeforeStop;
    private int batches;

    StopsMidBatch(ReturnEventPublisher kafka, EmbeddedKraftBroker broker,
        List<String> acknowledgedBeforeStop) {
      this.kafka = kafka;
      this.broker = broker;
      this.acknowledgedBeforeStop = acknowledgedBeforeStop;
    }

    @Override
    public void publish(List<ReturnEvent> events) {
      if (++batches != FAILING_BATCH) {
        kafka.publish(events);
        return;
      }
      List<ReturnEvent> firstHalf = events.subList(0, events.size() / 2);
      kafka.publish(firstHalf);
      firstHalf.forEach(event -> acknowledgedBeforeStop.add(event.header().eventId()));
      broker.stop();
      Thread restart = new Thread(() -> {
        try {
          Thread.sleep(4_000);
          broker.start();
        } catch (Exception e) {
          throw new IllegalStateException("the broker did not come back", e);
        }
      }, "broker-restart");
      restart.start();
      // Longer down than the producer's delivery timeout: this half fails, and the relay
      // keeps the whole batch to send again.
      kafka.publish(events.subList(events.size() / 2, events.size()));
    }
  }

  /** Timeouts short enough that a send to a stopped broker fails within the test. */
  private static Map<String, Object> impatient(EmbeddedKraftBroker broker) {
    return Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000,
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 2_000,
        ProducerConfig.MAX_BLOCK_MS_CONFIG, 2_000,
        ProducerConfig.RETRY_BACKOFF_MS_CONFIG, 50,
        ProducerConfig.RETRY_BACKOFF_MAX_MS_CONFIG, 500,
        ProducerConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
        ProducerConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500);
  }

  /**
   * Creates case {@code R-n} (one history entry) and moves {@code R-(n-1)} on by three, so
   * that cases' events interleave in the outbox; the last case is moved on by itself.
   */
  private static void saveAndAdvancePrevious(JdbcReturnRepository repository, int n) {
    repository.save(withEvents(TckCases.newCase(ReturnId.of("R-" + n), OrderId.of("O-" + n),
        TckCases.CUSTOMER, ReturnStatus.IN_REVIEW, TckCases.REQUESTED_AT, null)));
    List<Integer> advance = n < CASES ? List.of(n - 1) : List.of(n - 1, n);
    for (int previous : advance) {
      if (previous > 0) {
        ReturnCaseSnapshot stored = repository.findById(ReturnId.of("R-" + previous))
            .orElseThrow();
        repository.save(withEvents(TckCases.update(stored, ReturnStatus.APPROVED,
            ReturnStatus.AWAITING_RETURN, ReturnStatus.IN_TRANSIT)));
      }
    }
  }

  /** One event per new history entry, as the core publishes one or more per transition. */
  private static CaseWrite withEvents(CaseWrite write) {
    List<ReturnEvent> events = new ArrayList<>();
    for (HistoryEntry entry : write.newHistory()) {
      events.add(new ReturnEvent.ReturnSentToReview(EventHeader.of(entry.returnId(),
          entry.sequence(), 0, entry.at()), List.of(entry.toStatus().name())));
    }
    return new CaseWrite(write.snapshot(), write.expectedVersion(), write.newHistory(), events);
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:restart;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1");
    return h2;
  }

  private static List<String> outboxEventIds(DataSource database) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection connection = database.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("select payload from rk_outbox order by id")) {
      while (row.next()) {
        ids.add(EventJson.read(row.getString(1)).header().eventId());
      }
    }
    return ids;
  }

  private static String eventId(ConsumerRecord<String, String> record) {
    return new String(record.headers().lastHeader(KafkaEventPublisher.EVENT_ID).value(),
        StandardCharsets.UTF_8);
  }

  private static List<String> duplicates(List<String> received) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> again = new ArrayList<>();
    for (String id : received) {
      if (!seen.add(id)) {
        again.add(id);
      }
    }
    return again;
  }

  /** A case's id is the event id up to its first slash ({@code returnId/sequence/index}). */
  private static Map<String, List<String>> perCase(List<String> eventIds) {
    Map<String, List<String>> cases = new LinkedHashMap<>();
    for (String id : eventIds) {
      cases.computeIfAbsent(id.substring(0, id.indexOf('/')), c -> new ArrayList<>()).add(id);
    }
    return cases;
  }

  private static Map<String, List<String>> firstOccurrencesPerCase(
      List<ConsumerRecord<String, String>> topic) {
    Set<String> seen = new LinkedHashSet<>();
    List<String> firsts = new ArrayList<>();
    // Records come per partition in offset order; a case lives on one partition.
    for (ConsumerRecord<String, String> record : topic) {
      assertThat(record.key()).isEqualTo(eventId(record).substring(0,
          eventId(record).indexOf('/')));
      if (seen.add(eventId(record))) {
        firsts.add(eventId(record));
      }
    }
    return perCase(firsts);
  }
}
