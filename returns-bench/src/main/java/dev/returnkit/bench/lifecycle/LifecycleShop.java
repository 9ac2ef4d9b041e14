package dev.returnkit.bench.lifecycle;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.returnkit.core.Returns;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.inmemory.InMemoryReturnRepository;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.jdbc.JdbcReturnRepository;
import dev.returnkit.jdbc.ReturnkitSchema;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ForwardingReturnRepository;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A shop that takes one return after another through the whole lifecycle with the default
 * Drools policies: request (approved at once), label, two carrier scans, receipt, inspection,
 * settlement (refund, completed): eight commands through the {@code Returns} facade, storing in
 * memory or in an embedded PostgreSQL through returns-jdbc. Counts saves (one transaction
 * each in PostgreSQL) and can time each command. Thread-safe (each case has its own order);
 * close it to stop the database.
 */
public final class LifecycleShop implements AutoCloseable {

  /** Where cases are stored. */
  public enum Store {
    /** returnkit's in-memory repository. */
    MEMORY,
    /** returns-jdbc in an embedded PostgreSQL, through a HikariCP pool. */
    POSTGRES,
    /**
     * The same with {@code synchronous_commit = off}: a commit does not wait for its WAL to
     * reach the disk. Not a setting for a shop's money (a crash can lose the last commits);
     * run beside {@link #POSTGRES}, the difference is what the disk's flushes cost.
     */
    POSTGRES_ASYNC_COMMIT;

    boolean postgres() {
      return this != MEMORY;
    }
  }

  /** The eight commands of a case, in order. */
  public enum Command {
    REQUEST, ARRANGE_SHIPMENT, IN_TRANSIT, DELIVERED, RECEIVE, INSPECT, SETTLE, FIND
  }

  private static final Instant NOW = Instant.parse("2026-03-16T10:00:00Z");
  private static final OrderLineId LINE = OrderLineId.of("1");
  private static final Actor DOCK = Actor.warehouse("dock-1");
  private static final Actor INSPECTOR = Actor.warehouse("inspector-1");

  private final InMemoryPorts ports;
  private final Returns returns;
  private final AtomicLong saves = new AtomicLong();
  private final EmbeddedPostgres server;
  private final HikariDataSource pool;
  private final InMemoryReturnRepository inMemory;
  private volatile CommandTimer timer = CommandTimer.NONE;
  private final AtomicLong orders = new AtomicLong();
  private final AtomicLong returnIds = new AtomicLong();

