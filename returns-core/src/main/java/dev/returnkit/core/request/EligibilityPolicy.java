package dev.returnkit.core.request;

/**
 * Decides whether a requested return may go ahead, line by line: approve, reject (with a reason
 * code such as {@code RETURN_WINDOW_EXPIRED} or {@code NON_RETURNABLE}) or send to manual
 * review; whether the customer may keep the goods (returnless refund); who pays return shipping.
 *
 * <p>Implementations must be pure (same facts, same decision; no I/O, no clock of their own)
 * and thread-safe: one instance serves every request. The Drools implementation lives in
 * returns-rules.
 */
@FunctionalInterface
public interface EligibilityPolicy {

  /**
   * Decides a request.
   *
   * @param facts the request, the order, earlier returns, the customer's history and the time
   * @return one outcome per requested line, and who pays return shipping
   */
  EligibilityDecision decide(EligibilityFacts facts);
}
