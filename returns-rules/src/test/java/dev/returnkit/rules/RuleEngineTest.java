package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.settlement.SettlementLineFacts;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.core.warehouse.LiabilityFacts;
import dev.returnkit.core.warehouse.LiabilityLineFacts;
import dev.returnkit.rules.engine.DefaultRules;
import dev.returnkit.spi.InvalidDecisionException;
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
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How rule sets run: what happens when rules disagree, fail, or stay silent. */
@DisplayName("Running rules")
class RuleEngineTest {

  private static final String HEADER = """
      package com.acme;

      import dev.returnkit.rules.fact.*;
      import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
      import dev.returnkit.spi.vocabulary.*;

      """;

  private static SettlementFacts settlement() {
    return new SettlementFacts(ReturnId.of("R-1"), false, ReturnShippingPayer.SELLER,
        Money.of("4.95", "EUR"), List.of(new SettlementLineFacts(OrderLineId.of("L-1"),
            Sku.of("S"), "home", ReturnReason.DEFECTIVE, Resolution.REFUND,
            LineValue.untaxed(Money.of("40.00", "EUR")), 1, Inspection.of(ItemGrade.A),
            Liability.SELLER,
            Disposition.RESTOCK, false)));
  }

  private static LiabilityFacts liability() {
    return new LiabilityFacts(ReturnId.of("R-1"), List.of(new LiabilityLineFacts(
        OrderLineId.of("L-1"), Sku.of("S"), "home", ReturnReason.DEFECTIVE,
        Inspection.of(ItemGrade.C, InspectionFinding.FUNCTIONAL_FAULT), false, false)));
  }

  @Test
  @DisplayName("starts from the precompiled model, compiling no DRL")
  void precompiled() {
    assertThat(DefaultRules.isPrecompiled()).isTrue();
  }

  @Test
  @DisplayName("lets the customer pay return shipping when any rule says so, and gives only "
      + "that reason")
  void customerPaysWins() {
    DroolsPolicies generous = DroolsPolicies.builder().add("com/acme/shipping.drl", HEADER + """
        rule "shop-pays-shipping"
        when
            $case : EligibilityCase()
        then
            insert(ShippingPayerChoice.of($case, ReturnShippingPayer.SELLER, "SHOP_PAYS"));
        end
        """).build();

    EligibilityDecision decision = generous.decide(
        Facts.request("apparel", "30.00", 5, ReturnReason.CHANGED_MIND));

    assertThat(decision.returnShippingPaidBy()).isEqualTo(ReturnShippingPayer.CUSTOMER);
    assertThat(decision.rationale().reasonCodes())
        .containsExactly("CUSTOMER_PAYS_RETURN_SHIPPING");
  }

  @Test
  @DisplayName("adds up the refunds and fees several rules give a line")
  void amountsAddUp() {
    DroolsPolicies goodwill = DroolsPolicies.builder().add("com/acme/goodwill.drl", HEADER + """
        rule "goodwill"
        when
            $line : SettlementLine()
        then
            insert(ItemRefund.of($line, Money.of("5.00", "EUR"), "GOODWILL"));
            insert(RestockingFee.of($line, Money.of("1.00", "EUR"), "HANDLING"));
        end
        """).build();

    SettlementDecision decision = goodwill.decide(settlement());

    assertThat(decision.lines().get(0).itemRefund()).isEqualTo(Money.of("45.00", "EUR"));
    assertThat(decision.lines().get(0).restockingFee()).isEqualTo(Money.of("1.00", "EUR"));
    assertThat(decision.lines().get(0).rationale().reasonCodes())
        .as("refunds, fees, then the method; each by salience, then rule id (com.acme's first)")
        .containsExactly("GOODWILL", "ITEM_PRICE_REFUNDED", "HANDLING", "AS_REQUESTED");
  }

  @Test
  @DisplayName("refuses two liabilities for one line (a rule without the guard), naming the "
      + "line and the rules")
  void twoLiabilities() {
    DroolsPolicies unguarded = DroolsPolicies.builder().add("com/acme/blame.drl", HEADER + """
        rule "blame-the-supplier"
            salience -1000
        when
            $line : LiabilityLine()
        then
            insert(LiabilityFinding.of($line, Liability.SUPPLIER, "ALWAYS_THE_SUPPLIER"));
        end
        """).build();

    assertThatThrownBy(() -> unguarded.decide(liability()))
        .isInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("the rules decided 2 liabilities for line L-1: [")
        .hasMessageContaining("SUPPLIER (ALWAYS_THE_SUPPLIER)")
        .hasMessageContaining("com.acme/blame-the-supplier")
        .hasMessageEndingWith("every line needs exactly one: a rule that decides it checks "
            + "that none did first (not LiabilityFinding( lineKey == $key )) and has a salience "
            + "above the rule it comes before");
    // Before any case is decided, the rule is named as one that competes with the defaults.
    assertThat(unguarded.warnings()).extracting(RuleProblem::toString).containsExactly(
        "com/acme/blame.drl:" + (HEADER.lines().count() + 1) + ": rule "
            + "com.acme/blame-the-supplier decides a line's liability without checking that no "
            + "rule did first, so it competes with the defaults: a line a rule decided before it "
            + "gets two and cannot be decided. Add the condition 'not LiabilityFinding( lineKey "
            + "== $key )' (with $key : lineKey on the line), and a salience above the default it "
            + "should come before");
  }

  @Test
  @DisplayName("refuses a line no eligibility rule gave a verdict")
  void noVerdict() {
    DroolsPolicies silent = DroolsPolicies.builder().disable("eligibility/eligible").build();

    assertThatThrownBy(() -> silent.decide(Facts.request("home", "40.00", 5,
        dev.returnkit.spi.vocabulary.ReturnReason.CHANGED_MIND)))
        .isInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("no eligibility verdict for line L-1");
  }

