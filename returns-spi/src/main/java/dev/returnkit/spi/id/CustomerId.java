package dev.returnkit.spi.id;

/**
 * Identifies a customer of the host shop.
 *
 * <p>Immutable and thread-safe. The value is 1 to 64 characters with no whitespace or control
 * characters; anything else is rejected with an {@link IllegalArgumentException}.
 *
 * @param value the identifier as text
 */
public record CustomerId(String value) {

  public CustomerId {
    IdText.requireValid(value, "customer id");
  }

  /**
   * Returns the id for a value.
   *
   * @param value the identifier as text
   * @return the id
   */
  public static CustomerId of(String value) {
    return new CustomerId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
