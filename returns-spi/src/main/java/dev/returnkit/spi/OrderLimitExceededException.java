package dev.returnkit.spi;

import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;

/**
 * A write would make the return cases of one order hold more units of an order line than were
 * bought, owe more money for it than was paid, or refund more outbound shipping than was paid.
 * Usually another case of the same order got there first (two requests for the last unit, two
 * settlements of the same line, from different processes). Nothing of the write was stored;
 * reload and decide again, and the input checks will say what is still possible.
 *
 * <p>Storage adapters throw it; it is the last line of defence behind the core's own checks,
 * which only see the cases they have read.
 */
public final class OrderLimitExceededException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  private final transient ReturnId returnId;
  private final transient OrderId orderId;

  /**
   * Creates the exception.
   *
   * @param returnId the case whose write was refused
   * @param orderId its order
   * @param detail which limit, on which order line, by how much
   */
  public OrderLimitExceededException(ReturnId returnId, OrderId orderId, String detail) {
    super("write of return case " + returnId + " refused: on order " + orderId + ", " + detail
        + "; another case of the order probably got there first");
    this.returnId = returnId;
    this.orderId = orderId;
  }

  /**
   * The case whose write was refused.
   *
   * @return the return id
   */
  public ReturnId returnId() {
    return returnId;
  }

  /**
   * The order whose limit was hit.
   *
   * @return the order id
   */
  public OrderId orderId() {
    return orderId;
  }
}