  @Test
  @DisplayName("reports a rule that throws, or inserts money in another currency, as the rule "
      + "set's fault")
  void failingRules() {
    DroolsPolicies throwing = DroolsPolicies.builder().add("com/acme/throws.drl", HEADER + """
        rule "divides-by-zero"
        when
            $line : SettlementLine( $quantity : quantity )
        then
            int broken = $quantity / 0;
        end
        """).build();
    DroolsPolicies dollars = DroolsPolicies.builder().add("com/acme/usd.drl", HEADER + """
        rule "fee-in-dollars"
        when
            $line : SettlementLine()
        then
            insert(RestockingFee.of($line, Money.of("2.00", "USD"), "USD_FEE"));
        end
        """).build();

    assertThatThrownBy(() -> throwing.decide(settlement()))
        .isInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("a rule failed while deciding");
    assertThatThrownBy(() -> dollars.decide(settlement()))
        .isInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("USD").hasMessageContaining("the case is in EUR");
  }

  @Test
  @DisplayName("decides again after a rule threw: the session goes back to the pool clean")
  void decidesAfterAFailure() {
    DroolsPolicies policies = DroolsPolicies.builder().add("com/acme/throws.drl", HEADER + """
        rule "fails-on-broken"
        when
            $line : EligibilityLine( category == "broken" )
        then
            throw new IllegalStateException("broken line");
        end
        """).build();
    var broken = Facts.request("broken", "40.00", 5, ReturnReason.CHANGED_MIND);
    var fine = Facts.request("home", "40.00", 5, ReturnReason.CHANGED_MIND);

    for (int round = 0; round < 3; round++) {
      assertThatThrownBy(() -> policies.decide(broken))
          .isInstanceOf(InvalidDecisionException.class).hasMessageContaining("broken line");
      EligibilityDecision decision = policies.decide(fine);
      assertThat(decision.lines()).singleElement().satisfies(line -> {
        assertThat(line.verdict()).isEqualTo(dev.returnkit.spi.vocabulary.LineVerdict.APPROVED);
        assertThat(line.rationale().reasonCodes()).containsExactly("ELIGIBLE");
        assertThat(line.rationale().rules()).containsExactly("eligibility/eligible");
      });
      assertThat(decision.rationale().rules())
          .containsExactly("eligibility/customer-pays-return-shipping");
    }
  }

  @Test
  @DisplayName("leaves no session in the shared precompiled rule base, however many rule sets "
      + "decided on it")
  void pooledSessionsAreNotKeptByTheRuleBase() {
    var request = Facts.request("home", "40.00", 5, ReturnReason.CHANGED_MIND);
    for (int i = 0; i < 5; i++) {
      assertThat(DroolsPolicies.defaults().decide(request).lines()).hasSize(1);
    }

    assertThat(DefaultRules.precompiled().getKieSessions()).isEmpty();
  }

  @Test
  @DisplayName("blames the host's file, not an untouched default, for errors in rules")
  void problemsPointAtTheHostsFiles() {
    assertThatThrownBy(() -> DroolsPolicies.builder().add("com/acme/arity.drl", HEADER + """
        rule "too-few-arguments"
        when
            $line : EligibilityLine()
        then
            insert(Verdict.reject($line));
        end
        """).build())
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).allSatisfy(p ->
                assertThat(p.file()).isEqualTo("com/acme/arity.drl")));
    String window = "dev/returnkit/rules/eligibility/return-window.drl";
    assertThatThrownBy(() -> DroolsPolicies.builder().replace(window, DefaultRules.sources()
        .get(window) + "\nrule \"high-value\" when then end\n").build())
        .isInstanceOfSatisfying(InvalidRuleSetException.class, e ->
            assertThat(e.problems()).singleElement().satisfies(p -> {
              assertThat(p.file()).isEqualTo(window);
              assertThat(p.message()).contains("manual-review.drl");
            }));
  }

  @Test
  @DisplayName("decides liability, disposition and settlement in a batch as it does one by one")
  void batchesOfEveryDecision() {
    List<LiabilityFacts> cases = List.of(liability(), liability(), liability());
    List<LiabilityDecision> batch = DroolsPolicies.defaults().decideLiability(cases);
    assertThat(batch).containsOnly(DroolsPolicies.defaults().decide(liability()));
    // Cases that must not see each other: only the second is the customer's to pay for.
    SettlementFacts customers = new SettlementFacts(ReturnId.of("R-2"), false,
        ReturnShippingPayer.CUSTOMER, Money.of("4.95", "EUR"), List.of(new SettlementLineFacts(
            OrderLineId.of("L-1"), Sku.of("S"), "home", ReturnReason.CHANGED_MIND,
            Resolution.REFUND, LineValue.untaxed(Money.of("40.00", "EUR")), 1,
            Inspection.of(ItemGrade.B),
            Liability.CUSTOMER, Disposition.RESTOCK_OPEN_BOX, false)));
    DroolsPolicies rules = DroolsPolicies.defaults();
    List<SettlementDecision> mixed = rules.decideSettlement(
        List.of(settlement(), customers, settlement()));
    assertThat(mixed).containsExactly(rules.decide(settlement()), rules.decide(customers),
        rules.decide(settlement()));
    assertThat(mixed.get(0).returnShippingCharge().isZero()).isTrue();
    assertThat(mixed.get(1).returnShippingCharge()).isEqualTo(Money.of("5.95", "EUR"));
    assertThat(mixed.get(1).outboundShippingRefund().isZero()).isTrue();
    assertThat(mixed.get(2).outboundShippingRefund()).isEqualTo(Money.of("4.95", "EUR"));
  }
}
