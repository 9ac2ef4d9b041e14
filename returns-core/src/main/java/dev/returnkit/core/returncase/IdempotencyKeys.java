package dev.returnkit.core.returncase;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.payment.PaymentPurpose;

/**
 * The idempotency keys returnkit sends to the payment and inventory ports. They are derived
 * from the case, the line and what is being paid or moved, never drawn at random, so a retried
 * or resumed settlement sends exactly the same keys and the ports pay and move once.
 *
 * <p>A case is settled once, so case + line + purpose identifies a payment for good. Ids may
 * contain {@code /} and {@code %}; they are percent-escaped in keys, so two different cases or
 * lines can never produce the same key.
 */
public final class IdempotencyKeys {

  private IdempotencyKeys() {}

  /**
   * The key of a settlement payment.
   *
   * @param returnId the case
   * @param orderLineId the line, or null for a case-level payment (outbound shipping)
   * @param purpose what the payment is for
   * @return e.g. {@code R-17/L-2/ITEM_REFUND} or {@code R-17/OUTBOUND_SHIPPING_REFUND}
   */
  public static String payment(ReturnId returnId, OrderLineId orderLineId,
      PaymentPurpose purpose) {
    return orderLineId == null
        ? part(returnId.value()) + "/" + purpose.name()
        : part(returnId.value()) + "/" + part(orderLineId.value()) + "/" + purpose.name();
  }

  /**
   * The key of one part of a payment split over several tenders.
   *
   * @param paymentKey the payment's key, from {@link #payment}
   * @param tenderReference the tender the part goes back to
   * @return e.g. {@code R-17/L-2/ITEM_REFUND/GC-88}
   */
  public static String tenderPart(String paymentKey, String tenderReference) {
    return paymentKey + "/" + part(tenderReference);
  }

  /**
   * The key of a case's replacement order (its exchanged lines, in one order).
   *
   * @param returnId the case
   * @return e.g. {@code R-17/REPLACEMENT}
   */
  public static String replacement(ReturnId returnId) {
    return part(returnId.value()) + "/REPLACEMENT";
  }

  /**
   * The key of a line's stock movement.
   *
   * @param returnId the case
   * @param orderLineId the line
   * @return e.g. {@code R-17/L-2/STOCK}
   */
  public static String stock(ReturnId returnId, OrderLineId orderLineId) {
    return part(returnId.value()) + "/" + part(orderLineId.value()) + "/STOCK";
  }

  private static String part(String id) {
    if (id.indexOf('/') < 0 && id.indexOf('%') < 0) {
      return id;
    }
    return id.replace("%", "%25").replace("/", "%2F");
  }
}
