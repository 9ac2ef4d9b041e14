package dev.returnkit.core.inmemory;

import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.tck.OrderLookupContract;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

@DisplayName("InMemoryOrderLookup passes the order lookup contract")
class InMemoryOrderLookupContractTest extends OrderLookupContract {

  @Override
  protected OrderLookup lookupOver(List<OrderSnapshot> orders) {
    return new InMemoryOrderLookup().putAll(orders);
  }
}
