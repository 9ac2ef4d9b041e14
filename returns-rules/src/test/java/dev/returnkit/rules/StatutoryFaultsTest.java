package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.warehouse.DispositionFacts;
import dev.returnkit.core.warehouse.DispositionLineFacts;
import dev.returnkit.core.warehouse.LineDisposition;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the statutory guarantee asks of the default policy: the seller's own faults on goods
 * that cannot be returned go to a person instead of a rejection, and a hygiene item that comes
 * back sealed and as new goes back to stock; each by a setting policy owners can turn off.
 */
@DisplayName("Faults on non-returnable goods, and sealed hygiene items")
class StatutoryFaultsTest {

  private static final DroolsPolicies DEFAULTS = DroolsPolicies.defaults();

  @Test
  @DisplayName("a seller's fault on a non-returnable or final-sale line goes to review with its "
      + "own code; the customer's own reasons are still rejected")
  void sellerFaultsGoToReview() {
    LineEligibility briefs = eligibility(DEFAULTS, "underwear", false, ReturnReason.DEFECTIVE);
    assertThat(briefs.verdict()).isEqualTo(LineVerdict.IN_REVIEW);
    assertThat(briefs.rationale().reasonCodes()).containsExactly("NON_RETURNABLE_SELLER_FAULT");
    assertThat(briefs.rationale().rules()).contains("eligibility/non-returnable-seller-fault");

    LineEligibility finalSale = eligibility(DEFAULTS, "apparel", true,
        ReturnReason.WRONG_ITEM_SHIPPED);
    assertThat(finalSale.verdict()).isEqualTo(LineVerdict.IN_REVIEW);

    LineEligibility changedMind = eligibility(DEFAULTS, "underwear", false,
        ReturnReason.CHANGED_MIND);
    assertThat(changedMind.verdict()).isEqualTo(LineVerdict.REJECTED);
    assertThat(changedMind.rationale().reasonCodes()).containsExactly("NON_RETURNABLE");
  }

  @Test
  @DisplayName("with non-returnable.review-seller-faults = false, every return of such lines is "
      + "rejected, as before")
  void rejectedWhenTurnedOff() {
    DroolsPolicies strict = DroolsPolicies.builder()
        .setting("non-returnable.review-seller-faults", "false").build();

    for (boolean finalSale : List.of(false, true)) {
      LineEligibility line = eligibility(strict, finalSale ? "apparel" : "underwear",
          finalSale, ReturnReason.DEFECTIVE);
      assertThat(line.verdict()).isEqualTo(LineVerdict.REJECTED);
      assertThat(line.rationale().reasonCodes()).containsExactly("NON_RETURNABLE");
    }
  }

  @Test
  @DisplayName("a sealed grade-A hygiene item goes back to stock, an opened one is scrapped; "
      + "with hygiene.restock-sealed = false both are scrapped")
  void sealedHygiene() {
    assertThat(disposition(DEFAULTS, ItemGrade.A, Set.of(InspectionFinding.SEAL_INTACT)))
        .satisfies(d -> {
          assertThat(d.disposition()).isEqualTo(Disposition.RESTOCK);
          assertThat(d.rationale().reasonCodes()).containsExactly("SEALED");
        });
    assertThat(disposition(DEFAULTS, ItemGrade.A, Set.of()).disposition())
        .isEqualTo(Disposition.SCRAP);
    assertThat(disposition(DEFAULTS, ItemGrade.B, Set.of(InspectionFinding.SEAL_INTACT))
        .disposition()).isEqualTo(Disposition.SCRAP);

    DroolsPolicies scrapAll = DroolsPolicies.builder()
        .setting("hygiene.restock-sealed", "false").build();
    assertThat(disposition(scrapAll, ItemGrade.A, Set.of(InspectionFinding.SEAL_INTACT)))
        .satisfies(d -> {
          assertThat(d.disposition()).isEqualTo(Disposition.SCRAP);
          assertThat(d.rationale().reasonCodes()).containsExactly("HYGIENE_CATEGORY");
        });
  }

  private static LineEligibility eligibility(DroolsPolicies policies, String category,
      boolean finalSale, ReturnReason reason) {
    return policies.policies().eligibility().decide(Facts.request(5,
        new Facts.Line(category, "7.90", finalSale, reason))).lines().get(0);
  }

  private static LineDisposition disposition(DroolsPolicies policies, ItemGrade grade,
      Set<InspectionFinding> findings) {
    DispositionLineFacts line = new DispositionLineFacts(OrderLineId.of("L-1"),
        Sku.of("SWIM-1"), "swimwear", ReturnReason.DOES_NOT_FIT, 1,
        new Inspection(grade, findings, null), Liability.CUSTOMER);
    return policies.policies().disposition().decide(new DispositionFacts(ReturnId.of("R-1"),
        List.of(line))).lines().get(0);
  }
}
