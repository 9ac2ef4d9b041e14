package dev.returnkit.core.settlement;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.util.Objects;

/**
 * One line as the settlement policy sees it.
 *
 * @param orderLineId the line
 * @param sku the product
 * @param category the product's category
 * @param reason the customer's reason
 * @param resolution what the customer asked for
 * @param paid what the customer paid for the accepted units: their share of the order line
 *     ({@link SettlementShares#accepted}), with the tax in it and the discounts taken off
 * @param quantity units accepted for settlement
 * @param inspection grade and findings, or {@code null} when there was no inspection
 * @param liability who is liable
 * @param disposition what happens to the units, or {@code null} when none came back
 * @param returnless whether the customer keeps the goods
 */
public record SettlementLineFacts(
    OrderLineId orderLineId,
    Sku sku,
    String category,
    ReturnReason reason,
    Resolution resolution,
    LineValue paid,
    int quantity,
    Inspection inspection,
    Liability liability,
    Disposition disposition,
    boolean returnless) {

  public SettlementLineFacts {
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(paid, "paid");
    Objects.requireNonNull(liability, "liability");
  }

  /**
   * What the customer paid for the accepted units.
   *
   * @return the gross of {@link #paid}
   */
  public Money paidForAccepted() {
    return paid.gross();
  }
}
