package dev.returnkit.spi.order;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Allocation;
import dev.returnkit.spi.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link OrderSnapshot.Builder} works out for the host at build time: the shares of
 * order-level discounts no line was given a share of (largest remainder, in proportion to the
 * lines' subtotals), each line's tax from its rate, and what each line was paid.
 */
final class OrderPricing {

  private OrderPricing() {}

  /** A line as the builder collects it: given whole, or priced with details to work out. */
  static final class PendingLine {
    final OrderLine given;
    final OrderLineId id;
    final Sku sku;
    final String category;
    final int quantity;
    final Money unitListPrice;
    final boolean finalSale;
    Money lineDiscount;
    final List<DiscountShare> shares = new ArrayList<>();
    BigDecimal taxRate;
    Money tax;
    Money paid;

    PendingLine(OrderLineId id, Sku sku, String category, int quantity, Money unitListPrice,
        boolean finalSale) {
      this.given = null;
      this.id = id;
      this.sku = sku;
      this.category = category;
      this.quantity = quantity;
      this.unitListPrice = unitListPrice;
      this.finalSale = finalSale;
    }

    private PendingLine(OrderLine given) {
      this.given = given;
      this.id = given.id();
      this.sku = given.sku();
      this.category = given.category();
      this.quantity = given.quantity();
      this.unitListPrice = given.unitListPrice();
      this.finalSale = given.finalSale();
    }

    static PendingLine given(OrderLine line) {
      return new PendingLine(line);
    }

    Money subtotal() {
      if (given != null) {
        return given.subtotal();
      }
      Money list = unitListPrice.times(quantity);
      return lineDiscount == null ? list : list.minus(lineDiscount);
    }

    boolean hasShareOf(String code) {
      if (given != null) {
        return given.discountShares().stream().anyMatch(s -> s.code().equals(code));
      }
      return shares.stream().anyMatch(s -> s.code().equals(code));
    }
  }

  /**
   * The lines with every amount worked out.
   *
   * @param lines the lines as collected
   * @param discounts the order-level discounts
   * @param taxMode whether prices include tax
   * @param currency the order's currency
   * @return the finished lines
   */
  static List<OrderLine> price(List<PendingLine> lines, List<OrderDiscount> discounts,
      TaxMode taxMode, Currency currency) {
    // The shares returnkit works out, kept apart from the lines as collected, so that building
    // twice builds the same order.
    Map<PendingLine, List<DiscountShare>> shared = new IdentityHashMap<>();
    for (OrderDiscount discount : discounts) {
      if (lines.stream().noneMatch(line -> line.hasShareOf(discount.code()))) {
        share(lines, discount, shared);
      }
    }
    List<OrderLine> built = new ArrayList<>(lines.size());
    for (PendingLine line : lines) {
      built.add(line.given != null ? line.given
          : finish(line, shared.getOrDefault(line, List.of()), taxMode, currency));
    }
    return built;
  }

  private static void share(List<PendingLine> lines, OrderDiscount discount,
      Map<PendingLine, List<DiscountShare>> shared) {
    List<PendingLine> open = lines.stream().filter(line -> line.given == null).toList();
    if (open.isEmpty()) {
      return; // the order's check reports the discount as not shared
    }
    List<Money> parts = Allocation.largestRemainder(discount.amount(),
        open.stream().map(PendingLine::subtotal).toList());
    for (int i = 0; i < open.size(); i++) {
      if (parts.get(i).isPositive()) {
        shared.computeIfAbsent(open.get(i), line -> new ArrayList<>())
            .add(new DiscountShare(discount.code(), parts.get(i)));
      }
    }
  }

  private static OrderLine finish(PendingLine line, List<DiscountShare> sharedByReturnkit,
      TaxMode taxMode, Currency currency) {
    Money zero = Money.zero(currency);
    Money lineDiscount = line.lineDiscount == null ? zero : line.lineDiscount;
    BigDecimal rate = line.taxRate == null ? BigDecimal.ZERO : line.taxRate;
    List<DiscountShare> shares = new ArrayList<>(line.shares);
    shares.addAll(sharedByReturnkit);
    Money base = line.unitListPrice.times(line.quantity).minus(lineDiscount);
    for (DiscountShare share : shares) {
      base = base.minus(share.amount());
    }
    Money tax = line.tax != null ? line.tax : taxOf(base, rate, taxMode);
    Money paid = line.paid != null ? line.paid
        : taxMode == TaxMode.EXCLUSIVE ? base.plus(tax) : base;
    return new OrderLine(line.id, line.sku, line.category, line.quantity, line.unitListPrice,
        lineDiscount, shares, rate, tax, paid, line.finalSale);
  }

  /**
   * The tax on an amount at a rate: {@code base * rate / 100} when prices exclude tax, the part
   * of it that is tax, {@code base * rate / (100 + rate)}, when they include it; rounded
   * half-even to the minor unit.
   */
  static Money taxOf(Money base, BigDecimal ratePercent, TaxMode taxMode) {
    if (ratePercent.signum() == 0 || base.isZero() || base.isNegative()) {
      return Money.zero(base.currency());
    }
    BigDecimal divisor = taxMode == TaxMode.EXCLUSIVE ? BigDecimal.valueOf(100)
        : BigDecimal.valueOf(100).add(ratePercent);
    BigDecimal tax = base.amount().multiply(ratePercent)
        .divide(divisor, base.amount().scale() + 10, RoundingMode.HALF_EVEN);
    return Money.rounded(tax, base.currency());
  }
}
