package dev.returnkit.core.warehouse;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.text.PlainText;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The inspection of one received line.
 *
 * @param orderLineId the line
 * @param acceptedQuantity units accepted for settlement, at most those received
 * @param grade the condition
 * @param findings what the inspector found
 * @param note the inspector's remark
 */
public record InspectedLine(
    @NotNull OrderLineId orderLineId,
    @PositiveOrZero @Max(10_000) int acceptedQuantity,
    @NotNull ItemGrade grade,
    @NotNull Set<@NotNull InspectionFinding> findings,
    @PlainText(multiline = true) @Size(max = 2000) String note) {

  // A copy that keeps null elements (Set.copyOf would throw on them), so validation can
  // report them.
  public InspectedLine {
    findings = findings == null ? null : Collections.unmodifiableSet(new LinkedHashSet<>(findings));
  }

  /**
   * An inspection without a note.
   *
   * @param orderLineId the line
   * @param acceptedQuantity units accepted
   * @param grade the grade
   * @param findings the findings
   * @return the inspected line
   */
  public static InspectedLine of(OrderLineId orderLineId, int acceptedQuantity, ItemGrade grade,
      InspectionFinding... findings) {
    return new InspectedLine(orderLineId, acceptedQuantity, grade, Set.of(findings), null);
  }

  /**
   * The grade, findings and note as the vocabulary's inspection record.
   *
   * @return the inspection
   */
  public Inspection inspection() {
    return new Inspection(grade, findings, note);
  }
}
