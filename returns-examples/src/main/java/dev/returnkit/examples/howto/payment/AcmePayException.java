package dev.returnkit.examples.howto.payment;

/** An error from Acme Pay: an HTTP status and an error code, as its SDK reports them. */
public final class AcmePayException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** The payment does not exist. */
  public static final String PAYMENT_NOT_FOUND = "payment_not_found";
  /** The idempotency key was used with another request body. */
  public static final String IDEMPOTENCY_KEY_IN_USE = "idempotency_key_in_use";
  /** The refund would pass the refundable amount. */
  public static final String AMOUNT_EXCEEDS_REFUNDABLE = "amount_exceeds_refundable";
  /** Acme Pay is down or did not answer in time. */
  public static final String UNAVAILABLE = "service_unavailable";

  private final int status;
  private final String code;
  private final long refundedMinor;

  /**
   * An error.
   *
   * @param status the HTTP status, e.g. 409, or 0 for a timeout
   * @param code Acme Pay's error code
   * @param message the message
   */
  public AcmePayException(int status, String code, String message) {
    this(status, code, message, -1);
  }

  /**
   * An error that says what the payment's refunds add up to.
   *
   * @param status the HTTP status
   * @param code Acme Pay's error code
   * @param message the message
   * @param refundedMinor the payment's refunds so far, in minor units
   */
  public AcmePayException(int status, String code, String message, long refundedMinor) {
    super(code + " (" + status + "): " + message);
    this.status = status;
    this.code = code;
    this.refundedMinor = refundedMinor;
  }

  /**
   * For {@link #AMOUNT_EXCEEDS_REFUNDABLE}: what the payment's refunds add up to.
   *
   * @return minor units, or -1 if the error does not say
   */
  public long refundedMinor() {
    return refundedMinor;
  }

  /**
   * The HTTP status, 0 for a timeout.
   *
   * @return the status
   */
  public int status() {
    return status;
  }

  /**
   * Acme Pay's error code.
   *
   * @return the code
   */
  public String code() {
    return code;
  }
}
