package dev.returnkit.core;

import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.inventory.StockMovement;
import dev.returnkit.spi.logistics.ReturnLogistics;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The port calls that follow a stored change and must not undo it: stock movements after an
 * inspection or a settlement, and cancelling a label nobody needs any more. Both ports are
 * idempotent, so sending again is always safe; a failure is logged, and the stock movements can
 * be repaired with {@code Returns.syncInventory}. Thread-safe.
 */
final class SideEffects {

  private static final Logger log = LoggerFactory.getLogger(SideEffects.class);

  private final InventoryGateway inventory;
  private final ReturnLogistics logistics;

  SideEffects(InventoryGateway inventory, ReturnLogistics logistics) {
    this.inventory = inventory;
    this.logistics = logistics;
  }

  /** Sends the case's stock movements; the inventory port's failures are passed on. */
  List<StockMovement> moveStock(ReturnCase returnCase) {
    List<StockMovement> movements = returnCase.stockMovements();
    for (StockMovement movement : movements) {
      inventory.apply(movement);
    }
    return movements;
  }

  void moveStockQuietly(ReturnCase returnCase) {
    try {
      moveStock(returnCase);
    } catch (RuntimeException e) {
      log.warn("Inventory update for return case {} failed; repair it with syncInventory",
          returnCase.id(), e);
    }
  }

  void cancelShipmentQuietly(ReturnCase returnCase) {
    returnCase.shipment().ifPresent(
        shipment -> cancelShipmentQuietly(returnCase.id(), shipment.trackingNumber()));
  }

  void cancelShipmentQuietly(ReturnId id, String trackingNumber) {
    try {
      logistics.cancel(id, trackingNumber);
    } catch (RuntimeException e) {
      log.warn("Cancelling shipment {} of return case {} failed", trackingNumber, id, e);
    }
  }
}
