package dev.returnkit.spi.storage;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.List;
import java.util.Objects;

/**
 * The stored state of one line of a return case. Immutable.
 *
 * @param orderLineId the order line returned; unique within the case
 * @param sku the product
 * @param category the product's category
 * @param unitPrice what the customer paid per unit
 * @param orderedQuantity units bought on the order line
 * @param reason why the customer returns it
 * @param resolution what the customer asked for
 * @param customerNote the customer's explanation, or {@code null}
 * @param verdict the eligibility verdict (after review, the reviewer's)
 * @param verdictCodes reason codes of the verdict
 * @param returnless whether the customer keeps the goods (no shipment)
 * @param quantities requested, approved, received and accepted units
 * @param inspection the warehouse's grade and findings, or {@code null} before inspection
 * @param liability who is liable, or {@code null} before it is decided
 * @param disposition what happens to the units, or {@code null} before it is decided (and for
 *     goods that never come back)
 * @param settlementMethod how the line is settled (refund, store credit, exchange, repair), as
 *     the settlement decided; {@code null} before settlement
 * @param money the settlement amounts, zero before settlement
 */
public record ReturnLineSnapshot(
    OrderLineId orderLineId,
    Sku sku,
    String category,
    Money unitPrice,
    int orderedQuantity,
    ReturnReason reason,
    Resolution resolution,
    String customerNote,
    LineVerdict verdict,
    List<String> verdictCodes,
    boolean returnless,
    LineQuantities quantities,
    Inspection inspection,
    Liability liability,
    Disposition disposition,
    Resolution settlementMethod,
    LineMoney money) {

  public ReturnLineSnapshot {
    Objects.requireNonNull(orderLineId, "orderLineId");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(unitPrice, "unitPrice");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(resolution, "resolution");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(quantities, "quantities");
    Objects.requireNonNull(money, "money");
    verdictCodes = List.copyOf(verdictCodes);
    if (quantities.requested() > orderedQuantity) {
      throw new IllegalArgumentException("line " + orderLineId + " requests "
          + quantities.requested() + " of " + orderedQuantity + " bought");
    }
  }

  /**
   * What the customer paid for the units accepted for settlement: the ceiling of this line's
   * item refund.
   *
   * @return unit price times accepted quantity
   */
  public Money acceptedValue() {
    return unitPrice.times(quantities.accepted());
  }

  /**
   * How many units of its order line this line holds, so that no other case can return them
   * again: what may still come back while the case is open, what did come back once goods
   * arrived, nothing once the case ended without goods. Storage adapters use it to refuse a
   * write that would hold more units of an order line than were bought.
   *
   * @param caseStatus the state of the line's case
   * @return the units held
   */
  public int unitsHeld(ReturnStatus caseStatus) {
    return switch (caseStatus) {
      case REJECTED, CANCELLED, EXPIRED -> 0;
      case IN_REVIEW, APPROVED, AWAITING_RETURN, IN_TRANSIT, DELIVERED, LOST_IN_TRANSIT ->
          switch (verdict) {
            case APPROVED -> quantities.approved();
            case IN_REVIEW -> quantities.requested();
            case REJECTED -> 0;
          };
      // accepted exceeds received only where no goods travel (returnless, lost): then the
      // accepted units are the ones settled.
      case RECEIVED, INSPECTED, SETTLING, COMPLETED ->
          Math.max(quantities.received(), quantities.accepted());
    };
  }
}
