package dev.returnkit.spi.inventory;

/**
 * The host's inventory: applies the disposition of returned units (restock as new, restock as
 * open-box, send to refurbishment or to the supplier, write off).
 *
 * <p><b>Idempotency:</b> keyed by {@link StockMovement#idempotencyKey()}: the first call applies
 * the movement, later calls with the same key and content return
 * {@link MovementOutcome#ALREADY_APPLIED} and change nothing; the same key with different
 * content throws {@link IllegalArgumentException}. returnkit relies on this to re-send movements
 * after a crash. <b>Thread-safety:</b> implementations must be safe to call from many threads,
 * including with the same key at once. <b>Errors:</b> an unchecked exception of the host's
 * choosing when the inventory system is unreachable; returnkit re-sends on the next attempt.
 *
 * <p>The contract test {@code dev.returnkit.tck.InventoryGatewayContract} (artifact
 * {@code returns-tck}) checks this for an implementation.
 */
public interface InventoryGateway {

  /**
   * Applies a movement once.
   *
   * @param movement the units and their disposition
   * @return whether it was applied now or had been before
   */
  MovementOutcome apply(StockMovement movement);
}
