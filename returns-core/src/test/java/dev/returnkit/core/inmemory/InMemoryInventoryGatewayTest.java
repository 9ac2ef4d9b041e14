package dev.returnkit.core.inmemory;

import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.tck.InventoryGatewayContract;

class InMemoryInventoryGatewayTest extends InventoryGatewayContract {

  @Override
  protected InventoryGateway newGateway() {
    return new InMemoryInventoryGateway();
  }

  @Override
  protected int unitsMoved(InventoryGateway gateway, Sku sku, Disposition disposition) {
    return ((InMemoryInventoryGateway) gateway).units(sku, disposition);
  }
}
