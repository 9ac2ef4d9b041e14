package dev.returnkit.core.warehouse;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The warehouse's inspection of a received case: every line that received units, once.
 *
 * @param inspectedBy the inspector
 * @param lines one inspection per received line
 */
public record InspectionReport(
    @NotNull @Valid Actor inspectedBy,
    @NotNull @Size(max = 100) List<@NotNull @Valid InspectedLine> lines) {

  // Copies keep null elements, so validation can report them by position.
  public InspectionReport {
    lines = lines == null ? null : Collections.unmodifiableList(new ArrayList<>(lines));
  }

  /**
   * A report by an inspector, with no lines yet: add them with {@link #withLine}.
   *
   * @param inspectedBy who inspected
   * @return the report
   */
  public static InspectionReport by(Actor inspectedBy) {
    return new InspectionReport(inspectedBy, List.of());
  }

  /**
   * This report with one more line inspected, without a note.
   *
   * @param orderLineId the line
   * @param acceptedUnits units accepted for settlement
   * @param grade the condition
   * @param findings what the inspector found
   * @return the extended report
   */
  public InspectionReport withLine(String orderLineId, int acceptedUnits, ItemGrade grade,
      InspectionFinding... findings) {
    List<InspectedLine> more = new ArrayList<>(lines);
    more.add(InspectedLine.of(OrderLineId.of(orderLineId), acceptedUnits, grade, findings));
    return new InspectionReport(inspectedBy, more);
  }
}
