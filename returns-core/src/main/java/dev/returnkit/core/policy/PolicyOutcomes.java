package dev.returnkit.core.policy;

import dev.returnkit.spi.InvalidDecisionException;
import dev.returnkit.spi.id.OrderLineId;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks that a policy's outcome fits the facts it was given. Used by the aggregate before it
 * applies a decision, so a faulty rule is reported as such and changes nothing.
 */
public final class PolicyOutcomes {

  private PolicyOutcomes() {}

  /**
   * Requires exactly one outcome per expected line, and none for other lines.
   *
   * @param policy the policy's name, for the message
   * @param expected the lines the facts held
   * @param decided the lines of the outcomes, in order
   * @throws InvalidDecisionException if a line is missing, repeated or unknown
   */
  public static void requireOnePerLine(
      String policy, Collection<OrderLineId> expected, List<OrderLineId> decided) {
    Set<OrderLineId> seen = new HashSet<>();
    for (OrderLineId line : decided) {
      if (!expected.contains(line)) {
        throw new InvalidDecisionException(
            policy + " policy decided line " + line + ", which it was not asked about");
      }
      if (!seen.add(line)) {
        throw new InvalidDecisionException(policy + " policy decided line " + line + " twice");
      }
    }
    for (OrderLineId line : expected) {
      if (!seen.contains(line)) {
        throw new InvalidDecisionException(policy + " policy gave no outcome for line " + line);
      }
    }
  }
}
