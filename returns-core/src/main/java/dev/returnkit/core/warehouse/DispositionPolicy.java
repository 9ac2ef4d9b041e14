package dev.returnkit.core.warehouse;

/**
 * Decides what happens to each inspected line's units: restock, open-box, refurbish, return to
 * supplier, scrap.
 *
 * <p>Implementations must be pure and thread-safe, and must return exactly one disposition per
 * line.
 */
@FunctionalInterface
public interface DispositionPolicy {

  /**
   * Decides dispositions.
   *
   * @param facts the inspected lines with their liability
   * @return one disposition per line
   */
  DispositionDecision decide(DispositionFacts facts);
}
