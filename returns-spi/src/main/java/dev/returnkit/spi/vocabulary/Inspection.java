package dev.returnkit.spi.vocabulary;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The warehouse's inspection of one returned line: a grade and what it found.
 *
 * <p>Immutable; {@code findings} iterate in declaration order, so two inspections with the
 * same findings print and hash the same.
 *
 * @param grade the condition grade
 * @param findings what was found, possibly nothing
 * @param note the inspector's free text, or {@code null}
 */
public record Inspection(ItemGrade grade, Set<InspectionFinding> findings, String note) {

  public Inspection {
    Objects.requireNonNull(grade, "grade");
    findings = findingSet(findings);
  }

  /**
   * An inspection without a note.
   *
   * @param grade the grade
   * @param findings what was found
   * @return the inspection
   */
  public static Inspection of(ItemGrade grade, InspectionFinding... findings) {
    return new Inspection(grade, Set.of(findings), null);
  }

  /**
   * Whether a finding was recorded.
   *
   * @param finding the finding
   * @return true if it was found
   */
  public boolean found(InspectionFinding finding) {
    return findings.contains(finding);
  }

  /**
   * An immutable, declaration-ordered copy of findings.
   *
   * @param findings any collection of findings, or null for none
   * @return the immutable ordered set
   */
  public static Set<InspectionFinding> findingSet(Collection<InspectionFinding> findings) {
    EnumSet<InspectionFinding> copy = EnumSet.noneOf(InspectionFinding.class);
    if (findings != null) {
      for (InspectionFinding finding : findings) {
        copy.add(Objects.requireNonNull(finding, "finding"));
      }
    }
    return Collections.unmodifiableSet(copy);
  }
}
