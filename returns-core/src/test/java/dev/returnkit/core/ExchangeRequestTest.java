package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An exchange request naming its replacement")
class ExchangeRequestTest {

  private static final ReplacementItem LARGER =
      new ReplacementItem(Sku.of("SKU-SHIRT-L"), 1, Money.of("55.00", "EUR"));

  @Test
  @DisplayName("keeps the replacement with the case's line")
  void kept() {
    TestShop shop = new TestShop();
    OrderSnapshot order = shop.add(shop.order("O-E1")
        .line("L-1", "SKU-SHIRT-M", "apparel", 1, "40.00").build());

    ReturnCaseSnapshot c = shop.returns.request(request(order, RequestedLine.exchange(
        line("L-1"), 1, ReturnReason.DOES_NOT_FIT, LARGER))).returnCase();

    assertThat(c.lines().get(0).resolution()).isEqualTo(Resolution.EXCHANGE);
    assertThat(c.lines().get(0).replacement()).isEqualTo(LARGER);
    assertThat(shop.find(c.id()).lines().get(0).replacement()).isEqualTo(LARGER);
  }

  @Test
  @DisplayName("refuses a replacement for a refund, and one priced in another currency, and "
      + "stores nothing")
  void refused() {
    TestShop shop = new TestShop();
    OrderSnapshot order = shop.add(shop.order("O-E2")
        .line("L-1", "SKU-SHIRT-M", "apparel", 1, "40.00")
        .line("L-2", "SKU-SOCKS", "apparel", 1, "10.00").build());

    assertThatThrownBy(() -> shop.returns.request(request(order,
        new RequestedLine(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND, null,
            LARGER),
        RequestedLine.exchange(line("L-2"), 1, ReturnReason.DOES_NOT_FIT,
            new ReplacementItem(Sku.of("SKU-SOCKS-L"), 1, Money.of("11.00", "USD"))))))
        .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
            assertThat(e.violations()).containsExactly(
                new Violation("lines[0].replacement", "is only for an exchange, not for REFUND"),
                new Violation("lines[1].replacement.unitPrice",
                    "must be in the order's currency, EUR")));
    assertThat(shop.ports.repository().size()).isZero();
  }

  @Test
  @DisplayName("refuses a replacement of other units than those returned: one for one")
  void oneForOne() {
    TestShop shop = new TestShop();
    OrderSnapshot order = shop.add(shop.order("O-E3")
        .line("L-1", "SKU-SHIRT-M", "apparel", 2, "40.00").build());

    assertThatThrownBy(() -> shop.returns.request(request(order, RequestedLine.exchange(
        line("L-1"), 1, ReturnReason.DOES_NOT_FIT,
        new ReplacementItem(Sku.of("SKU-SHIRT-L"), 2, Money.of("55.00", "EUR"))))))
        .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
            assertThat(e.violations()).containsExactly(new Violation(
                "lines[0].replacement.quantity", "must be the units returned, 1, got 2")));
    assertThat(shop.ports.repository().size()).isZero();
  }
}
