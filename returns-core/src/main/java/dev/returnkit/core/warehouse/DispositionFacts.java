package dev.returnkit.core.warehouse;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Liability;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The inspected lines of one case whose disposition is to be decided.
 *
 * @param returnId the case
 * @param lines the lines, at least one
 */
public record DispositionFacts(ReturnId returnId, List<DispositionLineFacts> lines) {

  public DispositionFacts {
    Objects.requireNonNull(returnId, "returnId");
    lines = List.copyOf(lines);
  }

  /**
   * The facts after an inspection and its liability decision: one per inspected line.
   *
   * @param returnCase the case
   * @param report a report that passed {@link WarehouseChecks#inspection}
   * @param liability the liability decided per inspected line
   * @return the facts
   */
  public static DispositionFacts ofInspection(ReturnCaseSnapshot returnCase,
      InspectionReport report, Map<OrderLineId, Liability> liability) {
    List<DispositionLineFacts> facts = new ArrayList<>(report.lines().size());
    for (InspectedLine inspected : report.lines()) {
      ReturnLineSnapshot line = returnCase.line(inspected.orderLineId()).orElseThrow();
      facts.add(new DispositionLineFacts(line.orderLineId(), line.sku(), line.category(),
          line.reason(), inspected.acceptedQuantity(), inspected.inspection(),
          liability.get(line.orderLineId())));
    }
    return new DispositionFacts(returnCase.id(), facts);
  }
}
