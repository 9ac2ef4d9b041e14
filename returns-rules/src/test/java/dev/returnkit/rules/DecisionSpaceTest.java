package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.warehouse.DispositionDecision;
import dev.returnkit.core.warehouse.DispositionFacts;
import dev.returnkit.core.warehouse.DispositionLineFacts;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.core.warehouse.LiabilityFacts;
import dev.returnkit.core.warehouse.LiabilityLineFacts;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.ReasonFamily;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The liability and disposition rules over their whole input space: every reason with every
 * subset of inspection findings (and every grade, liability and kind of category for
 * dispositions) gets exactly one outcome, and the outcomes the policy promises hold wherever
 * they apply. {@code RuleDecisions} refuses a line with no outcome or two, so deciding the whole
 * space without an exception is the proof of "exactly one".
 */
@DisplayName("The liability and disposition rules over their whole input space")
class DecisionSpaceTest {

  private static final DroolsPolicies RULES = DroolsPolicies.defaults();
  private static final InspectionFinding[] FINDINGS = InspectionFinding.values();

  private static Set<InspectionFinding> subset(int mask) {
    Set<InspectionFinding> found = EnumSet.noneOf(InspectionFinding.class);
    for (int bit = 0; bit < FINDINGS.length; bit++) {
      if ((mask & (1 << bit)) != 0) {
        found.add(FINDINGS[bit]);
      }
    }
    return found;
  }

  private record LiabilityCase(ReturnReason reason, Set<InspectionFinding> findings,
      String category, boolean inspected, Liability decided) {}

  @Test
  @DisplayName("every reason x findings combination ends in exactly one liability, as promised")
  void liabilityForEveryCombination() {
    List<LiabilityFacts> cases = new ArrayList<>();
    List<LiabilityLineFacts> described = new ArrayList<>();
    for (ReturnReason reason : ReturnReason.values()) {
      for (int mask = 0; mask < (1 << FINDINGS.length); mask++) {
        for (String category : List.of("home", "electronics")) {
          LiabilityLineFacts line = new LiabilityLineFacts(OrderLineId.of("L-1"), Sku.of("S"),
              category, reason, new Inspection(ItemGrade.B, subset(mask), null), false, false);
          described.add(line);
          cases.add(new LiabilityFacts(ReturnId.of("R-" + cases.size()), List.of(line)));
        }
      }
      // And without an inspection: a returnless refund, a lost parcel.
      for (boolean lost : List.of(true, false)) {
        LiabilityLineFacts line = new LiabilityLineFacts(OrderLineId.of("L-1"), Sku.of("S"),
            "home", reason, null, !lost, lost);
        described.add(line);
        cases.add(new LiabilityFacts(ReturnId.of("R-" + cases.size()), List.of(line)));
      }
    }

    List<LiabilityDecision> decisions = RULES.decideLiability(cases);

    assertThat(decisions).hasSize(cases.size())
        .allSatisfy(d -> assertThat(d.lines()).hasSize(1));
    List<LiabilityCase> outcomes = new ArrayList<>();
    for (int i = 0; i < cases.size(); i++) {
      LiabilityLineFacts line = described.get(i);
      outcomes.add(new LiabilityCase(line.reason(),
          line.inspection() == null ? Set.of() : line.inspection().findings(), line.category(),
          line.inspection() != null, decisions.get(i).lines().get(0).liability()));
      if (line.inspection() == null) {
        assertThat(decisions.get(i).lines().get(0).liability())
            .isEqualTo(line.lostInTransit() ? Liability.CARRIER : Liability.SELLER);
      }
    }
    assertThat(cases).hasSizeGreaterThan(11 * 1024 * 2);
    for (LiabilityCase c : outcomes) {
      if (!c.inspected()) {
        continue;
      }
      Set<InspectionFinding> f = c.findings();
      boolean serial = f.contains(InspectionFinding.SERIAL_MISMATCH);
      if (serial) {
        assertThat(c.decided()).as(c.toString()).isEqualTo(Liability.CUSTOMER);
        continue;
      }
      if (c.reason() == ReturnReason.DAMAGED_IN_TRANSIT
          && f.contains(InspectionFinding.PACKAGING_DAMAGED)) {
        assertThat(c.decided()).as(c.toString()).isEqualTo(Liability.CARRIER);
      } else if (f.contains(InspectionFinding.WRONG_ITEM)
          || f.contains(InspectionFinding.EXPIRED)) {
        assertThat(c.decided()).as(c.toString()).isEqualTo(Liability.SELLER);
      } else if (f.contains(InspectionFinding.FUNCTIONAL_FAULT)) {
        assertThat(c.decided()).as(c.toString()).isEqualTo(
            c.category().equals("electronics") ? Liability.SUPPLIER : Liability.SELLER);
      } else if (f.contains(InspectionFinding.NO_FAULT_FOUND)
          && f.contains(InspectionFinding.SIGNS_OF_USE)) {
        assertThat(c.decided()).as(c.toString()).isEqualTo(Liability.CUSTOMER);
      } else if (f.contains(InspectionFinding.ITEM_DAMAGED)
          && !f.contains(InspectionFinding.PACKAGING_DAMAGED)) {
        assertThat(c.decided()).as(c.toString()).isEqualTo(Liability.CUSTOMER);
      } else if (c.reason().family() == ReasonFamily.CUSTOMER_REASON) {
        assertThat(c.decided()).as(c.toString()).isEqualTo(Liability.CUSTOMER);
      } else {
        assertThat(c.decided()).as(c.toString()).isEqualTo(Liability.SELLER);
      }
    }
  }

