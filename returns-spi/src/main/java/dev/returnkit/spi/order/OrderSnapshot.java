package dev.returnkit.spi.order;

import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
   * Starts an order: the customer's id and the currency are required; add lines, when it was
   * placed and the payment reference; shipping defaults to zero, and an order with no delivery
   * date is not delivered yet.
   *
   * <pre>{@code
   * OrderSnapshot order = OrderSnapshot.builder("O-1001", "C-42", "EUR")
   *     .placedOn(LocalDate.of(2026, 3, 1)).deliveredOn(LocalDate.of(2026, 3, 3))
   *     .line("1", "TSHIRT-M", "apparel", 2, "19.90")
   *     .shipping("4.95").paymentReference("PSP-7781")
   *     .build();
   * }</pre>
   *
   * @param orderId the order's id
   * @param customerId the customer's id
   * @param currencyCode the ISO 4217 code of the currency it was paid in
   * @return a builder
   */
  public static Builder builder(String orderId, String customerId, String currencyCode) {
    return builder(OrderId.of(orderId), CustomerId.of(customerId),
        Currency.getInstance(currencyCode));
  }

  /**
   * Starts an order, from typed values.
   *
   * @param orderId the order
   * @param customerId the customer
   * @param currency the currency it was paid in
   * @return a builder
   */
  public static Builder builder(OrderId orderId, CustomerId customerId, Currency currency) {
    return new Builder(orderId, customerId, currency);
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

  /**
   * Builds an {@link OrderSnapshot}; {@link #build()} applies the record's checks, and amounts
   * given as text are in the order's currency. Not thread-safe.
   */
  public static final class Builder {

    private final OrderId id;
    private final CustomerId customerId;
    private final Currency currency;
    private Instant placedAt;
    private Instant deliveredAt;
    private final List<OrderLine> lines = new ArrayList<>();
    private Money shippingPaid;
    private String paymentReference;

    private Builder(OrderId id, CustomerId customerId, Currency currency) {
      this.id = Objects.requireNonNull(id, "id");
      this.customerId = Objects.requireNonNull(customerId, "customerId");
      this.currency = Objects.requireNonNull(currency, "currency");
      this.shippingPaid = Money.zero(currency);
    }

    /**
     * When the order was placed.
     *
     * @param at the time
     * @return this
     */
    public Builder placedAt(Instant at) {
      this.placedAt = at;
      return this;
    }

    /**
     * The day the order was placed, for shops that know only the day: taken as the start of
     * that day in UTC.
     *
     * @param day the day
     * @return this
     */
    public Builder placedOn(LocalDate day) {
      return placedAt(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * When the order was delivered; leave it out for an order not delivered yet.
     *
     * @param at the time, or {@code null}
     * @return this
     */
    public Builder deliveredAt(Instant at) {
      this.deliveredAt = at;
      return this;
    }

    /**
     * The day the order was delivered, taken as the start of that day in UTC (the return window
     * then counts whole days from it).
     *
     * @param day the day
     * @return this
     */
    public Builder deliveredOn(LocalDate day) {
      return deliveredAt(day.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /**
     * Adds a line.
     *
     * @param line the line
     * @return this
     */
    public Builder line(OrderLine line) {
      lines.add(Objects.requireNonNull(line, "line"));
      return this;
    }

    /**
     * Adds a returnable line.
     *
     * @param lineId the line's id
     * @param sku the product variant
     * @param category the catalogue category
     * @param quantity units bought
     * @param unitPricePaid what was paid per unit, e.g. {@code "19.90"}
     * @return this
     */
    public Builder line(String lineId, String sku, String category, int quantity,
        String unitPricePaid) {
      return line(OrderLine.of(OrderLineId.of(lineId), Sku.of(sku), category, quantity,
          Money.of(new BigDecimal(unitPricePaid), currency)));
    }

    /**
     * Adds a line sold as final sale.
     *
     * @param lineId the line's id
     * @param sku the product variant
     * @param category the catalogue category
     * @param quantity units bought
     * @param unitPricePaid what was paid per unit, e.g. {@code "19.90"}
     * @return this
     */
    public Builder finalSaleLine(String lineId, String sku, String category, int quantity,
        String unitPricePaid) {
      return line(OrderLine.finalSale(OrderLineId.of(lineId), Sku.of(sku), category, quantity,
          Money.of(new BigDecimal(unitPricePaid), currency)));
    }

    /**
     * What the customer paid for outbound shipping. Default: nothing.
     *
     * @param amount the amount
     * @return this
     */
    public Builder shipping(Money amount) {
      this.shippingPaid = Objects.requireNonNull(amount, "amount");
      return this;
    }

    /**
     * What the customer paid for outbound shipping, in the order's currency.
     *
     * @param amount the amount, e.g. {@code "4.95"}
     * @return this
     */
    public Builder shipping(String amount) {
      return shipping(Money.of(new BigDecimal(amount), currency));
    }

    /**
     * The host's reference of the payment, which refunds are made against.
     *
     * @param reference the reference
     * @return this
     */
    public Builder paymentReference(String reference) {
      this.paymentReference = reference;
      return this;
    }

    /**
     * Builds the order.
     *
     * @return the order
     * @throws IllegalStateException naming what is missing: the placing time, the payment
     *     reference, lines
     * @throws IllegalArgumentException if the values contradict each other
     */
    public OrderSnapshot build() {
      List<String> missing = new ArrayList<>();
      if (placedAt == null) {
        missing.add("placedAt");
      }
      if (paymentReference == null) {
        missing.add("paymentReference");
      }
      if (lines.isEmpty()) {
        missing.add("a line");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("order " + id + " needs " + String.join(", ", missing));
      }
      return new OrderSnapshot(id, customerId, currency, placedAt, deliveredAt, lines,
          shippingPaid, paymentReference);
    }
  }
}
