package dev.returnkit.core.warehouse;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.util.Objects;
import java.util.Optional;

/**
 * One line as the liability policy sees it.
 *
 * @param orderLineId the line
 * @param sku the product
 * @param category the product's category (supplier warranties are per category)
 * @param reason the customer's reason
 * @param inspection the warehouse's inspection, or {@code null} when there was none (returnless
 *     refund, lost parcel)
 * @param returnless whether the customer keeps the goods
 * @param lostInTransit whether the carrier lost the parcel
 */
public record LiabilityLineFacts(
    OrderLineId orderLineId,
    Sku sku,
    String category,
    ReturnReason reason,
    Inspection inspection,
    boolean returnless,
    boolean lostInTransit) {

  public LiabilityLineFacts {
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(reason, "reason");
  }

  /**
   * The inspection, if there was one.
   *
   * @return the inspection or empty
   */
  public Optional<Inspection> inspected() {
    return Optional.ofNullable(inspection);
  }
}
