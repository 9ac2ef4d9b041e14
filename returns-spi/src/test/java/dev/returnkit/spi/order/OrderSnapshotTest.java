package dev.returnkit.spi.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("An order snapshot")
class OrderSnapshotTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");
  private static final Instant PLACED = Instant.parse("2026-02-01T09:00:00Z");
  private static final Instant DELIVERED = Instant.parse("2026-02-03T15:30:00Z");

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static OrderLine line(String id, int quantity, Money unitPrice) {
    return new OrderLine(OrderLineId.of(id), Sku.of("SKU-" + id), "apparel", quantity, unitPrice,
        false);
  }

  private static OrderSnapshot order(List<OrderLine> lines, Money shipping) {
    return new OrderSnapshot(OrderId.of("O-100"), CustomerId.of("C-7"), EUR, PLACED, DELIVERED,
        lines, shipping, "pay-123");
  }

  @Nested
  @DisplayName("checks its lines")
  class Lines {

    @Test
    @DisplayName("rejects two lines with the same id, naming the order and the line")
    void rejectsDuplicateLineIds() {
      List<OrderLine> lines = List.of(line("L1", 1, eur("10")), line("L2", 1, eur("5")),
          line("L1", 2, eur("7")));

      assertThatIllegalArgumentException().isThrownBy(() -> order(lines, eur("0")))
          .withMessageContaining("O-100")
          .withMessageContaining("L1");
    }

    @Test
    @DisplayName("rejects an order without lines")
    void rejectsNoLines() {
      assertThatIllegalArgumentException().isThrownBy(() -> order(List.of(), eur("0")))
          .withMessageContaining("O-100");
    }

    @Test
    @DisplayName("rejects a line priced in another currency, naming both currencies")
    void rejectsLineInOtherCurrency() {
      List<OrderLine> lines = List.of(line("L1", 1, eur("10")),
          line("L2", 1, Money.of("10", "USD")));

      assertThatThrownBy(() -> order(lines, eur("4.95")))
          .isInstanceOf(CurrencyMismatchException.class)
          .hasMessageContaining("EUR")
          .hasMessageContaining("USD")
          .hasMessageContaining("L2")
          .satisfies(e -> {
            assertThat(((CurrencyMismatchException) e).left()).isEqualTo(EUR);
            assertThat(((CurrencyMismatchException) e).right()).isEqualTo(USD);
          });
    }

    @Test
    @DisplayName("rejects shipping paid in another currency, naming both currencies")
    void rejectsShippingInOtherCurrency() {
      assertThatThrownBy(() -> order(List.of(line("L1", 1, eur("10"))), Money.of("4.95", "USD")))
          .isInstanceOf(CurrencyMismatchException.class)
          .hasMessageContaining("EUR")
          .hasMessageContaining("USD")
          .hasMessageContaining("shipping");
    }

    @Test
    @DisplayName("rejects lines that agree with each other but not with the order's currency")
    void rejectsLinesAllInOtherCurrency() {
      List<OrderLine> lines = List.of(line("L1", 1, Money.of("10", "USD")));

      assertThatThrownBy(() -> order(lines, Money.of("0", "USD")))
          .isInstanceOf(CurrencyMismatchException.class);
    }

    @Test
    @DisplayName("keeps its own copy of the lines")
    void copiesLines() {
      List<OrderLine> lines = new ArrayList<>(List.of(line("L1", 1, eur("10"))));
      OrderSnapshot order = order(lines, eur("0"));

      lines.add(line("L2", 1, eur("5")));

      assertThat(order.lines()).hasSize(1);
      assertThatThrownBy(() -> order.lines().add(line("L3", 1, eur("1"))))
          .isInstanceOf(UnsupportedOperationException.class);
    }
  }

  @Nested
  @DisplayName("answers questions")
  class Queries {

    private final OrderSnapshot order = order(
        List.of(line("L1", 2, eur("19.99")), line("L2", 1, eur("5.00")),
            line("L3", 3, eur("0.00"))),
        eur("4.95"));

    @Test
    @DisplayName("totalPaid is every line's quantity times price, plus shipping")
    void totalPaid() {
      assertThat(order.totalPaid()).isEqualTo(eur("49.93"));
    }

    @Test
    @DisplayName("totalPaid without shipping is the lines alone")
    void totalPaidWithoutShipping() {
      assertThat(order(List.of(line("L1", 3, eur("1.10"))), Money.zero(EUR)).totalPaid())
          .isEqualTo(eur("3.30"));
    }

    @Test
    @DisplayName("line(id) finds a line, or is empty for an id not on the order")
    void findsLines() {
      assertThat(order.line(OrderLineId.of("L2"))).hasValueSatisfying(found -> {
        assertThat(found.id()).isEqualTo(OrderLineId.of("L2"));
        assertThat(found.unitListPrice()).isEqualTo(eur("5"));
      });
      assertThat(order.line(OrderLineId.of("L9"))).isEmpty();
    }

    @Test
    @DisplayName("is delivered only when a delivery time is known")
    void delivery() {
      OrderSnapshot undelivered = new OrderSnapshot(OrderId.of("O-101"), CustomerId.of("C-7"),
          EUR, PLACED, null, List.of(line("L1", 1, eur("1"))), eur("0"), "pay-124");

      assertThat(order.isDelivered()).isTrue();
      assertThat(undelivered.isDelivered()).isFalse();
    }
  }

  @Nested
  @DisplayName("OrderLine")
  class Line {

    @ParameterizedTest(name = "quantity {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    @DisplayName("rejects a quantity below 1, naming the line")
    void rejectsQuantityBelowOne(int quantity) {
      assertThatIllegalArgumentException().isThrownBy(() -> line("L1", quantity, eur("1")))
          .withMessageContaining("L1")
          .withMessageContaining(String.valueOf(quantity));
    }

    @Test
    @DisplayName("rejects a negative price, naming the line")
    void rejectsNegativePrice() {
      assertThatIllegalArgumentException().isThrownBy(() -> line("L1", 1, eur("-0.01")))
          .withMessageContaining("L1")
          .withMessageContaining("negative");
    }

    @Test
    @DisplayName("accepts a free item (price zero) and computes what the line paid")
    void linePaid() {
      assertThat(line("L1", 3, eur("0")).paid()).isEqualTo(Money.zero(EUR));
      assertThat(line("L2", 3, eur("19.99")).paid()).isEqualTo(eur("59.97"));
    }
  }
}