  @Test
  @DisplayName("every grade x findings x liability x category ends in exactly one disposition "
      + "(a sealed grade-A hygiene item as any other, an opened one scrapped)")
  void dispositionForEveryCombination() {
    List<DispositionFacts> cases = new ArrayList<>();
    List<DispositionLineFacts> described = new ArrayList<>();
    for (ItemGrade grade : ItemGrade.values()) {
      for (int mask = 0; mask < (1 << FINDINGS.length); mask++) {
        for (Liability liability : Liability.values()) {
          for (String category : List.of("home", "swimwear")) {
            DispositionLineFacts line = new DispositionLineFacts(OrderLineId.of("L-1"),
                Sku.of("S"), category, ReturnReason.DEFECTIVE, 1,
                new Inspection(grade, subset(mask), null), liability);
            described.add(line);
            cases.add(new DispositionFacts(ReturnId.of("R-" + cases.size()), List.of(line)));
          }
        }
      }
    }

    List<DispositionDecision> decisions = RULES.decideDisposition(cases);

    assertThat(decisions).hasSize(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      DispositionLineFacts line = described.get(i);
      Disposition decided = decisions.get(i).lines().get(0).disposition();
      Inspection inspection = line.inspection();
      String what = line.category() + " " + inspection + " " + line.liability();
      // A hygiene item is scrapped once opened; sealed and as new, it is like any other.
      boolean openedHygiene = line.category().equals("swimwear")
          && !(inspection.grade() == ItemGrade.A
              && inspection.found(InspectionFinding.SEAL_INTACT));
      if (openedHygiene || inspection.grade() == ItemGrade.D
          || inspection.found(InspectionFinding.EXPIRED)) {
        assertThat(decided).as(what).isEqualTo(Disposition.SCRAP);
      } else if (inspection.found(InspectionFinding.FUNCTIONAL_FAULT)) {
        assertThat(decided).as(what).isEqualTo(line.liability() == Liability.SUPPLIER
            ? Disposition.RETURN_TO_SUPPLIER : Disposition.REFURBISH);
      } else if (inspection.grade() == ItemGrade.A
          && (inspection.found(InspectionFinding.SEAL_INTACT)
              || inspection.found(InspectionFinding.WRONG_ITEM))) {
        assertThat(decided).as(what).isEqualTo(Disposition.RESTOCK);
      } else if (inspection.grade() == ItemGrade.A || inspection.grade() == ItemGrade.B) {
        assertThat(decided).as(what).isEqualTo(Disposition.RESTOCK_OPEN_BOX);
      } else {
        assertThat(decided).as(what).isEqualTo(Disposition.REFURBISH);
      }
    }
  }
}
