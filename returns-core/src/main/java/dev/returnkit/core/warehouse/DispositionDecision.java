package dev.returnkit.core.warehouse;

import dev.returnkit.core.policy.PolicyOutcomes;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.vocabulary.Disposition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  /**
   * The disposition per line, once the decision is checked to answer exactly the lines asked
   * about, each once.
   *
   * @param asked the lines the facts held
   * @return what happens to each line's units
   * @throws dev.returnkit.spi.InvalidDecisionException if a line is missing, repeated or unknown
   */
  public Map<OrderLineId, Disposition> byLine(Collection<OrderLineId> asked) {
    PolicyOutcomes.requireOnePerLine("disposition", asked,
        lines.stream().map(LineDisposition::orderLineId).toList());
    Map<OrderLineId, Disposition> byLine = new HashMap<>();
    lines.forEach(line -> byLine.put(line.orderLineId(), line.disposition()));
    return byLine;
  }
}
