package dev.returnkit.examples.howto;

import dev.returnkit.core.ReturnPolicies;
import dev.returnkit.core.Returns;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.List;

/**
 * The small shop the how-to examples run in: returnkit with in-memory adapters, a fixed clock
 * and whatever policies the example is about, plus a way to place a one-item order delivered
 * some days ago and ask to return it.
 */
public final class ExampleShop {

  /** The examples' "now". */
  public static final Instant NOW = Instant.parse("2026-03-16T10:00:00Z");

  /** A clock stopped at {@link #NOW}. */
  public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

  private static final OrderLineId LINE = OrderLineId.of("1");

  private final InMemoryPorts ports;
  private final Returns returns;
  private int orders;

  /**
   * A shop deciding returns with the given policies.
   *
   * @param policies e.g. {@code DroolsPolicies.defaults().policies()}
   */
  public ExampleShop(ReturnPolicies policies) {
    this.ports = InMemoryPorts.create(CLOCK);
    this.returns = ports.wire(Returns.builder()).policies(policies).clock(CLOCK)
        .ids(ReturnIdSource.sequential("R")).build();
  }

  /**
   * A shop paying through its own payment adapter instead of the in-memory one.
   *
   * @param policies the policies
   * @param payments the payment adapter
   */
  public ExampleShop(ReturnPolicies policies, PaymentGateway payments) {
    this.ports = InMemoryPorts.create(CLOCK);
    this.returns = ports.wire(Returns.builder()).payments(payments).policies(policies)
        .clock(CLOCK).ids(ReturnIdSource.sequential("R")).build();
  }

  /**
   * The shop's returnkit.
   *
   * @return the facade
   */
  public Returns returns() {
    return returns;
  }

  /**
   * The in-memory adapters, to look at what was paid, moved or sent.
   *
   * @return the adapters
   */
  public InMemoryPorts ports() {
    return ports;
  }

  /**
   * Places an order of one item, delivered some days ago, and writes the customer's request to
   * return it for a refund.
   *
   * @param daysAgo days since delivery
   * @param sku the item
   * @param category its category
   * @param price the price paid, in EUR, e.g. {@code "59.90"}
   * @param reason why the customer returns it
   * @return the request, not yet sent
   */
  public ReturnRequest deliveredDaysAgo(int daysAgo, String sku, String category, String price,
      ReturnReason reason) {
    orders++;
    OrderSnapshot order = order(orders, daysAgo, sku, category, price);
    ports.orders().put(order);
    return requestFor(order, reason);
  }

  /**
   * An order of one item, delivered some days before {@link #NOW}.
   *
   * @param number the order's number: order {@code O-<number>} of customer {@code C-<number>},
   *     paid with payment {@code PSP-<number>}
   * @param daysAgo days since delivery
   * @param sku the item
   * @param category its category
   * @param price the price paid, in EUR
   * @return the order
   */
  public static OrderSnapshot order(int number, int daysAgo, String sku, String category,
      String price) {
    Instant delivered = NOW.minus(Duration.ofDays(daysAgo));
    return OrderSnapshot.builder(OrderId.of("O-" + number), CustomerId.of("C-" + number),
            Currency.getInstance("EUR"))
        .placedAt(delivered.minus(Duration.ofDays(2))).deliveredAt(delivered)
        .line(OrderLine.of(LINE, Sku.of(sku), category, 1, Money.of(price, "EUR")))
        .shipping("4.95").paymentReference("PSP-" + number).build();
  }

  /**
   * The customer's request to return an example order's item for a refund.
   *
   * @param order the order
   * @param reason why
   * @return the request
   */
  public static ReturnRequest requestFor(OrderSnapshot order, ReturnReason reason) {
    return new ReturnRequest(order.id(), order.customerId(),
        List.of(RequestedLine.of(LINE, 1, reason, Resolution.REFUND)),
        Actor.customer(order.customerId().value()));
  }

  /**
   * The order line of every example order.
   *
   * @return line 1
   */
  public static OrderLineId line() {
    return LINE;
  }
}
