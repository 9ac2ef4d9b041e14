package dev.returnkit.spi.id;

/**
 * Identifies one line of an order in the host shop's order system; unique within its order.
 *
 * <p>Immutable and thread-safe. The value is 1 to 64 characters with no whitespace or control
 * characters; anything else is rejected with an {@link IllegalArgumentException}.
 *
 * @param value the identifier as text
 */
public record OrderLineId(String value) {

  public OrderLineId {
    IdText.requireValid(value, "order line id");
  }

  /**
   * Returns the id for a value.
   *
   * @param value the identifier as text
   * @return the id
   */
  public static OrderLineId of(String value) {
    return new OrderLineId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
