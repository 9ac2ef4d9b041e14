package dev.returnkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.exchange.ReplacementKeyReusedException;
import dev.returnkit.spi.exchange.ReplacementOrder;
import dev.returnkit.spi.exchange.ReplacementOrders;
import dev.returnkit.spi.exchange.ReplacementRequest;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The {@link ReplacementOrders} contract as tests. returnkit re-sends a replacement order after
 * a crash rather than track whether the order system got it, so placing one twice would ship
 * two replacements; these tests check that each key places once, also when calls race, and
 * that cancelling is idempotent too.
 *
 * <p>To use it, extend it in the adapter's tests and say how many orders the order system
 * really holds for a key, read from it rather than through the port:
 *
 * <pre>{@code
 * class MyReplacementOrdersTest extends ReplacementOrdersContract {
 *   protected ReplacementOrders newOrders() {
 *     return new MyReplacementOrders(orderSystemClient);
 *   }
 *
 *   protected int ordersPlaced(ReplacementOrders orders, String idempotencyKey) {
 *     return orderSystemClient.ordersWithReference(idempotencyKey).size();
 *   }
 * }
 * }</pre>
 *
 * <p>Every test uses keys of its own, made unique per run.
 */
@DisplayName("ReplacementOrders contract")
public abstract class ReplacementOrdersContract {

  private ReplacementOrders orders;
  private String run;

  /** For subclasses. */
  protected ReplacementOrdersContract() {}

  /**
   * The order system under test. Called once before every test.
   *
   * @return the port
   */
  protected abstract ReplacementOrders newOrders();

  /**
   * How many orders the order system holds for a key, read from it, not through the port.
   *
   * @param orders the port under test
   * @param idempotencyKey the key
   * @return the number of orders placed with it
   */
  protected abstract int ordersPlaced(ReplacementOrders orders, String idempotencyKey);

  @BeforeEach
  void setUp() {
    orders = newOrders();
    run = UUID.randomUUID().toString().substring(0, 8);
  }

  private ReplacementRequest request(String key, int units) {
    return new ReplacementRequest(run + "/" + key, ReturnId.of("R-" + run), OrderId.of("O-1"),
        CustomerId.of("C-1"), List.of(new ReplacementItem(Sku.of("SHIRT-L"), units,
            Money.of("55.00", "EUR"))), false);
  }

  @Test
  @DisplayName("places an order once per key: the same request again returns the same order")
  void placesOnce() {
    ReplacementRequest request = request("X1", 1);

    ReplacementOrder first = orders.place(request);
    ReplacementOrder again = orders.place(request);

    assertThat(again).isEqualTo(first);
    assertThat(first.isCancelled()).isFalse();
    assertThat(orders.find(request.idempotencyKey())).contains(first);
    assertThat(ordersPlaced(orders, request.idempotencyKey())).isEqualTo(1);
  }

  @Test
  @DisplayName("refuses a key already used for another request, and places nothing for it")
  void keyReused() {
    orders.place(request("X2", 1));

    assertThatThrownBy(() -> orders.place(request("X2", 2)))
        .isInstanceOf(ReplacementKeyReusedException.class)
        .hasMessageContaining(run + "/X2");
    assertThat(ordersPlaced(orders, run + "/X2")).isEqualTo(1);
  }

  @Test
  @DisplayName("cancels once: cancelling again returns the cancelled order; placing again "
      + "returns it cancelled, not a new one")
  void cancelsOnce() {
    ReplacementRequest request = request("X3", 1);
    ReplacementOrder placed = orders.place(request);

    ReplacementOrder cancelled = orders.cancel(request.idempotencyKey()).orElseThrow();

    assertThat(cancelled.isCancelled()).isTrue();
    assertThat(cancelled.orderId()).isEqualTo(placed.orderId());
    assertThat(orders.cancel(request.idempotencyKey())).contains(cancelled);
    assertThat(orders.place(request)).isEqualTo(cancelled);
    assertThat(orders.find(request.idempotencyKey())).contains(cancelled);
    assertThat(ordersPlaced(orders, request.idempotencyKey())).isEqualTo(1);
  }

  @Test
  @DisplayName("knows nothing of a key that placed nothing")
  void unknownKey() {
    assertThat(orders.find(run + "/none")).isEmpty();
    assertThat(orders.cancel(run + "/none")).isEmpty();
  }

  @Test
  @DisplayName("places once when eight threads place the same request at once")
  void racingPlaces() throws Exception {
    ReplacementRequest request = request("X5", 1);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<ReplacementOrder>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(() -> orders.place(request));
      }
      List<ReplacementOrder> results = new ArrayList<>();
      for (Future<ReplacementOrder> result : pool.invokeAll(calls, 30, TimeUnit.SECONDS)) {
        results.add(result.get());
      }
      assertThat(results).hasSize(8).containsOnly(results.get(0));
    } finally {
      pool.shutdownNow();
    }
    assertThat(ordersPlaced(orders, request.idempotencyKey())).isEqualTo(1);
  }
}
