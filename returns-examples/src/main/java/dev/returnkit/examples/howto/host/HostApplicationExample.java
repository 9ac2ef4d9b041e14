package dev.returnkit.examples.howto.host;

import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.returncase.ServiceLevels;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.examples.howto.ExampleShop;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.time.Duration;
import java.util.List;

/**
 * A host application's life with returnkit, in a few calls: start-up, a customer's form sent
 * with two mistakes, the corrected request, a warehouse scanning a parcel too early, shutdown.
 */
public final class HostApplicationExample {

  private HostApplicationExample() {}

  /**
   * Runs the example.
   *
   * @param args none
   */
  public static void main(String[] args) {
    InMemoryPorts ports = InMemoryPorts.create(ExampleShop.CLOCK);
    OrderSnapshot order = ExampleShop.order(1, 4, "PHONE", "electronics", "699.00");
    ports.orders().put(order);

    ShopReturnsModule.Configuration configuration = new ShopReturnsModule.Configuration(null,
        Duration.ofMinutes(15), ServiceLevels.DEFAULT);
    try (ShopReturnsModule module = new ShopReturnsModule(ShopAdapters.of(ports),
        configuration, ExampleShop.CLOCK)) {
      module.start();
      ReturnsEndpoint endpoint = new ReturnsEndpoint(module.returns());

      ReturnRequest valid = ExampleShop.requestFor(order, ReturnReason.CHANGED_MIND);
      print("POST /returns (no units, no reason)", endpoint.requestReturn(twoMistakes(valid)));

      ReturnsEndpoint.Response created = endpoint.requestReturn(valid);
      print("POST /returns", created);

      String id = created.body().split(" ")[0];
      print("POST /returns/" + id + "/receipt", endpoint.receiveParcel(id,
          new GoodsReceipt(Actor.warehouse("W-1"),
              List.of(new ReceivedLine(ExampleShop.line(), 1)))));
      print("POST /returns/R-404/receipt", endpoint.receiveParcel("R-404",
          new GoodsReceipt(Actor.warehouse("W-1"), List.of())));
    }
  }

  /**
   * The request as a careless form would send it: no units and no reason.
   *
   * @param valid a valid request
   * @return the same request with two mistakes
   */
  static ReturnRequest twoMistakes(ReturnRequest valid) {
    return new ReturnRequest(valid.orderId(), valid.customerId(),
        List.of(new RequestedLine(ExampleShop.line(), 0, null, Resolution.REFUND, null)),
        valid.requestedBy());
  }

  private static void print(String call, ReturnsEndpoint.Response response) {
    System.out.println(call + " -> " + response.status());
    response.body().lines().forEach(line -> System.out.println("    " + line));
  }
}
