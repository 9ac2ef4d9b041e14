package dev.returnkit.core.warehouse;

import dev.returnkit.core.policy.PolicyOutcomes;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.vocabulary.Liability;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * The liability per line, once the decision is checked to answer exactly the lines asked
   * about, each once.
   *
   * @param asked the lines the facts held
   * @return the liable party of each line
   * @throws dev.returnkit.spi.InvalidDecisionException if a line is missing, repeated or unknown
   */
  public Map<OrderLineId, Liability> byLine(Collection<OrderLineId> asked) {
    PolicyOutcomes.requireOnePerLine("liability", asked,
        lines.stream().map(LineLiability::orderLineId).toList());
    Map<OrderLineId, Liability> byLine = new HashMap<>();
    lines.forEach(line -> byLine.put(line.orderLineId(), line.liability()));
    return byLine;
  }
}
