package dev.returnkit.spi.id;

/**
 * A stock-keeping unit: the product variant a line is for, as the host's catalogue and inventory
 * know it.
 *
 * <p>Immutable and thread-safe. The value is 1 to 64 characters with no whitespace or control
 * characters; anything else is rejected with an {@link IllegalArgumentException}.
 *
 * @param value the identifier as text
 */
public record Sku(String value) {

  public Sku {
    IdText.requireValid(value, "SKU id");
  }

  /**
   * Returns the id for a value.
   *
   * @param value the identifier as text
   * @return the id
   */
  public static Sku of(String value) {
    return new Sku(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
