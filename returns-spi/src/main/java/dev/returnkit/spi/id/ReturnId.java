package dev.returnkit.spi.id;

/**
 * Identifies one return case (RMA). Chosen by returnkit through a {@link ReturnIdSource}.
 *
 * <p>Immutable and thread-safe. The value is 1 to 64 characters with no whitespace or control
 * characters; anything else is rejected with an {@link IllegalArgumentException}.
 *
 * @param value the identifier as text
 */
public record ReturnId(String value) {

  public ReturnId {
    IdText.requireValid(value, "return case id");
  }

  /**
   * Returns the id for a value.
   *
   * @param value the identifier as text
   * @return the id
   */
  public static ReturnId of(String value) {
    return new ReturnId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
