package dev.returnkit.examples.demo;

import java.util.List;

/**
 * What the simulated world did around returnkit, counted by the simulation: the carrier's
 * reports, the payment provider's failures and the retries they caused, the customers' no-shows.
 * The report sets these beside what returnkit recorded.
 *
 * @param carrierReports carrier reports sent to returnkit
 * @param staleReportsIgnored reports returnkit recognised as older news and ignored
 * @param delayedParcels parcels held up in the carrier network
 * @param lostParcels parcels the carrier lost
 * @param deliveryScansMissing deliveries the carrier never reported (the warehouse count was
 *     the first sign)
 * @param paymentAttempts calls to the payment provider
 * @param paymentTimeoutsBeforePaying calls that failed before paying
 * @param paymentTimeoutsAfterPaying calls that paid but whose answer was lost
 * @param settlementRetries settlements run again after a failed payment
 * @param expirySweeps runs of the daily expiry job
 * @param errors anything returnkit refused that the simulation did not expect; empty on a
 *     healthy run
 */
public record SimulationStats(
    int carrierReports,
    int staleReportsIgnored,
    int delayedParcels,
    int lostParcels,
    int deliveryScansMissing,
    int paymentAttempts,
    int paymentTimeoutsBeforePaying,
    int paymentTimeoutsAfterPaying,
    int settlementRetries,
    int expirySweeps,
    List<String> errors) {

  /** Copies the errors. */
  public SimulationStats {
    errors = List.copyOf(errors);
  }
}
