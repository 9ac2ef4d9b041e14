package dev.returnkit.spi.order;

import dev.returnkit.spi.money.Money;
import java.util.Objects;

/**
 * One of the payments an order was paid with: a card, a gift card, a wallet. Refunds go back to
 * tenders, and never more to one than it captured.
 *
 * @param type what kind of payment it is
 * @param reference the host's reference of the payment, passed to the payment port with every
 *     refund to it; unique within the order
 * @param captured what it captured for the order, above zero
 */
public record Tender(TenderType type, String reference, Money captured) {

  public Tender {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(reference, "reference");
    Objects.requireNonNull(captured, "captured");
    if (reference.isBlank()) {
      throw new IllegalArgumentException("a tender's reference cannot be blank");
    }
    if (!captured.isPositive()) {
      throw new IllegalArgumentException("tender " + reference + " captured " + captured
          + "; a tender captures more than nothing");
    }
  }
}
