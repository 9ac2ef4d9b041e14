package dev.returnkit.spi.order;

import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.money.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An order as the host's order system knows it when a return is requested: who bought what, at
 * what price, and when it was delivered.
 *
 * <p>All amounts are in the order's currency (checked on construction: an order priced in two
 * currencies is a host bug that must not reach refunds). Immutable.
 *
 * @param id the order
 * @param customerId the customer who placed it
 * @param currency the currency it was paid in
 * @param placedAt when it was placed
 * @param deliveredAt when it was delivered, or {@code null} if it has not been yet
 * @param lines the order lines, at least one, with distinct ids
 * @param shippingPaid what the customer paid for outbound shipping
 * @param paymentReference the host's reference of the payment, passed to the payment port for
 *     refunds
 */
public record OrderSnapshot(
    OrderId id,
    CustomerId customerId,
    Currency currency,
    Instant placedAt,
    Instant deliveredAt,
    List<OrderLine> lines,
    Money shippingPaid,
    String paymentReference) {

  public OrderSnapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(placedAt, "placedAt");
    Objects.requireNonNull(shippingPaid, "shippingPaid");
    Objects.requireNonNull(paymentReference, "paymentReference");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("order " + id + " has no lines");
    }
    Set<OrderLineId> seen = new HashSet<>();
    for (OrderLine line : lines) {
      if (!seen.add(line.id())) {
        throw new IllegalArgumentException("order " + id + " has line " + line.id() + " twice");
      }
      requireCurrency(currency, line.unitPricePaid(), "price of line " + line.id());
    }
    requireCurrency(currency, shippingPaid, "shipping");
  }

  /**
   * Finds a line by id.
   *
   * @param lineId the line
   * @return the line, or empty if the order has no such line
   */
  public Optional<OrderLine> line(OrderLineId lineId) {
    for (OrderLine line : lines) {
      if (line.id().equals(lineId)) {
        return Optional.of(line);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the order has been delivered.
   *
   * @return true if {@code deliveredAt} is set
   */
  public boolean isDelivered() {
    return deliveredAt != null;
  }

  /**
   * Everything the customer paid: all lines plus shipping. No refund for this order may ever
   * exceed it in total.
   *
   * @return the order total
   */
  public Money totalPaid() {
    Money total = shippingPaid;
    for (OrderLine line : lines) {
      total = total.plus(line.linePaid());
    }
    return total;
  }

  private static void requireCurrency(Currency currency, Money amount, String what) {
    if (!amount.currency().equals(currency)) {
      throw new CurrencyMismatchException(currency, amount.currency(), "an order paid in "
          + currency.getCurrencyCode() + " has its " + what + " in "
          + amount.currency().getCurrencyCode());
    }
  }
}
