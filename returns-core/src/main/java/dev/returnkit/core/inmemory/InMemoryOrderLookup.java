package dev.returnkit.core.inmemory;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.PurchaseSummary;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An {@link OrderLookup} over orders held in memory: for tests, demos, and hosts that push
 * their orders into returnkit. Thread-safe.
 */
public final class InMemoryOrderLookup implements OrderLookup {

  private final Map<OrderId, OrderSnapshot> orders = new ConcurrentHashMap<>();
  // Each customer's orders, so that purchasesSince reads only theirs: with every request
  // asking for the customer's purchases, a scan of all orders made big order books quadratic.
  private final Map<CustomerId, Map<OrderId, OrderSnapshot>> byCustomer =
      new ConcurrentHashMap<>();

  /** An empty order book. */
  public InMemoryOrderLookup() {}

  /**
   * Adds an order, or replaces it (to record its delivery, say).
   *
   * @param order the order
   * @return this
   */
  public synchronized InMemoryOrderLookup put(OrderSnapshot order) {
    OrderSnapshot previous = orders.put(Objects.requireNonNull(order, "order").id(), order);
    if (previous != null && !previous.customerId().equals(order.customerId())) {
      byCustomer.get(previous.customerId()).remove(previous.id());
    }
    byCustomer.computeIfAbsent(order.customerId(), c -> new ConcurrentHashMap<>())
        .put(order.id(), order);
    return this;
  }

  /**
   * Adds several orders.
   *
   * @param all the orders
   * @return this
   */
  public InMemoryOrderLookup putAll(Collection<OrderSnapshot> all) {
    all.forEach(this::put);
    return this;
  }

  /**
   * Every order, in no particular order.
   *
   * @return the orders
   */
  public List<OrderSnapshot> all() {
    return List.copyOf(orders.values());
  }

  @Override
  public Optional<OrderSnapshot> findOrder(OrderId orderId) {
    return Optional.ofNullable(orders.get(orderId));
  }

  @Override
  public PurchaseSummary purchasesSince(CustomerId customerId, Instant since) {
    int count = 0;
    int units = 0;
    for (OrderSnapshot order : byCustomer.getOrDefault(customerId, Map.of()).values()) {
      if (!order.placedAt().isBefore(since)) {
        count++;
        for (OrderLine line : order.lines()) {
          units += line.quantity();
        }
      }
    }
    return count == 0 ? PurchaseSummary.NONE : new PurchaseSummary(count, units);
  }
}