  private LifecycleShop(Store store, DroolsPolicies policies) {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    this.ports = InMemoryPorts.create(clock);
    ReturnRepository repository;
    if (store.postgres()) {
      try {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
        if (store == Store.POSTGRES_ASYNC_COMMIT) {
          builder.setServerConfig("synchronous_commit", "off");
        }
        server = builder.start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      HikariConfig config = new HikariConfig();
      config.setJdbcUrl(server.getJdbcUrl("postgres", "postgres"));
      // One connection per benchmark thread, up to the eight clients docs/benchmarks.md runs.
      config.setMaximumPoolSize(8);
      pool = new HikariDataSource(config);
      ReturnkitSchema.migrate(pool);
      repository = JdbcReturnRepository.create(pool);
      inMemory = null;
    } else {
      server = null;
      pool = null;
      inMemory = new InMemoryReturnRepository();
      repository = inMemory;
    }
    ReturnRepository counted = new CountingRepository(repository, saves);
    this.returns = ports.wire(Returns.builder()).repository(counted)
        .policies(policies.policies()).clock(clock)
        .ids(() -> ReturnId.of("R-" + returnIds.incrementAndGet())).build();
  }

  /**
   * Opens a shop.
   *
   * @param store where cases go
   * @return the shop, with no cases
   */
  public static LifecycleShop open(Store store) {
    return open(store, DroolsPolicies.defaults());
  }

  /**
   * Opens a shop that decides with policies already built, so that several shops in turn share
   * one rule base, as one shop's restarts of its stores would.
   *
   * @param store where cases go
   * @param policies the policies
   * @return the shop, with no cases
   */
  public static LifecycleShop open(Store store, DroolsPolicies policies) {
    return new LifecycleShop(store, policies);
  }

  /**
   * Times every command from now on.
   *
   * @param timer where the times go
   */
  public void timeWith(CommandTimer timer) {
    this.timer = timer;
  }

  /**
   * Takes a new return from request to completion.
   *
   * @return its id
   */
  public ReturnId runCase() {
    long n = orders.incrementAndGet();
    OrderSnapshot order = new OrderSnapshot(OrderId.of("O-" + n),
        CustomerId.of("C-" + n), Currency.getInstance("EUR"),
        NOW.minus(Duration.ofDays(7)), NOW.minus(Duration.ofDays(5)),
        List.of(new OrderLine(LINE, Sku.of("SKU-TEE-M"), "apparel", 1,
            Money.of("59.90", "EUR"), false)),
        Money.of("4.95", "EUR"), "PSP-" + n);
    ports.orders().put(order);
    Actor customer = Actor.customer(order.customerId().value());
    long t = System.nanoTime();
    ReturnId id = returns.request(new ReturnRequest(order.id(), order.customerId(),
        List.of(RequestedLine.of(LINE, 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND)),
        customer)).returnCase().id();
    t = timer.lap(Command.REQUEST, t);
    String tracking = returns.arrangeShipment(id, new ShipmentOptions(ShippingMethod.LABEL,
        customer)).returnCase().shipment().trackingNumber();
    t = timer.lap(Command.ARRANGE_SHIPMENT, t);
    returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT, tracking,
        NOW, "hub"), Actor.system("carrier-feed"));
    t = timer.lap(Command.IN_TRANSIT, t);
    returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.DELIVERED_TO_WAREHOUSE,
        tracking, NOW, "returns warehouse"), Actor.system("carrier-feed"));
    t = timer.lap(Command.DELIVERED, t);
    returns.receive(id, new GoodsReceipt(DOCK, List.of(new ReceivedLine(LINE, 1))));
    t = timer.lap(Command.RECEIVE, t);
    returns.inspect(id, new InspectionReport(INSPECTOR, List.of(new InspectedLine(LINE, 1,
        ItemGrade.A, Set.of(InspectionFinding.SEAL_INTACT), null))));
    t = timer.lap(Command.INSPECT, t);
    ReturnStatus status = returns.settle(id, Actor.SYSTEM).returnCase().status();
    t = timer.lap(Command.SETTLE, t);
    if (status != ReturnStatus.COMPLETED) {
      throw new IllegalStateException(id + " ended in " + status + ", not COMPLETED");
    }
    returns.find(id).orElseThrow();
    timer.lap(Command.FIND, t);
    return id;
  }

  /**
   * Saves so far: one per command that changed a case (one transaction each in PostgreSQL).
   *
   * @return the count
   */
  public long saves() {
    return saves.get();
  }

  /**
   * Cases stored in memory (for measuring the heap they hold).
   *
   * @return the count, or -1 for PostgreSQL
   */
  public int casesInMemory() {
    return inMemory == null ? -1 : inMemory.size();
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.close();
    }
    if (server != null) {
      try {
        server.close();
      } catch (IOException ignored) {
        // A temporary directory.
      }
    }
  }

  /** Receives the time each command took. */
  @FunctionalInterface
  public interface CommandTimer {
    /** Times nothing. */
    CommandTimer NONE = (command, nanos) -> { };

    /**
     * A command finished.
     *
     * @param command which
     * @param nanos how long it took
     */
    void took(Command command, long nanos);

    /**
     * Records the time since {@code start} for a command and starts the next lap.
     *
     * @param command the command that just finished
     * @param start when it started
     * @return now
     */
    default long lap(Command command, long start) {
      long now = System.nanoTime();
      took(command, now - start);
      return now;
    }
  }

  /** The repository, counting saves. */
  private static final class CountingRepository extends ForwardingReturnRepository {
    private final AtomicLong saves;

    CountingRepository(ReturnRepository target, AtomicLong saves) {
      super(target);
      this.saves = saves;
    }

    @Override
    public void save(CaseWrite write) {
      super.save(write);
      saves.incrementAndGet();
    }
  }
}
