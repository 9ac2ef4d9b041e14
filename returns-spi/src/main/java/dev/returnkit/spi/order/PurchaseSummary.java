package dev.returnkit.spi.order;

/**
 * How much a customer bought in a period, so policies can compute a return rate (units returned
 * per unit bought).
 *
 * @param orders orders placed in the period
 * @param units units bought in the period
 */
public record PurchaseSummary(int orders, int units) {

  /** Nothing bought. */
  public static final PurchaseSummary NONE = new PurchaseSummary(0, 0);

  public PurchaseSummary {
    if (orders < 0 || units < 0) {
      throw new IllegalArgumentException("counts cannot be negative: " + orders + ", " + units);
    }
  }
}
