package dev.returnkit.rules.fact;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.ReasonFamily;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What a rule may ask of a line's inspection. */
@DisplayName("An inspected line fact")
class InspectedTest {

  private static LiabilityLine line(ItemGrade grade, Set<InspectionFinding> findings) {
    return new LiabilityLine(0, 0, "L-1", "home", ReturnReason.DEFECTIVE,
        ReasonFamily.QUALITY_PROBLEM, grade, findings, false, grade == null);
  }

  @Test
  @DisplayName("was inspected when it has a grade, and says what was found")
  void inspected() {
    LiabilityLine graded = line(ItemGrade.C, Set.of(InspectionFinding.FUNCTIONAL_FAULT));
    LiabilityLine lost = line(null, Set.of());

    assertThat(graded.inspected()).isTrue();
    assertThat(graded.found(InspectionFinding.FUNCTIONAL_FAULT)).isTrue();
    assertThat(graded.found(InspectionFinding.SEAL_INTACT)).isFalse();
    assertThat(lost.inspected()).isFalse();
  }
}
