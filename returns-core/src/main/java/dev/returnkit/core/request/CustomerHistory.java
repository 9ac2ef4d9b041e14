package dev.returnkit.core.request;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.order.PurchaseSummary;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's recent returns and purchases, for return-rate policies.
 *
 * @param customerId the customer
 * @param since the start of the period looked at
 * @param returnCases return cases requested in the period (rejected, cancelled and expired ones
 *     excluded)
 * @param unitsReturned units in those cases
 * @param purchases what the customer bought in the period
 */
public record CustomerHistory(
    CustomerId customerId,
    Instant since,
    int returnCases,
    int unitsReturned,
    PurchaseSummary purchases) {

  public CustomerHistory {
    Objects.requireNonNull(customerId, "customerId");
    Objects.requireNonNull(since, "since");
    Objects.requireNonNull(purchases, "purchases");
  }

  /**
   * Units returned per unit bought in the period; 0 when nothing was bought (a first-time
   * customer has no rate to hold against them).
   *
   * @return the return rate, 0.0 to (rarely) above 1.0
   */
  public double returnRate() {
    return purchases.units() == 0 ? 0.0 : (double) unitsReturned / purchases.units();
  }
}
