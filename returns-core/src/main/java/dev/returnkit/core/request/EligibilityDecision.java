package dev.returnkit.core.request;

import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The eligibility policy's outcome for a whole request.
 *
 * @param lines one outcome per requested line
 * @param returnShippingPaidBy who pays for the return shipment
 * @param rationale reason codes and rules of case-level decisions (who pays shipping)
 */
public record EligibilityDecision(
    List<LineEligibility> lines, ReturnShippingPayer returnShippingPaidBy, Rationale rationale) {

  public EligibilityDecision {
    lines = List.copyOf(lines);
    Objects.requireNonNull(returnShippingPaidBy, "returnShippingPaidBy");
    Objects.requireNonNull(rationale, "rationale");
  }

  /**
   * Everything that explains the decision: the case rationale and every line's.
   *
   * @return the union of all rationales
   */
  public Rationale overallRationale() {
    List<Rationale> all = new ArrayList<>();
    for (LineEligibility line : lines) {
      all.add(line.rationale());
    }
    all.add(rationale);
    return Rationale.union(all);
  }
}
