package dev.returnkit.spi.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Building an order")
class OrderSnapshotBuilderTest {

  private static final Currency EUR = Currency.getInstance("EUR");

  @Test
  @DisplayName("gives the same order as the record's constructor, amounts in its currency")
  void sameAsConstructor() {
    OrderSnapshot built = OrderSnapshot.builder("O-1", "C-1", "EUR")
        .placedOn(LocalDate.of(2026, 3, 1)).deliveredOn(LocalDate.of(2026, 3, 3))
        .line("1", "TSHIRT-M", "apparel", 2, "19.90")
        .finalSaleLine("2", "SOCKS", "underwear", 1, "5.00")
        .shipping("4.95").paymentReference("PSP-1").build();

    assertThat(built).isEqualTo(new OrderSnapshot(OrderId.of("O-1"), CustomerId.of("C-1"), EUR,
        Instant.parse("2026-03-01T00:00:00Z"), Instant.parse("2026-03-03T00:00:00Z"),
        List.of(new OrderLine(OrderLineId.of("1"), Sku.of("TSHIRT-M"), "apparel", 2,
            Money.of("19.90", "EUR"), false), new OrderLine(OrderLineId.of("2"), Sku.of("SOCKS"),
            "underwear", 1, Money.of("5.00", "EUR"), true)),
        Money.of("4.95", "EUR"), "PSP-1"));
  }

  @Test
  @DisplayName("defaults to no shipping paid and no delivery yet")
  void defaults() {
    OrderSnapshot built = OrderSnapshot.builder(OrderId.of("O-1"), CustomerId.of("C-1"), EUR)
        .placedAt(Instant.parse("2026-03-01T09:00:00Z"))
        .line(OrderLine.of(OrderLineId.of("1"), Sku.of("MUG"), "kitchen", 1,
            Money.of("9.00", "EUR")))
        .paymentReference("PSP-1").build();

    assertThat(built.shippingPaid()).isEqualTo(Money.zero(EUR));
    assertThat(built.isDelivered()).isFalse();
    assertThat(built.lines().get(0).finalSale()).isFalse();
    assertThat(OrderLine.finalSale(OrderLineId.of("1"), Sku.of("MUG"), "kitchen", 1,
        Money.of("9.00", "EUR")).finalSale()).isTrue();
  }

  @Test
  @DisplayName("names everything missing at once")
  void missing() {
    assertThatIllegalStateException()
        .isThrownBy(() -> OrderSnapshot.builder("O-1", "C-1", "EUR").build())
        .withMessage("order O-1 needs placedAt, paymentReference (or tenders), a line");
  }
}
