package dev.returnkit.spi.order;

/**
 * The kinds of payment an order can be paid with. Refund routing orders tenders by these
 * (setting {@code refund.tender-order} of the default policies).
 */
public enum TenderType {
  /** A debit or credit card. */
  CARD,
  /** A wallet such as PayPal, Apple Pay or Google Pay. */
  WALLET,
  /** A buy-now-pay-later provider. */
  BUY_NOW_PAY_LATER,
  /** A bank transfer or direct debit. */
  BANK_TRANSFER,
  /** A gift card of the shop. */
  GIFT_CARD,
  /** Store credit the customer held before the order. */
  STORE_CREDIT,
  /** Cash, on delivery or in a store. */
  CASH,
  /** Anything else. */
  OTHER
}
