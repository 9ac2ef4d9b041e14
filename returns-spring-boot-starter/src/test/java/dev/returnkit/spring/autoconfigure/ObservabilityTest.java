package dev.returnkit.spring.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.Returns;
import dev.returnkit.core.fixtures.MutableClock;
import dev.returnkit.core.fixtures.Orders;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.observation.ReturnsObserver;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.jdbc.JdbcOutboxRelay;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spring.observability.ReturnkitHealthIndicator;
import dev.returnkit.testing.postgres.FreshPostgres;
import dev.returnkit.testing.postgres.TestSchema;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

@DisplayName("Metrics, traces and health")
class ObservabilityTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-12-03T10:00:00Z"));
  private final InMemoryPorts shop = InMemoryPorts.create(clock);
  private final TestSchema schema = FreshPostgres.schema();

  private ApplicationContextRunner host() {
    ReturnEventPublisher nowhere = events -> { };
    return TestHost.on(TestHost.withPorts(shop, clock), schema)
        .withBean(ReturnEventPublisher.class, () -> nowhere)
        .withPropertyValues("returnkit.jobs.enabled=false");
  }

  private ReturnId request(Returns returns, String orderId) {
    OrderSnapshot order = Orders.order(orderId, clock.instant()).customer("C-" + orderId)
        .line("L-1", "SKU-BOOTS", "shoes", 1, "120.00").build();
    shop.orders().put(order);
    return returns.request(TestShop.request(order, RequestedLine.of(OrderLineId.of("L-1"), 1,
        ReturnReason.DOES_NOT_FIT, Resolution.REFUND))).id();
  }

  private static double count(MeterRegistry meters, String name, String... tags) {
    Counter counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  @DisplayName("count the use cases by outcome, the transitions, decisions, rules fired, "
      + "payments and refusals, and gauge the outbox backlog")
  void metrics() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    host().withBean(MeterRegistry.class, () -> meters).run(context -> {
      assertThat(context).hasNotFailed().hasSingleBean(ReturnsObserver.class);
      Returns returns = context.getBean(Returns.class);

      ReturnId id = request(returns, "O-1");
      assertThatThrownBy(() -> returns.approve(id, new Approval(Actor.agent("agent-7"), null)))
          .isInstanceOf(IllegalReturnTransitionException.class);
      String tracking = returns.arrangeShipment(id, new ShipmentOptions(ShippingMethod.PICKUP,
          Actor.customer("C-O-1"))).returnCase().shipment().trackingNumber();
      returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT, tracking,
          clock.instant(), "Depot"), Actor.system("carrier-feed"));
      returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.LOST, tracking,
          clock.instant(), null), Actor.system("carrier-feed"));
      returns.settle(id, Actor.system("settlement-job"));

      assertThat(meters.find("returnkit.use-case").tags("use-case", "request",
          "outcome", "success").timer().count()).isEqualTo(1);
      assertThat(meters.find("returnkit.use-case").tags("use-case", "approve",
          "outcome", "illegal-transition").timer().count()).isEqualTo(1);
      assertThat(meters.find("returnkit.use-case").tags("use-case", "record-carrier-event")
          .timer().count()).isEqualTo(2);
      assertThat(count(meters, "returnkit.refusals", "kind", "transition",
          "use-case", "approve")).isEqualTo(1);

      assertThat(count(meters, "returnkit.transitions", "from", "new", "to", "APPROVED"))
          .isEqualTo(1);
      assertThat(count(meters, "returnkit.transitions", "from", "IN_TRANSIT",
          "to", "LOST_IN_TRANSIT")).isEqualTo(1);
      assertThat(count(meters, "returnkit.transitions", "from", "SETTLING", "to", "COMPLETED"))
          .isEqualTo(1);
      assertThat(count(meters, "returnkit.decisions", "policy", "eligibility")).isEqualTo(1);
      assertThat(count(meters, "returnkit.decisions", "policy", "liability")).isEqualTo(1);
      assertThat(count(meters, "returnkit.decisions", "policy", "settlement")).isEqualTo(1);

      // Each rule the history names, counted once per entry that names it.
      List<HistoryEntry> history = returns.history(id);
      for (HistoryEntry entry : history) {
        for (String rule : entry.rules()) {
          long named = history.stream().filter(e -> e.rules().contains(rule)).count();
          assertThat(count(meters, "returnkit.rules.fired", "rule", rule)).as(rule)
              .isEqualTo(named);
        }
      }
      assertThat(history.stream().mapToLong(e -> e.rules().size()).sum())
          .as("the case was decided by rules at all").isPositive();

      int paid = shop.payments().calls().size();
      assertThat(paid).isPositive();
      assertThat(count(meters, "returnkit.payments", "kind", "refund", "outcome", "paid"))
          .isEqualTo(paid);

      JdbcOutboxRelay relay = context.getBean(JdbcOutboxRelay.class);
      double backlog = meters.find("returnkit.outbox.backlog").tags("relay", "default")
          .gauge().value();
      assertThat(backlog).isEqualTo(relay.pendingCount()).isPositive();
      relay.deliverAll();
      assertThat(meters.find("returnkit.outbox.backlog").gauge().value()).isZero();
    });
  }

  @Test
  @DisplayName("report each use case as an observation of the application's registry")
  void observations() {
    List<String> seen = new CopyOnWriteArrayList<>();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(
        new ObservationHandler<Observation.Context>() {
          @Override
          public void onStop(Observation.Context context) {
            seen.add(context.getName() + " " + context.getContextualName() + " "
                + context.getLowCardinalityKeyValue("use-case").getValue() + " "
                + context.getLowCardinalityKeyValue("outcome").getValue());
          }

          @Override
          public boolean supportsContext(Observation.Context context) {
            return true;
          }
        });
    host().withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withBean(ObservationRegistry.class, () -> observations)
        .run(context -> {
          Returns returns = context.getBean(Returns.class);
          ReturnId id = request(returns, "O-2");
          returns.find(id);

          assertThat(seen).containsExactly(
              "returnkit.use-case returnkit request request success",
              "returnkit.use-case returnkit find find success");
        });
  }

  @Test
  @DisplayName("without a meter registry, run unobserved")
  void withoutRegistry() {
    host().run(context -> {
      assertThat(context).hasNotFailed().doesNotHaveBean(ReturnsObserver.class);
      request(context.getBean(Returns.class), "O-3");
    });
  }

  @Test
  @DisplayName("health: the rules, the database, the backlog; down when the database is")
  void health() {
    host().run(context -> {
      ReturnkitHealthIndicator indicator = context.getBean("returnkitHealthIndicator",
          ReturnkitHealthIndicator.class);
      request(context.getBean(Returns.class), "O-4");

      Health health = indicator.health();

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      Map<String, Object> details = health.getDetails();
      assertThat(details).containsEntry("database", "reachable")
          .containsEntry("outboxRelay", "default").containsEntry("outboxBacklog", 2L)
          .containsEntry("ruleWarnings", 0).containsKey("rules");
      assertThat((Integer) details.get("ruleCount")).isGreaterThan(30);
    });

    Health down = new ReturnkitHealthIndicator(null, new Unreachable(), null).health();
    assertThat(down.getStatus()).isEqualTo(Status.DOWN);
    assertThat(down.getDetails()).containsEntry("database", "unreachable");
  }

  @Test
  @DisplayName("without a DataSource, the health has the rules only")
  void healthWithoutDatabase() {
    TestHost.withPorts(shop, clock)
        .withBean(ReturnRepository.class, shop::repository)
        .withPropertyValues("returnkit.jobs.enabled=false")
        .run(context -> {
          Health health = context.getBean(ReturnkitHealthIndicator.class).health();
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails()).containsKeys("rules", "ruleCount")
              .doesNotContainKeys("database", "outboxBacklog");
        });
  }

  /** A database that does not answer. */
  private static final class Unreachable implements DataSource {
    @Override
    public Connection getConnection() throws SQLException {
      throw new SQLException("connection refused");
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
      return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
      return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
      return 0;
    }

    @Override
    public Logger getParentLogger() {
      return Logger.getGlobal();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
      throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
      return false;
    }
  }
}
