package dev.returnkit.examples.howto.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.returncase.ServiceLevels;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.examples.demo.SimulationClock;
import dev.returnkit.examples.howto.ExampleShop;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ForwardingReturnRepository;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Wiring returnkit in a host application")
class ShopReturnsModuleTest {

  private static final ShopReturnsModule.Configuration DEFAULTS =
      new ShopReturnsModule.Configuration(null, Duration.ofMinutes(15), ServiceLevels.DEFAULT);

  private final SimulationClock clock = new SimulationClock(ExampleShop.NOW);
  private final InMemoryPorts ports = InMemoryPorts.create(clock);
  private ShopReturnsModule module;

  @AfterEach
  void stop() {
    if (module != null) {
      module.close();
    }
  }

  private ReturnRequest orderedShirt(int number, int daysAgo) {
    OrderSnapshot order = ExampleShop.order(number, daysAgo, "SHIRT", "apparel", "39.90");
    ports.orders().put(order);
    return ExampleShop.requestFor(order, ReturnReason.CHANGED_MIND);
  }

  @Nested
  @DisplayName("the endpoint")
  class Endpoint {

    private ReturnsEndpoint endpoint;

    private void start(ShopAdapters adapters) {
      module = new ShopReturnsModule(adapters, DEFAULTS, clock);
      endpoint = new ReturnsEndpoint(module.returns());
    }

    @Test
    @DisplayName("answers 201 with the case")
    void created() {
      start(ShopAdapters.of(ports));

      ReturnsEndpoint.Response response = endpoint.requestReturn(orderedShirt(1, 3));

      assertThat(response.status()).isEqualTo(201);
      assertThat(response.body()).contains("APPROVED", "RETURN_REQUESTED");
    }

    @Test
    @DisplayName("answers 400 listing every field path, and stores nothing")
    void badInput() {
      start(ShopAdapters.of(ports));

      ReturnsEndpoint.Response response =
          endpoint.requestReturn(HostApplicationExample.twoMistakes(orderedShirt(1, 3)));

      assertThat(response.status()).isEqualTo(400);
      assertThat(response.body().lines()).containsExactly(
          "lines[0].quantity: must be greater than 0", "lines[0].reason: must not be null");
      assertThat(ports.repository().size()).isZero();
    }

    @Test
    @DisplayName("answers 409 naming the state and the command on an illegal transition")
    void illegalTransition() {
      start(ShopAdapters.of(ports));
      String id = endpoint.requestReturn(orderedShirt(1, 3)).body().split(" ")[0];

      ReturnsEndpoint.Response response = endpoint.receiveParcel(id, new GoodsReceipt(
          Actor.warehouse("W-1"), List.of(new ReceivedLine(ExampleShop.line(), 1))));

      assertThat(response.status()).isEqualTo(409);
      assertThat(response.body()).contains("APPROVED", "RECEIVE");
    }

    @Test
    @DisplayName("answers 404 for an unknown case")
    void unknownCase() {
      start(ShopAdapters.of(ports));

      assertThat(endpoint.settle("R-404").status()).isEqualTo(404);
    }

    @Test
    @DisplayName("runs a use case once more after losing a race to another writer")
    void retriesALostRace() {
      RacingRepository racing = new RacingRepository(ports.repository());
      start(new ShopAdapters(racing, ports.orders(), ports.logistics(), ports.payments(),
          ports.inventory(), ports.notifier(), ports.events()));
      String id = endpoint.requestReturn(orderedShirt(1, 3)).body().split(" ")[0];
      module.returns().arrangeShipment(ReturnId.of(id),
          new ShipmentOptions(ShippingMethod.LABEL, Actor.customer("C-1")));

      racing.loseNextSave();
      ReturnsEndpoint.Response response = endpoint.receiveParcel(id, new GoodsReceipt(
          Actor.warehouse("W-1"), List.of(new ReceivedLine(ExampleShop.line(), 1))));

      assertThat(response.status()).as(response.body()).isEqualTo(200);
      assertThat(response.body()).contains("RECEIVED");
      assertThat(racing.lost()).isTrue();
    }
  }

  @Nested
  @DisplayName("the expiry job")
  class Expiry {

