package dev.returnkit.core.inmemory;

import dev.returnkit.spi.exchange.ReplacementOrders;
import dev.returnkit.tck.ReplacementOrdersContract;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** The in-memory replacement orders against the port's contract. */
class InMemoryReplacementOrdersTest extends ReplacementOrdersContract {

  @Override
  protected ReplacementOrders newOrders() {
    return new InMemoryReplacementOrders(Clock.fixed(Instant.parse("2026-03-10T10:00:00Z"),
        ZoneOffset.UTC));
  }

  @Override
  protected int ordersPlaced(ReplacementOrders orders, String idempotencyKey) {
    return (int) ((InMemoryReplacementOrders) orders).placed().stream()
        .filter(request -> request.idempotencyKey().equals(idempotencyKey)).count();
  }
}
