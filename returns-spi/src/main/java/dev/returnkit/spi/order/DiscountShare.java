package dev.returnkit.spi.order;

import dev.returnkit.spi.money.Money;
import java.util.Objects;

/**
 * A line's share of one order-level discount ({@link OrderDiscount}).
 *
 * @param code the discount's code
 * @param amount what the discount took off this line, not negative
 */
public record DiscountShare(String code, Money amount) {

  public DiscountShare {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("discount " + code + " has a negative share " + amount);
    }
  }
}
