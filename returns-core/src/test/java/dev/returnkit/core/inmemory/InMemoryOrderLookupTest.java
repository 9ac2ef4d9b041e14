package dev.returnkit.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.PurchaseSummary;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The in-memory order book")
class InMemoryOrderLookupTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");
  private final InMemoryOrderLookup orders = new InMemoryOrderLookup();

  @Test
  @DisplayName("sums a customer's orders and units placed since a time, and only theirs")
  void purchasesSince() {
    orders.put(order("O-1", "C-1", T0.minusSeconds(1), 5));
    orders.put(order("O-2", "C-1", T0, 2));
    orders.put(order("O-3", "C-1", T0.plusSeconds(60), 3));
    orders.put(order("O-4", "C-2", T0.plusSeconds(60), 7));

    assertThat(orders.purchasesSince(CustomerId.of("C-1"), T0))
        .isEqualTo(new PurchaseSummary(2, 5));
    assertThat(orders.purchasesSince(CustomerId.of("C-2"), T0))
        .isEqualTo(new PurchaseSummary(1, 7));
    assertThat(orders.purchasesSince(CustomerId.of("C-3"), T0)).isEqualTo(PurchaseSummary.NONE);
  }

  @Test
  @DisplayName("counts a replaced order once, under its current customer")
  void replacedOrder() {
    orders.put(order("O-1", "C-1", T0, 2));
    orders.put(order("O-1", "C-1", T0, 4));
    assertThat(orders.purchasesSince(CustomerId.of("C-1"), T0))
        .isEqualTo(new PurchaseSummary(1, 4));

    orders.put(order("O-1", "C-2", T0, 4));

    assertThat(orders.purchasesSince(CustomerId.of("C-1"), T0)).isEqualTo(PurchaseSummary.NONE);
    assertThat(orders.purchasesSince(CustomerId.of("C-2"), T0))
        .isEqualTo(new PurchaseSummary(1, 4));
    assertThat(orders.findOrder(OrderId.of("O-1")).orElseThrow().customerId())
        .isEqualTo(CustomerId.of("C-2"));
  }

  private static OrderSnapshot order(String id, String customer, Instant placedAt, int units) {
    return new OrderSnapshot(OrderId.of(id), CustomerId.of(customer),
        Currency.getInstance("EUR"), placedAt, null,
        List.of(new OrderLine(OrderLineId.of("1"), Sku.of("SKU"), "apparel", units,
            Money.of("10.00", "EUR"), false)),
        Money.of("0.00", "EUR"), "PSP-" + id);
  }
}
