package dev.returnkit.spi.order;

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
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * An order as the host's order system knows it when a return is requested: who bought what,
 * when it was delivered, and the money as it was paid: each line's price, discounts and tax,
 * the order-level discounts, and the tenders that paid it.
 *
 * <p>The constructor checks that the money adds up, so that refunds can rely on it: every line's
 * paid amount is its list value less its discounts (plus its tax when prices are
 * {@link TaxMode#EXCLUSIVE tax-exclusive}); every order-level discount is shared over the lines
 * exactly; the tenders captured exactly what the order cost (lines and shipping); and every
 * amount is in the order's currency (an order priced in two currencies is a host bug that must
 * not reach refunds). A simple order (one price per unit, no tax, one payment) is as easy to
 * build as before: see {@link #builder(String, String, String)}. Immutable.
 *
 * @param id the order
 * @param customerId the customer who placed it
 * @param currency the currency it was paid in
 * @param placedAt when it was placed
 * @param deliveredAt when it was delivered, or {@code null} if it has not been yet
 * @param lines the order lines, at least one, with distinct ids
 * @param shippingPaid what the customer paid for outbound shipping
 * @param taxMode whether the lines' prices include their tax
 * @param discounts the order-level discounts, with distinct codes, each shared over the lines
 * @param tenders the payments the order was paid with, with distinct references; at least one
 *     unless the order cost nothing
 */
public record OrderSnapshot(
    OrderId id,
    CustomerId customerId,
    Currency currency,
    Instant placedAt,
    Instant deliveredAt,
    List<OrderLine> lines,
    Money shippingPaid,
    TaxMode taxMode,
    List<OrderDiscount> discounts,
    List<Tender> tenders) {

  public OrderSnapshot {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(currency, "currency");
    Objects.requireNonNull(placedAt, "placedAt");
    Objects.requireNonNull(shippingPaid, "shippingPaid");
    Objects.requireNonNull(taxMode, "taxMode");
    lines = List.copyOf(lines);
    discounts = List.copyOf(discounts);
    tenders = List.copyOf(tenders);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("order " + id + " has no lines");
    }
    OrderChecks.check(id, currency, lines, shippingPaid, taxMode, discounts, tenders);
  }

  /**
   * A simple order: tax-inclusive (or untaxed) prices, no order-level discount, paid with one
   * card whose reference is given.
   *
   * @param id the order
   * @param customerId the customer who placed it
   * @param currency the currency it was paid in
   * @param placedAt when it was placed
   * @param deliveredAt when it was delivered, or {@code null}
   * @param lines the order lines
   * @param shippingPaid what the customer paid for outbound shipping
   * @param paymentReference the host's reference of the one payment
   */
  public OrderSnapshot(OrderId id, CustomerId customerId, Currency currency, Instant placedAt,
      Instant deliveredAt, List<OrderLine> lines, Money shippingPaid, String paymentReference) {
    this(id, customerId, currency, placedAt, deliveredAt, lines, shippingPaid,
        TaxMode.INCLUSIVE, List.of(), oneCard(paymentReference, lines, shippingPaid, currency));
  }

  private static List<Tender> oneCard(String reference, List<OrderLine> lines, Money shipping,
      Currency currency) {
    Objects.requireNonNull(reference, "paymentReference");
    Objects.requireNonNull(shipping, "shippingPaid");
    // Amounts in another currency are left out here: the canonical constructor checks the
    // lines and the shipping before the tenders, and reports them by name.
    Money total = Money.zero(currency);
    for (Money amount : Stream.concat(lines.stream().map(OrderLine::paid), Stream.of(shipping))
        .filter(amount -> amount.currency().equals(currency)).toList()) {
      total = total.plus(amount);
    }
    return total.isPositive() ? List.of(new Tender(TenderType.CARD, reference, total))
        : List.of();
  }

  /**
   * Starts an order: the customer's id and the currency are required; add lines, when it was
   * placed, and how it was paid (one payment reference, or tenders); shipping defaults to zero,
   * prices to tax-inclusive, and an order with no delivery date is not delivered yet.
   *
   * <p>A simple order:
   *
   * <pre>{@code
   * OrderSnapshot order = OrderSnapshot.builder("O-1001", "C-42", "EUR")
   *     .placedOn(LocalDate.of(2026, 3, 1)).deliveredOn(LocalDate.of(2026, 3, 3))
   *     .line("1", "TSHIRT-M", "apparel", 2, "19.90")
   *     .shipping("4.95").paymentReference("PSP-7781")
   *     .build();
   * }</pre>
   *
   * <p>An order as most shops take it: a coupon returnkit shares over the lines in proportion
   * to their value, VAT included in the prices, a gift card and a card:
   *
   * <pre>{@code
   * OrderSnapshot order = OrderSnapshot.builder("O-1002", "C-42", "EUR")
   *     .placedOn(LocalDate.of(2026, 3, 1)).deliveredOn(LocalDate.of(2026, 3, 3))
   *     .line("1", "SHIRT", "apparel", 3, "100.00").taxRate("19")
   *     .line("2", "SCARF", "apparel", 1, "30.00").lineDiscount("5.00").taxRate("19")
   *     .orderDiscount("SPRING10", "32.50")
   *     .tender(TenderType.GIFT_CARD, "GC-88", "50.00")
   *     .tender(TenderType.CARD, "PSP-7782", "242.50")
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
   * Finds a tender by its reference.
   *
   * @param reference the payment's reference
   * @return the tender, or empty if the order was not paid with it
   */
  public Optional<Tender> tender(String reference) {
    for (Tender tender : tenders) {
      if (tender.reference().equals(reference)) {
        return Optional.of(tender);
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
   * Everything the customer paid: all lines plus shipping, which is what the tenders captured.
   * No refund for this order may ever exceed it in total.
   *
   * @return the order total
   */
  public Money totalPaid() {
    return paidForLines(lines, currency).plus(shippingPaid);
  }

  /**
   * The order's subtotal as threshold promotions count it: every line after its own discount,
   * before order-level discounts.
   *
   * @return the sum of the lines' subtotals
   */
  public Money subtotal() {
    Money total = Money.zero(currency);
    for (OrderLine line : lines) {
      total = total.plus(line.subtotal());
    }
    return total;
  }

  static Money paidForLines(List<OrderLine> lines, Currency currency) {
    Money total = Money.zero(currency);
    for (OrderLine line : lines) {
      total = total.plus(line.paid());
    }
    return total;
  }

  /**
   * Builds an {@link OrderSnapshot}; {@link #build()} applies the record's checks, and amounts
   * given as text are in the order's currency.
   *
   * <p>A line's details ({@link #lineDiscount}, {@link #taxRate}, {@link #tax}, {@link
   * #discountShare}, {@link #paid}) apply to the line added last. At {@link #build()}, an
   * order-level discount no line has a share of is shared over the lines in proportion to their
   * subtotals, by largest remainder, so the shares add up exactly; a line with a tax rate and no
   * tax amount gets its tax from the rate, rounded half-even; and a payment reference becomes
   * one card tender for the whole order. Not thread-safe.
   */
  public static final class Builder {

    private final OrderId id;
    private final CustomerId customerId;
    private final Currency currency;
    private Instant placedAt;
    private Instant deliveredAt;
    private final List<OrderPricing.PendingLine> lines = new ArrayList<>();
    private final List<OrderDiscount> discounts = new ArrayList<>();
    private final List<Tender> tenders = new ArrayList<>();
    private Money shippingPaid;
    private TaxMode taxMode = TaxMode.INCLUSIVE;
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
     * Prices include their tax (the default).
     *
     * @return this
     */
    public Builder taxIncluded() {
      this.taxMode = TaxMode.INCLUSIVE;
      return this;
    }

    /**
     * Prices are before tax: each line's tax is added to what it was paid.
     *
     * @return this
     */
    public Builder taxExcluded() {
      this.taxMode = TaxMode.EXCLUSIVE;
      return this;
    }

    /**
     * Adds a line exactly as given; the details methods do not apply to it.
     *
     * @param line the line
     * @return this
     */
    public Builder line(OrderLine line) {
      lines.add(OrderPricing.PendingLine.given(Objects.requireNonNull(line, "line")));
      return this;
    }

    /**
     * Adds a returnable line. Without further details its units were paid the price given.
     *
     * @param lineId the line's id
     * @param sku the product variant
     * @param category the catalogue category
     * @param quantity units bought
     * @param unitPrice the price of one unit before discounts, e.g. {@code "19.90"}
     * @return this
     */
    public Builder line(String lineId, String sku, String category, int quantity,
        String unitPrice) {
      lines.add(new OrderPricing.PendingLine(OrderLineId.of(lineId), Sku.of(sku), category,
          quantity, money(unitPrice), false));
      return this;
    }

    /**
     * Adds a line sold as final sale.
     *
     * @param lineId the line's id
     * @param sku the product variant
     * @param category the catalogue category
     * @param quantity units bought
     * @param unitPrice the price of one unit before discounts, e.g. {@code "19.90"}
     * @return this
     */
    public Builder finalSaleLine(String lineId, String sku, String category, int quantity,
        String unitPrice) {
      lines.add(new OrderPricing.PendingLine(OrderLineId.of(lineId), Sku.of(sku), category,
          quantity, money(unitPrice), true));
      return this;
    }

    /**
     * What discounts of the last line alone took off it in all (a sale price, a line coupon).
     *
     * @param amount e.g. {@code "5.00"}
     * @return this
     */
    public Builder lineDiscount(String amount) {
      lastLine("lineDiscount").lineDiscount = money(amount);
      return this;
    }

    /**
     * The last line's share of an order-level discount, for hosts that share discounts
     * themselves (then every share of that discount must be given).
     *
     * @param code the discount's code
     * @param amount the share, e.g. {@code "4.55"}
     * @return this
     */
    public Builder discountShare(String code, String amount) {
      lastLine("discountShare").shares.add(new DiscountShare(code, money(amount)));
      return this;
    }

    /**
     * The last line's tax rate, in percent; its tax is computed from it unless {@link #tax}
     * gives the amount.
     *
     * @param percent e.g. {@code "19"} or {@code "7.7"}
     * @return this
     */
    public Builder taxRate(String percent) {
      lastLine("taxRate").taxRate = new BigDecimal(percent);
      return this;
    }

    /**
     * The last line's tax, as the host's tax engine computed it.
     *
     * @param amount e.g. {@code "47.90"}
     * @return this
     */
    public Builder tax(String amount) {
      lastLine("tax").tax = money(amount);
      return this;
    }

    /**
     * What was finally paid for the last line, checked against its price, discounts and tax.
     *
     * @param amount e.g. {@code "270.00"}
     * @return this
     */
    public Builder paid(String amount) {
      lastLine("paid").paid = money(amount);
      return this;
    }

    /**
     * A discount on the whole order; unless the lines were given their shares, it is shared
     * over them in proportion to their subtotals.
     *
     * @param code the discount's code
     * @param amount what it took off, e.g. {@code "30.00"}
     * @return this
     */
    public Builder orderDiscount(String code, String amount) {
      discounts.add(new OrderDiscount(code, money(amount), null));
      return this;
    }

    /**
     * A threshold promotion: an order discount granted because the order's subtotal reached a
     * minimum ("EUR 10 off orders of EUR 100 or more").
     *
     * @param code the promotion's code
     * @param amount what it took off, e.g. {@code "10.00"}
     * @param minimumSubtotal the subtotal it needed, e.g. {@code "100.00"}
     * @return this
     */
    public Builder promotion(String code, String amount, String minimumSubtotal) {
      discounts.add(new OrderDiscount(code, money(amount), money(minimumSubtotal)));
      return this;
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
      return shipping(money(amount));
    }

    /**
     * The host's reference of the one payment the order was paid with: a card tender that
     * captured the whole order. Use {@link #tender} instead for several tenders.
     *
     * @param reference the reference
     * @return this
     */
    public Builder paymentReference(String reference) {
      this.paymentReference = reference;
      return this;
    }

    /**
     * One of the payments the order was paid with.
     *
     * @param type the kind of payment
     * @param reference the host's reference of it
     * @param captured what it captured, e.g. {@code "100.00"}
     * @return this
     */
    public Builder tender(TenderType type, String reference, String captured) {
      tenders.add(new Tender(type, reference, money(captured)));
      return this;
    }

    /**
     * Builds the order.
     *
     * @return the order
     * @throws IllegalStateException naming what is missing: the placing time, how it was paid,
     *     lines; or that it was given both a payment reference and tenders
     * @throws IllegalArgumentException if the values contradict each other
     */
    public OrderSnapshot build() {
      List<String> missing = new ArrayList<>();
      if (placedAt == null) {
        missing.add("placedAt");
      }
      if (paymentReference == null && tenders.isEmpty()) {
        missing.add("paymentReference (or tenders)");
      }
      if (lines.isEmpty()) {
        missing.add("a line");
      }
      if (!missing.isEmpty()) {
        throw new IllegalStateException("order " + id + " needs " + String.join(", ", missing));
      }
      if (paymentReference != null && !tenders.isEmpty()) {
        throw new IllegalStateException("order " + id + " has a payment reference and "
            + "tenders: give one payment reference, or every tender");
      }
      List<OrderLine> built = OrderPricing.price(lines, discounts, taxMode, currency);
      List<Tender> paidWith = tenders;
      if (paymentReference != null) {
        Money total = paidForLines(built, currency).plus(shippingPaid);
        paidWith = total.isPositive()
            ? List.of(new Tender(TenderType.CARD, paymentReference, total)) : List.of();
      }
      return new OrderSnapshot(id, customerId, currency, placedAt, deliveredAt, built,
          shippingPaid, taxMode, discounts, paidWith);
    }

    private OrderPricing.PendingLine lastLine(String detail) {
      if (lines.isEmpty() || lines.get(lines.size() - 1).given != null) {
        throw new IllegalStateException(detail + " applies to the line added last, by "
            + "line(id, sku, category, quantity, price); there is none");
      }
      return lines.get(lines.size() - 1);
    }

    private Money money(String amount) {
      return Money.of(new BigDecimal(amount), currency);
    }
  }
}
