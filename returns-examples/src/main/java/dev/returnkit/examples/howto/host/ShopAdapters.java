package dev.returnkit.examples.howto.host;

import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.logistics.ReturnLogistics;
import dev.returnkit.spi.notification.CustomerNotifier;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.storage.ReturnRepository;
import java.time.Clock;

/**
 * The host shop's adapters for returnkit's ports: its database, order system, carrier, payment
 * provider, warehouse system, mailer and message bus. Each is a small interface of
 * {@code returns-spi}; the stateful ones have a contract test in {@code returns-tck}.
 *
 * @param repository where cases and their history are stored (a JDBC adapter in production)
 * @param orders the order system
 * @param logistics the carrier's label and pickup service
 * @param payments the payment provider
 * @param inventory the warehouse system
 * @param notifier e-mail or text messages to the customer
 * @param events the message bus that tells the rest of the shop
 */
public record ShopAdapters(
    ReturnRepository repository,
    OrderLookup orders,
    ReturnLogistics logistics,
    PaymentGateway payments,
    InventoryGateway inventory,
    CustomerNotifier notifier,
    ReturnEventPublisher events) {

  /**
   * returnkit's in-memory adapters, standing in for the shop's real ones in this example.
   *
   * @param ports the in-memory adapters
   * @return the adapters
   */
  public static ShopAdapters of(InMemoryPorts ports) {
    return new ShopAdapters(ports.repository(), ports.orders(), ports.logistics(),
        ports.payments(), ports.inventory(), ports.notifier(), ports.events());
  }

  /**
   * In-memory adapters for every port.
   *
   * @param clock the clock payment receipts are stamped with
   * @return the adapters
   */
  public static ShopAdapters inMemory(Clock clock) {
    return of(InMemoryPorts.create(clock));
  }
}
