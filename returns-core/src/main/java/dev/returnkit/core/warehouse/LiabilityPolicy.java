package dev.returnkit.core.warehouse;

/**
 * Decides who is liable for each returned line (seller, carrier, customer or supplier) from
 * the reason, the inspection, and what happened in transit. Runs on inspection, on a returnless
 * refund (no inspection) and when a parcel is lost.
 *
 * <p>Implementations must be pure and thread-safe, and must return exactly one liability per
 * line.
 */
@FunctionalInterface
public interface LiabilityPolicy {

  /**
   * Decides liability.
   *
   * @param facts the lines to decide
   * @return one liability per line
   */
  LiabilityDecision decide(LiabilityFacts facts);
}
