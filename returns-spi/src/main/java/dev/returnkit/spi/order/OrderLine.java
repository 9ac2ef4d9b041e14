package dev.returnkit.spi.order;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import java.util.Objects;

/**
 * One line of an order, as the host's order system knows it.
 *
 * @param id the line's id, unique within the order
 * @param sku the product variant
 * @param category the catalogue category, as the return policies know it (e.g.
 *     {@code electronics}); policies key windows, hygiene rules and warranties on it
 * @param quantity units bought, at least 1
 * @param unitPricePaid what the customer paid per unit after discounts, in the order's currency
 * @param finalSale whether the line was sold as final sale (not returnable)
 */
public record OrderLine(
    OrderLineId id,
    Sku sku,
    String category,
    int quantity,
    Money unitPricePaid,
    boolean finalSale) {

  public OrderLine {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(unitPricePaid, "unitPricePaid");
    if (quantity < 1) {
      throw new IllegalArgumentException("order line " + id + " has quantity " + quantity);
    }
    if (unitPricePaid.isNegative()) {
      throw new IllegalArgumentException("order line " + id + " has a negative price");
    }
  }

  /**
   * A line that may be returned (not final sale).
   *
   * @param id the line's id
   * @param sku the product variant
   * @param category the catalogue category
   * @param quantity units bought
   * @param unitPricePaid what the customer paid per unit
   * @return the line
   */
  public static OrderLine of(OrderLineId id, Sku sku, String category, int quantity,
      Money unitPricePaid) {
    return new OrderLine(id, sku, category, quantity, unitPricePaid, false);
  }

  /**
   * A line sold as final sale, which the default policies do not take back.
   *
   * @param id the line's id
   * @param sku the product variant
   * @param category the catalogue category
   * @param quantity units bought
   * @param unitPricePaid what the customer paid per unit
   * @return the line
   */
  public static OrderLine finalSale(OrderLineId id, Sku sku, String category, int quantity,
      Money unitPricePaid) {
    return new OrderLine(id, sku, category, quantity, unitPricePaid, true);
  }

  /**
   * What the customer paid for the whole line.
   *
   * @return unit price times quantity
   */
  public Money linePaid() {
    return unitPricePaid.times(quantity);
  }
}
