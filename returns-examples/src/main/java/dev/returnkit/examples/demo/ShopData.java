package dev.returnkit.examples.demo;

import dev.returnkit.spi.order.OrderSnapshot;
import java.time.Instant;
import java.util.List;

/**
 * The demo shop's generated data: its customers and every order they placed, returned from or
 * not (orders kept count for return rates and for the report's per-SKU rates).
 *
 * @param requestsFrom the first instant a return may be requested
 * @param requestsUntil the end of the month of requests (exclusive)
 * @param customers every customer
 * @param orders every order, in the order they were generated
 * @param cases the number of returns requested
 * @param seed the seed it was drawn from
 */
public record ShopData(Instant requestsFrom, Instant requestsUntil, List<DemoCustomer> customers,
    List<OrderSnapshot> orders, int cases, long seed) {

  /** Copies the lists. */
  public ShopData {
    customers = List.copyOf(customers);
    orders = List.copyOf(orders);
  }

  /**
   * How many customers the demo made abusive.
   *
   * @return the count
   */
  public long abusiveCustomers() {
    return customers.stream().filter(DemoCustomer::abusive).count();
  }
}
