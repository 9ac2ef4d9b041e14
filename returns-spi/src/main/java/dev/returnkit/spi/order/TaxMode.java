package dev.returnkit.spi.order;

/** Whether an order's prices include the tax on them, as shops in most of Europe price, or not. */
public enum TaxMode {
  /** Prices include tax: what a line was paid is its price after discounts. */
  INCLUSIVE,
  /** Prices are before tax: what a line was paid is its price after discounts plus its tax. */
  EXCLUSIVE
}
