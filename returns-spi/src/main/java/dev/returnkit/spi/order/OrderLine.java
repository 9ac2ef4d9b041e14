package dev.returnkit.spi.order;

import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of an order, as the host's order system knows it, with its money as it was paid: the
 * list price, the line's own discount, its shares of order-level discounts, its tax, and what
 * the customer finally paid for it.
 *
 * <p>Whether {@code paid} includes the tax depends on the order's {@link TaxMode}, which the
 * {@link OrderSnapshot} checks: list price times quantity, less the discounts, is what was paid
 * for a tax-inclusive order, and that plus the tax for a tax-exclusive one. A line of a simple
 * order ({@link #of}) has no discount and no tax. All amounts are in one currency.
 *
 * @param id the line's id, unique within the order
 * @param sku the product variant
 * @param category the catalogue category, as the return policies know it (e.g.
 *     {@code electronics}); policies key windows, hygiene rules and warranties on it
 * @param quantity units bought, at least 1
 * @param unitListPrice the price of one unit before any discount
 * @param lineDiscount what discounts of this line alone took off (a sale price, a line coupon)
 * @param discountShares the line's shares of order-level discounts, one per discount code
 * @param taxRate the tax rate in percent (e.g. {@code 19} for 19 %), zero if untaxed
 * @param tax the tax on the line, as the host's tax engine computed it
 * @param paid what the customer finally paid for the whole line, tax included
 * @param finalSale whether the line was sold as final sale (not returnable)
 */
public record OrderLine(
    OrderLineId id,
    Sku sku,
    String category,
    int quantity,
    Money unitListPrice,
    Money lineDiscount,
    List<DiscountShare> discountShares,
    BigDecimal taxRate,
    Money tax,
    Money paid,
    boolean finalSale) {

  public OrderLine {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sku, "sku");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(unitListPrice, "unitListPrice");
    Objects.requireNonNull(lineDiscount, "lineDiscount");
    Objects.requireNonNull(taxRate, "taxRate");
    Objects.requireNonNull(tax, "tax");
    Objects.requireNonNull(paid, "paid");
    discountShares = List.copyOf(discountShares);
    if (quantity < 1) {
      throw new IllegalArgumentException("order line " + id + " has quantity " + quantity);
    }
    for (Money amount : List.of(unitListPrice, lineDiscount, tax, paid)) {
      if (amount.isNegative()) {
        throw new IllegalArgumentException("order line " + id + " has a negative amount "
            + amount);
      }
      requireCurrency(id, unitListPrice, amount);
    }
    for (DiscountShare share : discountShares) {
      requireCurrency(id, unitListPrice, share.amount());
    }
    if (discountShares.stream().map(DiscountShare::code).distinct().count()
        < discountShares.size()) {
      throw new IllegalArgumentException("order line " + id + " has a discount share twice");
    }
    if (taxRate.signum() < 0) {
      throw new IllegalArgumentException("order line " + id + " has a negative tax rate "
          + taxRate);
    }
    if (tax.isGreaterThan(paid)) {
      throw new IllegalArgumentException("order line " + id + " has tax " + tax
          + " above what was paid for it, " + paid);
    }
    if (discountedValue(unitListPrice, quantity, lineDiscount, discountShares).isNegative()) {
      throw new IllegalArgumentException("order line " + id + " has discounts above its list "
          + "value " + unitListPrice.times(quantity));
    }
  }

  /**
   * A line of a simple order: every unit paid the same price, no discount, no tax.
   *
   * @param id the line's id, unique within the order
   * @param sku the product variant
   * @param category the catalogue category
   * @param quantity units bought, at least 1
   * @param unitPricePaid what the customer paid per unit
   * @param finalSale whether the line was sold as final sale
   */
  public OrderLine(OrderLineId id, Sku sku, String category, int quantity, Money unitPricePaid,
      boolean finalSale) {
    this(id, sku, category, quantity, unitPricePaid, zero(unitPricePaid), List.of(),
        BigDecimal.ZERO, zero(unitPricePaid), unitPricePaid.times(Math.max(quantity, 1)),
        finalSale);
  }

  /**
   * A line of a simple order: every unit paid the same price, no discount, no tax.
   *
   * @param id the line's id
   * @param sku the product variant
   * @param category the catalogue category
   * @param quantity units bought
   * @param unitPricePaid what the customer paid per unit
   * @return the line
   */
  public static OrderLine of(OrderLineId id, Sku sku, String category, int quantity,
      Money unitPricePaid) {
    return simple(id, sku, category, quantity, unitPricePaid, false);
  }

  /**
   * A line of a simple order sold as final sale, which the default policies do not take back.
   *
   * @param id the line's id
   * @param sku the product variant
   * @param category the catalogue category
   * @param quantity units bought
   * @param unitPricePaid what the customer paid per unit
   * @return the line
   */
  public static OrderLine finalSale(OrderLineId id, Sku sku, String category, int quantity,
      Money unitPricePaid) {
    return simple(id, sku, category, quantity, unitPricePaid, true);
  }

  private static OrderLine simple(OrderLineId id, Sku sku, String category, int quantity,
      Money unitPricePaid, boolean finalSale) {
    return new OrderLine(id, sku, category, quantity, unitPricePaid, finalSale);
  }

  private static Money zero(Money like) {
    return Money.zero(Objects.requireNonNull(like, "unitPricePaid").currency());
  }

  /**
   * The line at list price.
   *
   * @return unit list price times quantity
   */
  public Money listValue() {
    return unitListPrice.times(quantity);
  }

  /**
   * The line after its own discount, before order-level discounts: what threshold promotions
   * count, and what order-level discounts are shared in proportion to.
   *
   * @return list value less the line discount
   */
  public Money subtotal() {
    return listValue().minus(lineDiscount);
  }

  /**
   * The line's share of all order-level discounts.
   *
   * @return the sum of its discount shares
   */
  public Money orderDiscountShare() {
    return Money.sum(discountShares.stream().map(DiscountShare::amount).toList(),
        unitListPrice.currency());
  }

  /**
   * The line's share of one order-level discount.
   *
   * @param code the discount's code
   * @return the share, zero if the discount took nothing off this line
   */
  public Money discountShare(String code) {
    for (DiscountShare share : discountShares) {
      if (share.code().equals(code)) {
        return share.amount();
      }
    }
    return Money.zero(unitListPrice.currency());
  }

  /**
   * The line after every discount, as it was priced (with or without tax, as the order is).
   *
   * @return list value less the line discount and the order discount shares
   */
  public Money discountedValue() {
    return discountedValue(unitListPrice, quantity, lineDiscount, discountShares);
  }

  /**
   * What was paid for the whole line, for refunds and tax reports: gross, tax and discounts.
   *
   * @return the line's value
   */
  public LineValue value() {
    return new LineValue(paid, tax, lineDiscount.plus(orderDiscountShare()));
  }

  /**
   * What was paid for some of the line's units, the first ones (as the eligibility and review
   * policies weigh a request: the exact share of the units a case settles is worked out when
   * it settles, after the units other cases returned).
   *
   * @param units how many units; a request for more than were bought is worth all of them,
   *     and one for none (or fewer) nothing, so that a policy can weigh it before refusing it
   * @return their share of what was paid, tax included
   */
  public Money paidFor(int units) {
    return value().units(quantity, 0, Math.max(0, Math.min(units, quantity))).gross();
  }

  private static Money discountedValue(Money unitListPrice, int quantity, Money lineDiscount,
      List<DiscountShare> shares) {
    Money value = unitListPrice.times(quantity).minus(lineDiscount);
    for (DiscountShare share : shares) {
      value = value.minus(share.amount());
    }
    return value;
  }

  private static void requireCurrency(OrderLineId id, Money reference, Money amount) {
    if (!amount.currency().equals(reference.currency())) {
      throw new CurrencyMismatchException(reference.currency(), amount.currency(), "order line "
          + id + " has amounts in " + reference.currency() + " and " + amount.currency());
    }
  }
}
