package dev.returnkit.core.settlement;

/**
 * Decides the money of a settlement: the refund per line, restocking fees, the return-shipping
 * charge and the outbound-shipping refund, and how each line is settled (refund, store credit,
 * exchange, repair).
 *
 * <p>The core clamps whatever a policy says to what may be refunded: never more than was paid
 * for the accepted units, never more than remains unrefunded on the order line, never below
 * zero. Implementations must be pure and thread-safe.
 */
@FunctionalInterface
public interface SettlementPolicy {

  /**
   * Decides a settlement.
   *
   * @param facts the lines with liability, disposition and prices, and the order's shipping
   * @return the amounts and methods
   */
  SettlementDecision decide(SettlementFacts facts);
}
