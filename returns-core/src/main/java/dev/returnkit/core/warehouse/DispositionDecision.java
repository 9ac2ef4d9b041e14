package dev.returnkit.core.warehouse;

import dev.returnkit.core.policy.Rationale;
import java.util.ArrayList;
import java.util.List;

/**
 * The disposition policy's outcome: one disposition per line.
 *
 * @param lines the outcomes
 */
public record DispositionDecision(List<LineDisposition> lines) {

  public DispositionDecision {
    lines = List.copyOf(lines);
  }

  /**
   * Every line's rationale, combined.
   *
   * @return the union
   */
  public Rationale overallRationale() {
    List<Rationale> all = new ArrayList<>();
    for (LineDisposition line : lines) {
      all.add(line.rationale());
    }
    return Rationale.union(all);
  }
}
