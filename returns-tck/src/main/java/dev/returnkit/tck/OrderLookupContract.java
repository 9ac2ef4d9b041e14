package dev.returnkit.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderDiscount;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.PurchaseSummary;
import dev.returnkit.spi.order.TaxMode;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link OrderLookup} contract as tests: the adapter every shop writes, over its own order
 * system. returnkit checks requests against what it returns and refunds from the prices in it,
 * so an order must come back exactly as the shop sold it (every line, every price to the minor
 * unit, the delivery date or none), a missing order must be an empty answer rather than an
 * error, and a customer's purchases must be counted over exactly the period asked for.
 *
 * <p>To use it, extend it in the adapter's tests and say how to put orders into the order
 * system the adapter reads (a test database, a fake of the shop's API):
 *
 * <pre>{@code
 * class MyOrderLookupTest extends OrderLookupContract {
 *   protected OrderLookup lookupOver(List<OrderSnapshot> orders) {
 *     orders.forEach(testShopDatabase::insert);
 *     return new MyOrderLookup(testShopDatabase.dataSource());
 *   }
 * }
 * }</pre>
 *
 * <p>Every test uses order and customer ids of its own, unique per run, so an adapter against a
 * shared test system sees nothing of earlier runs.
 */
public abstract class OrderLookupContract {

  private static final Instant T0 = Instant.parse("2026-03-01T09:30:00Z");

  private String run;

  /** For subclasses. */
  protected OrderLookupContract() {}

  /**
   * An adapter over an order system that holds (at least) these orders. Called by each test,
   * at most once.
   *
   * @param orders the orders to put into the order system
   * @return the adapter under test
   */
  protected abstract OrderLookup lookupOver(List<OrderSnapshot> orders);

  @BeforeEach
  void newRun() {
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  private String id(String name) {
    return name + "-" + run;
  }

  private OrderSnapshot.Builder order(String name, String customer, String currency) {
    return OrderSnapshot.builder(id(name), id(customer), currency).placedAt(T0)
        .paymentReference("PAY-" + id(name));
  }

  @Nested
  @DisplayName("Finding an order")
  class Finding {

    @Test
    @DisplayName("returns it exactly as it was sold: lines in order, prices, dates, shipping")
    void exactly() {
      OrderSnapshot sold = order("O-1", "C-1", "EUR")
          .deliveredAt(T0.plusSeconds(2 * 86_400 + 17))
          .line("L-1", "TSHIRT-M", "apparel", 2, "19.90")
          .finalSaleLine("L-2", "SOCKS-3PK", "underwear", 1, "7.00")
          .line("L-3", "JACKET-L", "apparel", 1, "129.00")
          .shipping("4.95").build();
      OrderLookup lookup = lookupOver(List.of(sold));

      Optional<OrderSnapshot> found = lookup.findOrder(sold.id());

      assertThat(found).contains(sold);
      OrderSnapshot order = found.orElseThrow();
      assertThat(order.lines()).extracting(OrderLine::id).containsExactly(
          OrderLineId.of("L-1"), OrderLineId.of("L-2"), OrderLineId.of("L-3"));
      assertThat(order.lines().get(0).paid().toString()).isEqualTo("EUR 39.80");
      assertThat(order.lines().get(1).finalSale()).isTrue();
      assertThat(order.totalPaid()).isEqualTo(Money.of("180.75", "EUR"));
    }

    @Test
    @DisplayName("keeps the money as it was paid: discounts and their shares, tax, tenders")
    void money() {
      OrderSnapshot sold = OrderSnapshot.builder(id("O-1"), id("C-1"), "EUR").placedAt(T0)
          .taxExcluded()
          .line("L-1", "SHIRT", "apparel", 3, "100.00").taxRate("19")
          .line("L-2", "SCARF", "apparel", 1, "30.00").lineDiscount("5.00").taxRate("7")
          .promotion("TEN-OFF-100", "10.00", "100.00").orderDiscount("SPRING", "32.50")
          .shipping("4.95")
          .tender(TenderType.GIFT_CARD, "GC-" + id("O-1"), "50.00")
          .tender(TenderType.CARD, "PSP-" + id("O-1"), "288.52")
          .build();
      OrderLookup lookup = lookupOver(List.of(sold));

      OrderSnapshot found = lookup.findOrder(sold.id()).orElseThrow();

      assertThat(found).isEqualTo(sold);
      assertThat(found.taxMode()).isEqualTo(TaxMode.EXCLUSIVE);
      OrderLine shirt = found.lines().get(0);
      assertThat(shirt.discountShare("TEN-OFF-100")).isEqualTo(Money.of("9.23", "EUR"));
      assertThat(shirt.discountShare("SPRING")).isEqualTo(Money.of("30.00", "EUR"));
      assertThat(shirt.tax()).isEqualTo(Money.of("49.55", "EUR"));
      assertThat(found.discounts()).extracting(OrderDiscount::minimumSubtotal)
          .containsExactly(Money.of("100.00", "EUR"), null);
      assertThat(found.tenders()).extracting(Tender::type)
          .containsExactly(TenderType.GIFT_CARD, TenderType.CARD);
      assertThat(found.totalPaid()).isEqualTo(Money.of("338.52", "EUR"));
    }

    @Test
    @DisplayName("says an order not delivered yet has no delivery date")
    void notDelivered() {
      OrderSnapshot placed = order("O-1", "C-1", "EUR")
          .line("L-1", "MUG", "kitchen", 1, "9.50").build();

      OrderSnapshot found = lookupOver(List.of(placed)).findOrder(placed.id()).orElseThrow();

      assertThat(found.isDelivered()).isFalse();
      assertThat(found.deliveredAt()).isNull();
    }

    @Test
    @DisplayName("keeps amounts to the minor unit of their currency, with 0, 2 or 3 decimals")
    void minorUnits() {
      List<OrderSnapshot> orders = List.of(
          order("O-JPY", "C-1", "JPY").line("L-1", "TEAPOT", "kitchen", 3, "4500")
              .shipping("600").build(),
          order("O-EUR", "C-1", "EUR").line("L-1", "TEAPOT", "kitchen", 3, "29.10")
              .shipping("0.50").build(),
          order("O-BHD", "C-1", "BHD").line("L-1", "TEAPOT", "kitchen", 3, "12.125")
              .shipping("1.500").build());
      OrderLookup lookup = lookupOver(orders);

      for (OrderSnapshot order : orders) {
        assertThat(lookup.findOrder(order.id())).as(order.currency().getCurrencyCode())
            .contains(order);
      }
    }

    @Test
    @DisplayName("answers empty, not with an error, for an order it does not have")
    void unknown() {
      OrderLookup lookup = lookupOver(List.of(order("O-1", "C-1", "EUR")
          .line("L-1", "MUG", "kitchen", 1, "9.50").build()));

      assertThat(lookup.findOrder(OrderId.of(id("O-404")))).isEmpty();
    }

    @Test
    @DisplayName("gives the same answer to many threads at once")
    void concurrent() throws Exception {
      List<OrderSnapshot> orders = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        orders.add(order("O-" + i, "C-" + i, "EUR").line("L-1", "MUG", "kitchen", 1 + i, "9.50")
            .build());
      }
      OrderLookup lookup = lookupOver(orders);
      ExecutorService pool = Executors.newFixedThreadPool(8);
      try {
        List<Future<Optional<OrderSnapshot>>> answers = new ArrayList<>();
        for (int round = 0; round < 10; round++) {
          for (OrderSnapshot order : orders) {
            Callable<Optional<OrderSnapshot>> find = () -> lookup.findOrder(order.id());
            answers.add(pool.submit(find));
          }
        }
        for (int i = 0; i < answers.size(); i++) {
          assertThat(answers.get(i).get(30, TimeUnit.SECONDS))
              .contains(orders.get(i % orders.size()));
        }
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Nested
  @DisplayName("Counting a customer's purchases")
  class Purchases {

    private OrderSnapshot placed(String name, String customer, Instant at, int... quantities) {
      OrderSnapshot.Builder order = OrderSnapshot.builder(id(name), id(customer), "EUR")
          .placedAt(at).paymentReference("PAY-" + id(name));
      for (int i = 0; i < quantities.length; i++) {
        order.line(OrderLine.of(OrderLineId.of("L-" + i), Sku.of("SKU-" + i), "home",
            quantities[i], Money.of("5.00", "EUR")));
      }
      return order.build();
    }

    @Test
    @DisplayName("counts the orders placed from the start of the period on, and their units")
    void fromTheStart() {
      Instant since = T0;
      OrderLookup lookup = lookupOver(List.of(
          placed("O-before", "C-1", since.minusSeconds(1), 5),
          placed("O-at", "C-1", since, 1, 2),
          placed("O-after", "C-1", since.plusSeconds(3_600), 3),
          placed("O-other", "C-2", since.plusSeconds(3_600), 7)));

      assertThat(lookup.purchasesSince(CustomerId.of(id("C-1")), since))
          .isEqualTo(new PurchaseSummary(2, 6));
      assertThat(lookup.purchasesSince(CustomerId.of(id("C-2")), since))
          .isEqualTo(new PurchaseSummary(1, 7));
      assertThat(lookup.purchasesSince(CustomerId.of(id("C-1")), since.minusSeconds(1)))
          .isEqualTo(new PurchaseSummary(3, 11));
    }

    @Test
    @DisplayName("answers nothing bought, not an error, for a customer with no orders then")
    void nothing() {
      OrderLookup lookup = lookupOver(List.of(placed("O-old", "C-1", T0, 2)));

      assertThat(lookup.purchasesSince(CustomerId.of(id("C-1")), T0.plusSeconds(1)))
          .isEqualTo(PurchaseSummary.NONE);
      assertThat(lookup.purchasesSince(CustomerId.of(id("C-new")), T0))
          .isEqualTo(PurchaseSummary.NONE);
    }
  }
}
