package dev.returnkit.spi.exchange;

import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import java.util.Objects;

/**
 * One item of a replacement order.
 *
 * @param sku the product variant sent
 * @param quantity units sent, at least 1
 * @param unitPrice the price of one unit, what the exchange's difference is worked out from
 */
public record ReplacementItem(Sku sku, int quantity, Money unitPrice) {

  public ReplacementItem {
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(unitPrice, "unitPrice");
    if (quantity < 1) {
      throw new IllegalArgumentException("a replacement item has at least one unit, got "
          + quantity);
    }
    if (unitPrice.isNegative()) {
      throw new IllegalArgumentException("a replacement item cannot cost " + unitPrice);
    }
  }
}
