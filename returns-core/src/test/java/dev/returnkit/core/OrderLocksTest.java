package dev.returnkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.spi.id.OrderId;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Order locks")
class OrderLocksTest {

  @Test
  @DisplayName("give one order always the same stripe, and spread orders over the stripes")
  void stripes() {
    OrderLocks locks = new OrderLocks(Returns.ORDER_LOCK_STRIPES);
    Set<Integer> used = new HashSet<>();
    for (int i = 0; i < 1_000; i++) {
      OrderId order = OrderId.of("O-" + i);
      int stripe = locks.stripe(order);
      assertThat(stripe).isBetween(0, Returns.ORDER_LOCK_STRIPES - 1)
          .isEqualTo(locks.stripe(OrderId.of("O-" + i)));
      used.add(stripe);
    }
    assertThat(used).hasSize(Returns.ORDER_LOCK_STRIPES);
    assertThat(locks.withLock(OrderId.of("O-1"), () -> "done")).isEqualTo("done");
  }
}
