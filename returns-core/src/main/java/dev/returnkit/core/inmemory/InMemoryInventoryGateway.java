package dev.returnkit.core.inmemory;

import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.inventory.MovementOutcome;
import dev.returnkit.spi.inventory.StockMovement;
import dev.returnkit.spi.vocabulary.Disposition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link InventoryGateway} that keeps unit counts per SKU and disposition in memory, applies
 * each movement key once, and records every movement applied. Thread-safe.
 */
public final class InMemoryInventoryGateway implements InventoryGateway {

  private final Map<String, StockMovement> appliedByKey = new HashMap<>();
  private final Map<Sku, Map<Disposition, Integer>> units = new HashMap<>();
  private final List<StockMovement> applied = new ArrayList<>();

  /** Empty stock. */
  public InMemoryInventoryGateway() {}

  @Override
  public synchronized MovementOutcome apply(StockMovement movement) {
    StockMovement earlier = appliedByKey.get(movement.idempotencyKey());
    if (earlier != null) {
      if (!earlier.equals(movement)) {
        throw new IllegalArgumentException("stock movement key " + movement.idempotencyKey()
            + " was already used for " + earlier + "; now " + movement);
      }
      return MovementOutcome.ALREADY_APPLIED;
    }
    appliedByKey.put(movement.idempotencyKey(), movement);
    units.computeIfAbsent(movement.sku(), sku -> new HashMap<>())
        .merge(movement.disposition(), movement.quantity(), Integer::sum);
    applied.add(movement);
    return MovementOutcome.APPLIED;
  }

  /**
   * Units of a SKU moved with a disposition.
   *
   * @param sku the product
   * @param disposition the disposition
   * @return the units, 0 if none
   */
  public synchronized int units(Sku sku, Disposition disposition) {
    return units.getOrDefault(sku, Map.of()).getOrDefault(disposition, 0);
  }

  /**
   * Every movement applied (once per key), in order.
   *
   * @return the movements
   */
  public synchronized List<StockMovement> applied() {
    return List.copyOf(applied);
  }
}
