package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.settlement.FeeTax;
import dev.returnkit.core.settlement.LineSettlement;
import dev.returnkit.core.settlement.RefundRouting;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.settlement.SettlementLineFacts;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The money settings of a settlement")
class MoneySettingsTest {

  private static SettlementFacts facts(List<TenderType> tenders) {
    return new SettlementFacts(ReturnId.of("R-1"), false, ReturnShippingPayer.SELLER,
        Money.of("0.00", "EUR"), List.of(new SettlementLineFacts(OrderLineId.of("L-1"),
            Sku.of("S"), "home", ReturnReason.DEFECTIVE, Resolution.REFUND,
            LineValue.untaxed(Money.of("40.00", "EUR")), 1, Inspection.of(ItemGrade.A),
            Liability.SELLER, Disposition.RESTOCK, false)), tenders);
  }

  @Test
  @DisplayName("by default: the card first, fees taxed, promotions kept, and no reason code "
      + "for an order of one tender")
  void defaults() {
    SettlementDecision decision = DroolsPolicies.defaults().decide(facts(List.of(
        TenderType.CARD)));

    assertThat(decision.terms().routing()).isEqualTo(RefundRouting.CARD_FIRST);
    assertThat(decision.terms().feeTax()).isEqualTo(FeeTax.TAXED);
    assertThat(decision.terms().clawBackPromotions()).isFalse();
    assertThat(decision.overallRationale().reasonCodes())
        .doesNotContain("REFUND_BY_TENDER_ORDER", "FEES_UNTAXED");
  }

  @Test
  @DisplayName("settings change the routing, the fee tax and the clawback, each with its "
      + "reason code")
  void changed() {
    DroolsPolicies policies = DroolsPolicies.builder()
        .setting("refund.tender-order", "gift-card, card")
        .setting("restocking-fee.taxed", "false").setting("promotion.clawback", "true")
        .setting("store-credit.bonus-percent", "12.5").build();

    SettlementDecision decision = policies.decide(facts(List.of(TenderType.CARD,
        TenderType.GIFT_CARD)));

    assertThat(decision.terms().routing()).isEqualTo(new RefundRouting(List.of(TenderType.GIFT_CARD,
        TenderType.CARD), Rationale.NONE));
    assertThat(decision.terms().feeTax()).isEqualTo(new FeeTax(false, true));
    assertThat(decision.terms().clawBackPromotions()).isTrue();
    assertThat(decision.terms().storeCreditBonusPercent())
        .isEqualByComparingTo(new BigDecimal("12.5"));
    assertThat(DroolsPolicies.builder().setting("return-shipping.taxed", "no").build()
        .decide(facts(List.of(TenderType.CARD))).terms().feeTax())
        .isEqualTo(new FeeTax(true, false));
    assertThat(decision.overallRationale().reasonCodes())
        .contains("REFUND_BY_TENDER_ORDER", "FEES_UNTAXED");
    assertThat(decision.lines()).extracting(LineSettlement::itemRefund)
        .containsExactly(Money.of("40.00", "EUR"));
  }

  @Test
  @DisplayName("a kind of tender that does not exist, one given twice, and a yes/no that is "
      + "neither are reported at once, by setting")
  void badValues() {
    assertThatThrownBy(() -> DroolsPolicies.builder()
        .setting("refund.tender-order", "card, paypal, card")
        .setting("return-shipping.taxed", "maybe").build())
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).allSatisfy(p -> assertThat(p.file()).isEqualTo("settings"))
                .extracting(RuleProblem::message).containsExactlyInAnyOrder(
                "refund.tender-order: 'paypal' is not a kind of tender; use one of [CARD, "
                    + "WALLET, BUY_NOW_PAY_LATER, BANK_TRANSFER, GIFT_CARD, STORE_CREDIT, CASH, "
                    + "OTHER]",
                "refund.tender-order: 'card' is given twice",
                "return-shipping.taxed: must be true or false, got 'maybe'"));
  }

  @Test
  @DisplayName("one bad setting is reported under its own name")
  void oneBadSetting() {
    assertThatThrownBy(() -> DroolsPolicies.builder()
        .setting("store-credit.bonus-percent", "150").build())
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).singleElement().satisfies(p -> {
              assertThat(p.file()).isEqualTo("setting store-credit.bonus-percent");
              assertThat(p.message()).isEqualTo(
                  "store-credit.bonus-percent: must be between 0 and 100, got 150");
            }));
  }
}
