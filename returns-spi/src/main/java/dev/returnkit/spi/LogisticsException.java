package dev.returnkit.spi;


/**
 * The logistics port could not arrange or cancel a shipment. Nothing about the case changes;
 * the call may be retried (arranging is idempotent per case).
 */
public class LogisticsException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   */
  public LogisticsException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what failed
   * @param cause the carrier's or the network's error
   */
  public LogisticsException(String message, Throwable cause) {
    super(message, cause);
  }
}
