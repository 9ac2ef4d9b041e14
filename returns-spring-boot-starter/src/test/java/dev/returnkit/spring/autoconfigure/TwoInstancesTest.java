package dev.returnkit.spring.autoconfigure;

import static dev.returnkit.spring.autoconfigure.ReturnkitAutoConfigurationTest.awaitTrue;
import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.Returns;
import dev.returnkit.core.fixtures.MutableClock;
import dev.returnkit.core.fixtures.Orders;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.jdbc.JdbcJobLeases;
import dev.returnkit.jdbc.JdbcOutboxRelay;
import dev.returnkit.jdbc.JdbcReturnRepository;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.testing.postgres.FreshPostgres;
import dev.returnkit.testing.postgres.TestSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("Two instances of a host on one database")
class TwoInstancesTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final InMemoryPorts shop = InMemoryPorts.create(clock);
  private final TestSchema schema = FreshPostgres.schema();
  /** Every event either instance's publisher got, with the instance that got it. */
  private final Queue<Delivery> deliveries = new ConcurrentLinkedQueue<>();

  private record Delivery(String instance, String eventId, ReturnId returnId) {}

  private ApplicationContextRunner instance(String name) {
    ReturnEventPublisher publisher = events -> {
      for (ReturnEvent event : events) {
        deliveries.add(new Delivery(name, event.header().eventId(), event.header().returnId()));
      }
    };
    return TestHost.on(TestHost.withPorts(shop, clock), schema)
        .withBean(ReturnEventPublisher.class, () -> publisher)
        .withPropertyValues("returnkit.jobs.instance-name=" + name, "returnkit.jobs.lease=2s",
            "returnkit.expiry.interval=50ms", "returnkit.outbox.interval=50ms");
  }

  @Test
  @DisplayName("one runs each job, every overdue case expires once and every event is relayed "
      + "once; when it stops, the other takes over")
  void oneRunnerAtATime() throws Exception {
    instance("a").run(a -> instance("b").run(b -> {
      assertThat(a).hasNotFailed();
      assertThat(b).hasNotFailed();
      // The test looks at the database through connections of its own: either instance stops.
      JdbcReturnRepository storage = JdbcReturnRepository.create(schema.dataSource());
      JdbcJobLeases leases = JdbcJobLeases.create(schema.dataSource(), "observer");

      List<ReturnId> first = overdueCases(a.getBean(Returns.class), "first", 12);
      awaitExpiredAndRelayed(storage, a.getBean(JdbcOutboxRelay.class), first);

      String expiryHolder = leases.current("expiry").orElseThrow().holder();
      String relayHolder = leases.current("outbox-relay-default").orElseThrow().holder();
      assertThat(List.of(expiryHolder, relayHolder)).allMatch(Set.of("a", "b")::contains);
      assertExpiredOnce(storage, first);
      assertRelayedOnceBy(relayHolder);

      // The relay's holder stops: it gives its leases up, and the other instance takes over.
      AssertableApplicationContext stopping = relayHolder.equals("a") ? a : b;
      AssertableApplicationContext going = stopping == a ? b : a;
      String other = relayHolder.equals("a") ? "b" : "a";
      stopping.close();
      deliveries.clear();

      List<ReturnId> second = overdueCases(going.getBean(Returns.class), "second", 5);
      awaitExpiredAndRelayed(storage, going.getBean(JdbcOutboxRelay.class), second);

      assertThat(leases.current("expiry").orElseThrow().holder()).isEqualTo(other);
      assertThat(leases.current("outbox-relay-default").orElseThrow().holder())
          .isEqualTo(other);
      assertExpiredOnce(storage, second);
      assertRelayedOnceBy(other);
    }));
  }

  /** Cases whose parcel is awaited, then a clock past their drop-off deadline. */
  private List<ReturnId> overdueCases(Returns returns, String prefix, int count) {
    List<ReturnId> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      OrderSnapshot order = Orders.order("O-" + prefix + "-" + i, clock.instant())
          .customer("C-" + prefix + i).line("L-1", "SKU-" + i, "home", 1, "25.00").build();
      shop.orders().put(order);
      ReturnId id = returns.request(TestShop.request(order, RequestedLine.of(
          OrderLineId.of("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND))).id();
      returns.arrangeShipment(id,
          ShipmentOptions.label(Actor.customer(order.customerId().value())));
      ids.add(id);
    }
    clock.advance(Duration.ofDays(15));
    return ids;
  }

  private static void awaitExpiredAndRelayed(JdbcReturnRepository storage,
      JdbcOutboxRelay relay, List<ReturnId> ids) throws InterruptedException {
    awaitTrue(() -> ids.stream().allMatch(id ->
        storage.findById(id).orElseThrow().status() == ReturnStatus.EXPIRED));
    awaitTrue(() -> relay.pendingCount() == 0);
  }

  private static void assertExpiredOnce(JdbcReturnRepository storage, List<ReturnId> ids) {
    for (ReturnId id : ids) {
      List<HistoryEntry> expiries = storage.history(id).stream()
          .filter(entry -> entry.command() == ReturnCommand.EXPIRE).toList();
      assertThat(expiries).as(id.value()).hasSize(1);
      assertThat(expiries.get(0).actor()).isEqualTo(ReturnkitAutoConfiguration.EXPIRY_JOB);
    }
  }

  private void assertRelayedOnceBy(String instance) {
    Map<String, Long> perEvent = deliveries.stream()
        .collect(Collectors.groupingBy(Delivery::eventId, Collectors.counting()));
    assertThat(perEvent).isNotEmpty();
    assertThat(perEvent.values()).as("each event once").allMatch(count -> count == 1);
    assertThat(deliveries).extracting(Delivery::instance).containsOnly(instance);
  }
}
