package dev.returnkit.spi.vocabulary;

/** Who pays for sending the goods back, as decided when the return is requested. */
public enum ReturnShippingPayer {
  /** The customer: the cost may be charged against the refund. */
  CUSTOMER,
  /** The shop: the label is prepaid and nothing is charged. */
  SELLER
}
