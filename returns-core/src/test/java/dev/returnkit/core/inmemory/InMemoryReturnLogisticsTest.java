package dev.returnkit.core.inmemory;

import dev.returnkit.spi.logistics.ReturnLogistics;
import dev.returnkit.tck.ReturnLogisticsContract;

class InMemoryReturnLogisticsTest extends ReturnLogisticsContract {

  @Override
  protected ReturnLogistics newLogistics() {
    return new InMemoryReturnLogistics();
  }
}
