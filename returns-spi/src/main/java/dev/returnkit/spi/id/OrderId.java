package dev.returnkit.spi.id;

/**
 * Identifies an order in the host shop's order system.
 *
 * <p>Immutable and thread-safe. The value is 1 to 64 characters with no whitespace or control
 * characters; anything else is rejected with an {@link IllegalArgumentException}.
 *
 * @param value the identifier as text
 */
public record OrderId(String value) {

  public OrderId {
    IdText.requireValid(value, "order id");
  }

  /**
   * Returns the id for a value.
   *
   * @param value the identifier as text
   * @return the id
   */
  public static OrderId of(String value) {
    return new OrderId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
