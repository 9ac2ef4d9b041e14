package dev.returnkit.core.inmemory;

import dev.returnkit.spi.exchange.ReplacementKeyReusedException;
import dev.returnkit.spi.exchange.ReplacementOrder;
import dev.returnkit.spi.exchange.ReplacementOrders;
import dev.returnkit.spi.exchange.ReplacementRequest;
import dev.returnkit.spi.id.OrderId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link ReplacementOrders} in memory: one order per idempotency key, numbered {@code X-1},
 * {@code X-2}, ..., with the request that placed it. Thread-safe.
 */
public final class InMemoryReplacementOrders implements ReplacementOrders {

  private final Clock clock;
  private final Map<String, ReplacementRequest> requests = new HashMap<>();
  private final Map<String, ReplacementOrder> orders = new HashMap<>();
  private final List<ReplacementRequest> placed = new ArrayList<>();

  /**
   * An order system with no orders yet.
   *
   * @param clock the time orders are placed and cancelled at
   */
  public InMemoryReplacementOrders(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public synchronized ReplacementOrder place(ReplacementRequest request) {
    ReplacementRequest earlier = requests.get(request.idempotencyKey());
    if (earlier != null) {
      if (!earlier.equals(request)) {
        throw new ReplacementKeyReusedException(request.idempotencyKey(), "first " + earlier
            + ", now " + request);
      }
      return orders.get(request.idempotencyKey());
    }
    ReplacementOrder order = new ReplacementOrder(request.idempotencyKey(),
        OrderId.of("X-" + (placed.size() + 1)), clock.instant(), null);
    requests.put(request.idempotencyKey(), request);
    orders.put(request.idempotencyKey(), order);
    placed.add(request);
    return order;
  }

  @Override
  public synchronized Optional<ReplacementOrder> cancel(String idempotencyKey) {
    ReplacementOrder order = orders.get(idempotencyKey);
    if (order == null || order.isCancelled()) {
      return Optional.ofNullable(order);
    }
    ReplacementOrder cancelled = new ReplacementOrder(order.idempotencyKey(), order.orderId(),
        order.placedAt(), clock.instant());
    orders.put(idempotencyKey, cancelled);
    return Optional.of(cancelled);
  }

  @Override
  public synchronized Optional<ReplacementOrder> find(String idempotencyKey) {
    return Optional.ofNullable(orders.get(idempotencyKey));
  }

  /**
   * Every request that placed an order (once per key), in order.
   *
   * @return the requests
   */
  public synchronized List<ReplacementRequest> placed() {
    return List.copyOf(placed);
  }
}
