package dev.returnkit.core.observation;

/** How a call of the payment gateway ended. */
public enum PaymentOutcome {
  /** The provider confirmed the payment. */
  PAID,
  /** The provider refused it ({@code PaymentRejectedException}). */
  REJECTED,
  /** The provider could not be reached or did not answer ({@code PaymentUnavailableException}). */
  UNAVAILABLE,
  /** The adapter failed otherwise. */
  FAILED
}
