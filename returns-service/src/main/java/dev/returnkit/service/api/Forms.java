package dev.returnkit.service.api;

import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The JSON bodies the API takes, one per use case. None names an actor: the actor is the
 * signed-in user. Field names are those of returnkit's inputs, so a violation's path (e.g.
 * {@code lines[0].quantity}) points into the body that was sent.
 */
public final class Forms {

  private Forms() {}

  /**
   * {@code POST /api/returns} and {@code /api/returns/preview}.
   *
   * @param orderId the order
   * @param customerId the order's customer; a customer may leave it out (it is them)
   * @param lines what to return
   */
  public record Request(String orderId, String customerId, List<Line> lines) {}

  /**
   * One line of a request.
   *
   * @param orderLineId the order's line
   * @param quantity units to return
   * @param reason why
   * @param resolution what the customer wants: REFUND, STORE_CREDIT or EXCHANGE
   * @param note the customer's words, or {@code null}
   * @param replacement for an exchange, the item wanted instead, or {@code null}
   */
  public record Line(String orderLineId, Integer quantity, ReturnReason reason,
      Resolution resolution, String note, Replacement replacement) {}

  /**
   * The item an exchange sends instead.
   *
   * @param sku the variant
   * @param quantity units
   * @param unitPrice its price now
   * @param currency the price's currency
   */
  public record Replacement(String sku, Integer quantity, BigDecimal unitPrice,
      String currency) {}

  /**
   * {@code POST /api/returns/{id}/approval}.
   *
   * @param note the reviewer's note, or {@code null}
   */
  public record Approval(String note) {}

  /**
   * {@code POST /api/returns/{id}/rejection}.
   *
   * @param reasonCode an upper-case code, e.g. {@code SUSPECTED_ABUSE}
   * @param note the reviewer's note, or {@code null}
   */
  public record Rejection(String reasonCode, String note) {}

  /**
   * {@code POST /api/returns/{id}/shipment}.
   *
   * @param method LABEL or PICKUP
   */
  public record Shipment(ShippingMethod method) {}

  /**
   * {@code POST /api/carrier-events/{id}}: the carrier's webhook.
   *
   * @param type what happened
   * @param trackingNumber the parcel's tracking number
   * @param occurredAt when
   * @param location where, or {@code null}
   */
  public record CarrierEvent(CarrierEventType type, String trackingNumber, Instant occurredAt,
      String location) {}

  /**
   * {@code POST /api/returns/{id}/receipt}.
   *
   * @param lines the units counted per line
   */
  public record Receipt(List<ReceivedLine> lines) {}

  /**
   * One line of a receipt.
   *
   * @param orderLineId the line
   * @param quantity units in the parcel
   */
  public record ReceivedLine(String orderLineId, Integer quantity) {}

  /**
   * {@code POST /api/returns/{id}/inspection}.
   *
   * @param lines the verdict per line
   */
  public record Inspection(List<InspectedLine> lines) {}

  /**
   * One line of an inspection.
   *
   * @param orderLineId the line
   * @param acceptedQuantity units accepted
   * @param grade the condition
   * @param findings what the inspector saw
   * @param note the inspector's words, or {@code null}
   */
  public record InspectedLine(String orderLineId, Integer acceptedQuantity, ItemGrade grade,
      Set<InspectionFinding> findings, String note) {}

  /**
   * {@code POST /api/returns/{id}/cancellation}.
   *
   * @param reason why, or {@code null}
   */
  public record Cancellation(String reason) {}
}
