package dev.returnkit.rules.fact;

import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.ReasonFamily;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.util.Set;

/**
 * One line whose liability is to be decided. Immutable.
 *
 * @param caseKey the case
 * @param lineKey the line
 * @param lineId the order line id
 * @param category the product's category
 * @param reason the customer's reason
 * @param family the reason's family
 * @param grade the inspection grade, or {@code null} without inspection
 * @param findings the inspection findings, empty without inspection
 * @param returnless whether the customer keeps the goods
 * @param lostInTransit whether the carrier lost the parcel
 */
public record LiabilityLine(
    int caseKey,
    int lineKey,
    String lineId,
    String category,
    ReturnReason reason,
    ReasonFamily family,
    ItemGrade grade,
    Set<InspectionFinding> findings,
    boolean returnless,
    boolean lostInTransit) implements LineFact, Inspected {

  /** Copies the findings. */
  public LiabilityLine {
    findings = Set.copyOf(findings);
  }
}
