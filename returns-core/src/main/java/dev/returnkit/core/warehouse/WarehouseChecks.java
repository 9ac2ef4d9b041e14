package dev.returnkit.core.warehouse;

import dev.returnkit.spi.Violation;
import dev.returnkit.spi.Violations;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of the warehouse's inputs against the case they are for. A receipt names known
 * lines, each once, never more units than were approved; an inspection covers every line that
 * received units, exactly once, no other line, and accepts no more than arrived. The aggregate
 * runs them before it changes anything or asks a policy.
 */
public final class WarehouseChecks {

  private WarehouseChecks() {}

  /**
   * Every problem of a structurally valid goods receipt.
   *
   * @param returnCase the case
   * @param receipt the receipt
   * @return the problems, with field paths such as {@code lines[0].quantity}
   */
  public static List<Violation> receipt(ReturnCaseSnapshot returnCase, GoodsReceipt receipt) {
    Violations violations = new Violations("goods receipt");
    Set<OrderLineId> seen = new HashSet<>();
    for (int i = 0; i < receipt.lines().size(); i++) {
      ReceivedLine received = receipt.lines().get(i);
      String path = "lines[" + i + "]";
      Optional<ReturnLineSnapshot> line =
          lineNamedOnce(returnCase, received.orderLineId(), path, seen, violations);
      if (line.isPresent() && received.quantity() > line.get().quantities().approved()) {
        violations.add(path + ".quantity", "must be at most "
            + line.get().quantities().approved() + ", the approved quantity");
      }
    }
    return violations.list();
  }

  /**
   * Every problem of a structurally valid inspection report.
   *
   * @param returnCase the case, received
   * @param report the report
   * @return the problems, with field paths such as {@code lines[0].acceptedQuantity}
   */
  public static List<Violation> inspection(ReturnCaseSnapshot returnCase,
      InspectionReport report) {
    Violations violations = new Violations("inspection report");
    Set<OrderLineId> seen = new HashSet<>();
    for (int i = 0; i < report.lines().size(); i++) {
      InspectedLine inspected = report.lines().get(i);
      String path = "lines[" + i + "]";
      Optional<ReturnLineSnapshot> line =
          lineNamedOnce(returnCase, inspected.orderLineId(), path, seen, violations);
      if (line.isEmpty()) {
        continue;
      }
      int received = line.get().quantities().received();
      if (received == 0) {
        violations.add(path + ".orderLineId",
            "nothing was received on order line " + inspected.orderLineId());
      } else if (inspected.acceptedQuantity() > received) {
        violations.add(path + ".acceptedQuantity",
            "must be at most " + received + ", the received quantity");
      }
    }
    for (ReturnLineSnapshot line : returnCase.lines()) {
      if (line.quantities().received() > 0 && !seen.contains(line.orderLineId())) {
        violations.add("lines", "order line " + line.orderLineId() + " received "
            + line.quantities().received() + " unit(s) but is not inspected");
      }
    }
    return violations.list();
  }

  /**
   * The line an input row names, if it is one of the case's lines and the first row naming it;
   * otherwise the problem is recorded and the row is skipped.
   */
  private static Optional<ReturnLineSnapshot> lineNamedOnce(ReturnCaseSnapshot returnCase,
      OrderLineId orderLineId, String path, Set<OrderLineId> seen, Violations violations) {
    Optional<ReturnLineSnapshot> line = returnCase.line(orderLineId);
    if (line.isEmpty()) {
      violations.add(path + ".orderLineId",
          "order line " + orderLineId + " is not part of return case " + returnCase.id());
      return Optional.empty();
    }
    if (!seen.add(orderLineId)) {
      violations.add(path + ".orderLineId",
          "order line " + orderLineId + " appears more than once");
      return Optional.empty();
    }
    return line;
  }
}
