package dev.returnkit.core.warehouse;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The lines of one case whose liability is to be decided.
 *
 * @param returnId the case
 * @param lines the lines, at least one
 */
public record LiabilityFacts(ReturnId returnId, List<LiabilityLineFacts> lines) {

  public LiabilityFacts {
    Objects.requireNonNull(returnId, "returnId");
    lines = List.copyOf(lines);
  }

  /**
   * The facts after an inspection: one per inspected line, with what the warehouse found.
   *
   * @param returnCase the case
   * @param report a report that passed {@link WarehouseChecks#inspection}
   * @return the facts
   */
  public static LiabilityFacts ofInspection(ReturnCaseSnapshot returnCase,
      InspectionReport report) {
    List<LiabilityLineFacts> facts = new ArrayList<>(report.lines().size());
    for (InspectedLine inspected : report.lines()) {
      ReturnLineSnapshot line = returnCase.line(inspected.orderLineId()).orElseThrow();
      facts.add(new LiabilityLineFacts(line.orderLineId(), line.sku(), line.category(),
          line.reason(), inspected.inspection(), false, false));
    }
    return new LiabilityFacts(returnCase.id(), facts);
  }

  /**
   * The facts of a returnless refund: every approved line, nothing inspected.
   *
   * @param returnCase the case
   * @return the facts
   */
  public static LiabilityFacts ofReturnlessRefund(ReturnCaseSnapshot returnCase) {
    return withoutGoods(returnCase, true, false);
  }

  /**
   * The facts of a parcel the carrier lost: every approved line, nothing inspected.
   *
   * @param returnCase the case
   * @return the facts
   */
  public static LiabilityFacts ofLoss(ReturnCaseSnapshot returnCase) {
    return withoutGoods(returnCase, false, true);
  }

  private static LiabilityFacts withoutGoods(ReturnCaseSnapshot returnCase, boolean returnless,
      boolean lost) {
    List<LiabilityLineFacts> facts = new ArrayList<>();
    for (ReturnLineSnapshot line : returnCase.lines()) {
      if (line.isApproved()) {
        facts.add(new LiabilityLineFacts(line.orderLineId(), line.sku(), line.category(),
            line.reason(), null, returnless, lost));
      }
    }
    return new LiabilityFacts(returnCase.id(), facts);
  }

  /**
   * The lines asked about, in order.
   *
   * @return their order line ids
   */
  public List<OrderLineId> lineIds() {
    return lines.stream().map(LiabilityLineFacts::orderLineId).toList();
  }
}
