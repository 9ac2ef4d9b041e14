package dev.returnkit.core.warehouse;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.util.Objects;

/**
 * One inspected line as the disposition policy sees it.
 *
 * @param orderLineId the line
 * @param sku the product
 * @param category the product's category (hygiene categories are scrapped)
 * @param reason the customer's reason
 * @param quantity units accepted
 * @param inspection grade and findings
 * @param liability who is liable, as just decided
 */
public record DispositionLineFacts(
    OrderLineId orderLineId,
    Sku sku,
    String category,
    ReturnReason reason,
    int quantity,
    Inspection inspection,
    Liability liability) {

  public DispositionLineFacts {
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(inspection, "inspection");
    Objects.requireNonNull(liability, "liability");
  }
}
