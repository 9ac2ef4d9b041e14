package dev.returnkit.core.warehouse;

import dev.returnkit.core.policy.Rationale;
import java.util.ArrayList;
import java.util.List;

/**
 * The liability policy's outcome: one liability per line.
 *
 * @param lines the outcomes
 */
public record LiabilityDecision(List<LineLiability> lines) {

  public LiabilityDecision {
    lines = List.copyOf(lines);
  }

  /**
   * Every line's rationale, combined.
   *
   * @return the union
   */
  public Rationale overallRationale() {
    List<Rationale> all = new ArrayList<>();
    for (LineLiability line : lines) {
      all.add(line.rationale());
    }
    return Rationale.union(all);
  }
}
