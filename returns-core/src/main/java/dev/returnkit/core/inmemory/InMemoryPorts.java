package dev.returnkit.core.inmemory;

import dev.returnkit.core.Returns;
import java.time.Clock;
import java.util.Objects;

/**
 * One in-memory adapter for every port, wired together: for tests, demos and trying returnkit
 * out. Each adapter records what it was asked, so the outcome of a run can be inspected.
 *
 * @param repository cases and history
 * @param orders the order book
 * @param logistics labels and pickups
 * @param payments refunds, store credit and charges
 * @param inventory stock movements
 * @param notifier customer messages
 * @param events return events
 * @param replacements the replacement orders of exchanges
 */
public record InMemoryPorts(
    InMemoryReturnRepository repository,
    InMemoryOrderLookup orders,
    InMemoryReturnLogistics logistics,
    InMemoryPaymentGateway payments,
    InMemoryInventoryGateway inventory,
    InMemoryCustomerNotifier notifier,
    InMemoryEventPublisher events,
    InMemoryReplacementOrders replacements) {

  public InMemoryPorts {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(orders, "orders");
    Objects.requireNonNull(logistics, "logistics");
    Objects.requireNonNull(payments, "payments");
    Objects.requireNonNull(inventory, "inventory");
    Objects.requireNonNull(notifier, "notifier");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(replacements, "replacements");
  }

  /**
   * Fresh, empty adapters on the system clock.
   *
   * @return the adapters
   */
  public static InMemoryPorts create() {
    return create(Clock.systemUTC());
  }

  /**
   * Fresh, empty adapters.
   *
   * @param clock the clock payment receipts are stamped with
   * @return the adapters
   */
  public static InMemoryPorts create(Clock clock) {
    return new InMemoryPorts(new InMemoryReturnRepository(), new InMemoryOrderLookup(),
        new InMemoryReturnLogistics(), new InMemoryPaymentGateway(clock),
        new InMemoryInventoryGateway(), new InMemoryCustomerNotifier(),
        new InMemoryEventPublisher(), new InMemoryReplacementOrders(clock));
  }

  /**
   * Sets every port of a builder to these adapters.
   *
   * @param builder the builder
   * @return the same builder
   */
  public Returns.Builder wire(Returns.Builder builder) {
    return builder.repository(repository).orders(orders).logistics(logistics)
        .payments(payments).inventory(inventory).notifier(notifier).events(events)
        .replacements(replacements);
  }
}
