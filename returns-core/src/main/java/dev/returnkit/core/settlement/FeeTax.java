package dev.returnkit.core.settlement;

/**
 * Whether the amounts a settlement keeps carry tax, which decides how much tax a refund gives
 * back. A taxed fee is charged gross: its tax, at the line's rate, stays with the shop, and the
 * refund's tax is the item's less the fee's. An untaxed fee comes out of the net: all of the
 * item's tax is refunded.
 *
 * @param restockingFee whether restocking fees carry tax
 * @param returnShipping whether return shipping charges carry tax
 */
public record FeeTax(boolean restockingFee, boolean returnShipping) {

  /** Both carry tax, as most tax authorities see a fee for a service. */
  public static final FeeTax TAXED = new FeeTax(true, true);
}