    @Test
    @DisplayName("expires a case whose parcel was never sent")
    void expiresOverdueCases() {
      module = new ShopReturnsModule(ShopAdapters.of(ports), DEFAULTS, clock);
      ReturnId id = arrangedShipment();

      assertThat(module.expireOverdue()).isZero();
      clock.set(ExampleShop.NOW.plus(Duration.ofDays(15)));
      assertThat(module.expireOverdue()).isEqualTo(1);
      assertThat(module.returns().find(id).orElseThrow().status())
          .isEqualTo(ReturnStatus.EXPIRED);
    }

    @Test
    @DisplayName("runs on its schedule once started, and stops on close")
    void runsOnSchedule() throws InterruptedException {
      module = new ShopReturnsModule(ShopAdapters.of(ports), new ShopReturnsModule.Configuration(
          null, Duration.ofMillis(20), ServiceLevels.DEFAULT), clock);
      ReturnId id = arrangedShipment();
      clock.set(ExampleShop.NOW.plus(Duration.ofDays(15)));

      module.start();
      // Waits for the scheduler thread, up to a generous bound; this measures no speed.
      Instant giveUp = Instant.now().plusSeconds(30);
      while (module.returns().find(id).orElseThrow().status() != ReturnStatus.EXPIRED
          && Instant.now().isBefore(giveUp)) {
        Thread.sleep(10);
      }

      assertThat(module.returns().find(id).orElseThrow().status())
          .isEqualTo(ReturnStatus.EXPIRED);
    }

    private ReturnId arrangedShipment() {
      ReturnId id = module.returns().request(orderedShirt(1, 3)).returnCase().id();
      module.returns().arrangeShipment(id,
          new ShipmentOptions(ShippingMethod.LABEL, Actor.customer("C-1")));
      return id;
    }
  }

  @Nested
  @DisplayName("the policy directory")
  class Policies {

    @Test
    @DisplayName("is read at start-up and again on reload, without a restart")
    void reloads(@TempDir Path directory) throws IOException {
      Path settings = directory.resolve(DroolsPolicies.SETTINGS_FILE);
      Files.writeString(settings, "return-window.days = 30\n");
      module = new ShopReturnsModule(ShopAdapters.of(ports),
          new ShopReturnsModule.Configuration(directory, Duration.ofMinutes(15),
              ServiceLevels.DEFAULT), clock);
      ReturnRequest fortyDaysLate = orderedShirt(1, 40);
      assertThat(module.returns().preview(fortyDaysLate).status())
          .isEqualTo(ReturnStatus.REJECTED);

      Files.writeString(settings, "return-window.days = 60\n");
      module.reloadPolicies();

      assertThat(module.returns().preview(fortyDaysLate).status())
          .isEqualTo(ReturnStatus.APPROVED);
      assertThat(module.policyDescription()).contains("settings changed");
    }

    @Test
    @DisplayName("that no longer builds keeps the rules in force and says why")
    void brokenReloadKeepsTheRules(@TempDir Path directory) throws IOException {
      Path settings = directory.resolve(DroolsPolicies.SETTINGS_FILE);
      Files.writeString(settings, "return-window.days = 60\n");
      module = new ShopReturnsModule(ShopAdapters.of(ports),
          new ShopReturnsModule.Configuration(directory, Duration.ofMinutes(15),
              ServiceLevels.DEFAULT), clock);
      ReturnRequest fortyDaysLate = orderedShirt(1, 40);

      Files.writeString(settings, "return-window.days = sixty\n");

      assertThatThrownBy(module::reloadPolicies).isInstanceOf(InvalidRuleSetException.class)
          .hasMessageContaining("return-window.days");
      assertThat(module.returns().preview(fortyDaysLate).status())
          .isEqualTo(ReturnStatus.APPROVED);
    }
  }

  /** A repository whose next save loses a race: another writer changed the case first. */
  private static final class RacingRepository extends ForwardingReturnRepository {

    private final AtomicBoolean loseNext = new AtomicBoolean();
    private final AtomicBoolean lost = new AtomicBoolean();

    RacingRepository(ReturnRepository delegate) {
      super(delegate);
    }

    void loseNextSave() {
      loseNext.set(true);
    }

    boolean lost() {
      return lost.get();
    }

    @Override
    public void save(CaseWrite write) {
      if (loseNext.getAndSet(false)) {
        lost.set(true);
        throw new ConcurrentReturnUpdateException(write.snapshot().id(),
            write.expectedVersion(), write.expectedVersion() + 1);
      }
      super.save(write);
    }
  }
}
