package dev.returnkit.rules.fact;

import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import java.util.Set;

/**
 * What rules may ask of a line's inspection. Lets a rule say {@code found(SEAL_INTACT)}.
 */
public interface Inspected {

  /**
   * The grade, or {@code null} when the line was not inspected.
   *
   * @return the grade
   */
  ItemGrade grade();

  /**
   * What the inspection found, empty when there was none.
   *
   * @return the findings
   */
  Set<InspectionFinding> findings();

  /**
   * Whether the inspection found something.
   *
   * @param finding the finding
   * @return true if it was found
   */
  default boolean found(InspectionFinding finding) {
    return findings().contains(finding);
  }

  /**
   * Whether the line was inspected at all (not for a returnless refund or a lost parcel).
   *
   * @return true if there is a grade
   */
  default boolean inspected() {
    return grade() != null;
  }
}
