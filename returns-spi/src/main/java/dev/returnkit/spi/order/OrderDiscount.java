package dev.returnkit.spi.order;

import dev.returnkit.spi.money.Money;
import java.util.Objects;
import java.util.Optional;

/**
 * A discount on the whole order (a coupon, a promotion), shared over the lines as each line's
 * {@link DiscountShare}.
 *
 * <p>A threshold promotion ("EUR 10 off orders of EUR 100 or more") has a minimum subtotal: the
 * order's lines after their own discounts, before order discounts. The settlement policy may
 * claw it back from a refund when a return takes the kept goods under that minimum.
 *
 * @param code the discount's code, unique within the order (e.g. {@code SPRING10})
 * @param amount what it took off the order, above zero
 * @param minimumSubtotal the subtotal the order needed for it, or {@code null} for a discount
 *     without a threshold
 */
public record OrderDiscount(String code, Money amount, Money minimumSubtotal) {

  public OrderDiscount {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(amount, "amount");
    if (code.isBlank()) {
      throw new IllegalArgumentException("a discount's code cannot be blank");
    }
    if (!amount.isPositive()) {
      throw new IllegalArgumentException("discount " + code + " takes off " + amount
          + "; a discount takes off more than nothing");
    }
    if (minimumSubtotal != null && minimumSubtotal.isNegative()) {
      throw new IllegalArgumentException("discount " + code + " has a negative threshold");
    }
    if (minimumSubtotal != null && !minimumSubtotal.currency().equals(amount.currency())) {
      throw new IllegalArgumentException("discount " + code + " has its threshold in "
          + minimumSubtotal.currency() + " and its amount in " + amount.currency());
    }
  }

  /**
   * The minimum subtotal of a threshold promotion.
   *
   * @return the threshold, or empty for a plain discount
   */
  public Optional<Money> threshold() {
    return Optional.ofNullable(minimumSubtotal);
  }
}
