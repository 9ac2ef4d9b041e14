package dev.returnkit.core.request;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.order.PurchaseSummary;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A customer's history")
class CustomerHistoryTest {

  private static CustomerHistory returned(int units, int bought) {
    return new CustomerHistory(CustomerId.of("C-1"), Instant.parse("2026-01-01T00:00:00Z"), 2,
        units, new PurchaseSummary(3, bought));
  }

  @Test
  @DisplayName("has a return rate of units returned per unit bought")
  void returnRate() {
    assertThat(returned(3, 4).returnRate()).isEqualTo(0.75);
    assertThat(returned(5, 4).returnRate()).isEqualTo(1.25);
  }

  @Test
  @DisplayName("has no return rate to hold against a customer who bought nothing")
  void nothingBought() {
    assertThat(returned(2, 0).returnRate()).isZero();
  }
}
