package dev.returnkit.core.returncase;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the shop gives itself for each step it owns (DOMAIN.md, section 8: every case has a
 * response deadline and overdue cases can be found). A case's {@code dueAt} is set from these
 * when it enters a state; the drop-off deadline comes from the carrier instead.
 *
 * @param review to decide a case in manual review
 * @param shipment to arrange the return shipment of an approved case
 * @param transit for the carrier to bring a scanned parcel in (reset by every scan), after which
 *     the parcel counts as overdue and someone should ask the carrier
 * @param inspection to receive and inspect delivered goods
 * @param settlement to settle an inspected (or lost) case
 * @param carrierClockTolerance how far ahead of returnkit's clock a carrier's report may be
 *     dated (carriers' clocks drift a little; a scan dated next week is a bug or a forgery, and
 *     is refused)
 */
public record ServiceLevels(
    Duration review, Duration shipment, Duration transit, Duration inspection,
    Duration settlement, Duration carrierClockTolerance) {

  /** The tolerance of {@link #DEFAULT}: one hour. */
  public static final Duration DEFAULT_CARRIER_CLOCK_TOLERANCE = Duration.ofHours(1);

  /**
   * Two days to review, one to arrange shipment, ten days of carrier silence, three to receive
   * and inspect, one to settle; carrier reports up to an hour ahead of the clock.
   */
  public static final ServiceLevels DEFAULT = new ServiceLevels(Duration.ofDays(2),
      Duration.ofDays(1), Duration.ofDays(10), Duration.ofDays(3), Duration.ofDays(1));

  /**
   * Service levels with carrier reports up to {@link #DEFAULT_CARRIER_CLOCK_TOLERANCE} ahead.
   *
   * @param review to decide a case in manual review
   * @param shipment to arrange the return shipment of an approved case
   * @param transit for the carrier to bring a scanned parcel in
   * @param inspection to receive and inspect delivered goods
   * @param settlement to settle an inspected (or lost) case
   */
  public ServiceLevels(Duration review, Duration shipment, Duration transit, Duration inspection,
      Duration settlement) {
    this(review, shipment, transit, inspection, settlement, DEFAULT_CARRIER_CLOCK_TOLERANCE);
  }

  public ServiceLevels {
    requirePositive(review, "review");
    requirePositive(shipment, "shipment");
    requirePositive(transit, "transit");
    requirePositive(inspection, "inspection");
    requirePositive(settlement, "settlement");
    Objects.requireNonNull(carrierClockTolerance, "carrierClockTolerance");
    if (carrierClockTolerance.isNegative()) {
      throw new IllegalArgumentException(
          "the carrier clock tolerance cannot be negative: " + carrierClockTolerance);
    }
  }

  private static void requirePositive(Duration duration, String name) {
    Objects.requireNonNull(duration, name);
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " service level must be positive: " + duration);
    }
  }
}
