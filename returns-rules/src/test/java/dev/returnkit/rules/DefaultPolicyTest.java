package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.settlement.SettlementLineFacts;
import dev.returnkit.core.warehouse.DispositionFacts;
import dev.returnkit.core.warehouse.DispositionLineFacts;
import dev.returnkit.rules.Facts.Line;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Details of the default policy the worked cases and the scenario file do not pin down. */
@DisplayName("The default policy")
class DefaultPolicyTest {

  private static final DroolsPolicies RULES = DroolsPolicies.defaults();

  @Nested
  @DisplayName("on eligibility")
  class Eligibility {

    @Test
    @DisplayName("counts the return window inclusively: day 30 of 30 is in, day 31 out")
    void windowBoundary() {
      assertThat(verdict(RULES.decide(Facts.request("home", "40.00", 30,
          ReturnReason.CHANGED_MIND)))).isEqualTo(LineVerdict.APPROVED);
      assertThat(verdict(RULES.decide(Facts.request("home", "40.00", 31,
          ReturnReason.CHANGED_MIND)))).isEqualTo(LineVerdict.REJECTED);
    }

    @Test
    @DisplayName("rejects rather than reviews when both apply, and says why")
    void rejectionWinsOverReview() {
      LineEligibility line = RULES.decide(Facts.request(5,
          new Line("electronics", "900.00", true, ReturnReason.CHANGED_MIND))).lines().get(0);

      assertThat(line.verdict()).isEqualTo(LineVerdict.REJECTED);
      assertThat(line.rationale().reasonCodes()).containsExactly("NON_RETURNABLE");
      assertThat(line.rationale().rules()).as("both fired; the rejection decides")
          .containsExactly("eligibility/final-sale", "eligibility/high-value");
    }

    @Test
    @DisplayName("reviews a request worth more than the threshold in total, however it is split")
    void valueOfTheWholeRequest() {
      EligibilityDecision split = RULES.decide(Facts.request(5,
          new Line("home", "300.00", false, ReturnReason.CHANGED_MIND),
          new Line("home", "300.00", false, ReturnReason.CHANGED_MIND)));

      assertThat(split.lines()).allSatisfy(line -> {
        assertThat(line.verdict()).isEqualTo(LineVerdict.IN_REVIEW);
        assertThat(line.rationale().reasonCodes()).containsExactly("HIGH_VALUE");
      });
    }

    @Test
    @DisplayName("grants a returnless refund only while the whole request is cheap")
    void returnlessForTheWholeRequest() {
      EligibilityDecision cheap = RULES.decide(Facts.request(5,
          new Line("home", "9.00", false, ReturnReason.DEFECTIVE),
          new Line("home", "9.00", false, ReturnReason.DEFECTIVE)));
      EligibilityDecision many = RULES.decide(Facts.request(5,
          new Line("home", "15.00", false, ReturnReason.DEFECTIVE),
          new Line("home", "15.00", false, ReturnReason.DEFECTIVE)));

      assertThat(cheap.lines()).allMatch(LineEligibility::returnless);
      assertThat(many.lines()).noneMatch(LineEligibility::returnless);
    }

    @Test
    @DisplayName("does not make the customer pay return shipping for a line it rejected")
    void payerIgnoresRejectedLines() {
      EligibilityDecision decision = RULES.decide(Facts.request(5,
          new Line("kitchen", "80.00", false, ReturnReason.DEFECTIVE),
          new Line("apparel", "30.00", true, ReturnReason.CHANGED_MIND)));

      assertThat(decision.lines()).extracting(LineEligibility::verdict)
          .containsExactly(LineVerdict.APPROVED, LineVerdict.REJECTED);
      assertThat(decision.returnShippingPaidBy()).isEqualTo(ReturnShippingPayer.SELLER);
      assertThat(RULES.decide(Facts.request(5,
          new Line("kitchen", "80.00", false, ReturnReason.DEFECTIVE),
          new Line("apparel", "30.00", false, ReturnReason.CHANGED_MIND)))
          .returnShippingPaidBy()).isEqualTo(ReturnShippingPayer.CUSTOMER);
    }

    @Test
    @DisplayName("names who pays return shipping, and the rule that said so, for the case alone")
    void caseRationale() {
      EligibilityDecision decision = RULES.decide(Facts.request(5,
          new Line("kitchen", "80.00", false, ReturnReason.DEFECTIVE),
          new Line("apparel", "30.00", false, ReturnReason.CHANGED_MIND)));

      assertThat(decision.rationale().reasonCodes())
          .containsExactly("CUSTOMER_PAYS_RETURN_SHIPPING");
      assertThat(decision.rationale().rules())
          .as("the lines' rules are the lines', not the case's")
          .containsExactly("eligibility/customer-pays-return-shipping");
      assertThat(decision.lines()).allSatisfy(line -> assertThat(line.rationale().rules())
          .doesNotContain("eligibility/customer-pays-return-shipping"));
    }

    @Test
    @DisplayName("treats categories alike whatever their case and spacing")
    void categoryCase() {
      DroolsPolicies fifteen = DroolsPolicies.builder()
          .setting("return-window.days.Electronics", "15").build();

      assertThat(verdict(fifteen.decide(Facts.request(" ELECTRONICS ", "99.00", 20,
          ReturnReason.CHANGED_MIND)))).isEqualTo(LineVerdict.REJECTED);
      assertThat(verdict(RULES.decide(Facts.request("Underwear", "9.00", 2,
          ReturnReason.CHANGED_MIND)))).isEqualTo(LineVerdict.REJECTED);
    }

    private static LineVerdict verdict(EligibilityDecision decision) {
      return decision.lines().get(0).verdict();
    }
  }

  @Test
  @DisplayName("scraps goods only when the inspection finds them expired, not on the "
      + "customer's word")
  void expiredNeedsTheFinding() {
    Disposition sealed = RULES.decide(new DispositionFacts(ReturnId.of("R-1"), List.of(
        new DispositionLineFacts(OrderLineId.of("L-1"), Sku.of("S"), "health",
            ReturnReason.EXPIRED, 1, Inspection.of(ItemGrade.A, InspectionFinding.SEAL_INTACT),
            Liability.SELLER)))).lines().get(0).disposition();

    assertThat(sealed).isEqualTo(Disposition.RESTOCK);
  }

  @Test
  @DisplayName("charges no return shipping, and says none, in a currency without a charge")
  void noChargeWithoutAPrice() {
    SettlementDecision chf = RULES.decide(new SettlementFacts(ReturnId.of("R-1"), false,
        ReturnShippingPayer.CUSTOMER, Money.of("5.00", "CHF"), List.of(new SettlementLineFacts(
            OrderLineId.of("L-1"), Sku.of("S"), "apparel", ReturnReason.CHANGED_MIND,
            Resolution.REFUND, LineValue.untaxed(Money.of("50.00", "CHF")), 1,
            Inspection.of(ItemGrade.A),
            Liability.CUSTOMER, Disposition.RESTOCK, false))));

    assertThat(chf.returnShippingCharge()).isEqualTo(Money.of("0.00", "CHF"));
    assertThat(chf.overallRationale().reasonCodes()).doesNotContain("RETURN_SHIPPING_CHARGED");
  }
}
