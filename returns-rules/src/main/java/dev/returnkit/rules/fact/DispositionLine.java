package dev.returnkit.rules.fact;

import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.util.Set;

/**
 * One inspected line whose disposition is to be decided. Immutable.
 *
 * @param caseKey the case
 * @param lineKey the line
 * @param lineId the order line id
 * @param category the product's category
 * @param reason the customer's reason
 * @param quantity units accepted
 * @param grade the inspection grade
 * @param findings the inspection findings
 * @param liability who is liable
 */
public record DispositionLine(
    int caseKey,
    int lineKey,
    String lineId,
    String category,
    ReturnReason reason,
    int quantity,
    ItemGrade grade,
    Set<InspectionFinding> findings,
    Liability liability) implements LineFact, Inspected {

  /** Copies the findings. */
  public DispositionLine {
    findings = Set.copyOf(findings);
  }
}
