package dev.returnkit.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.LineMoney;
import dev.returnkit.spi.storage.LineQuantities;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Returning a line's units over several cases, in runs of any size and order, refunds in total
 * exactly what was paid for the line, to the minor unit, and never more: each case settled by
 * the planner after the ones before it, on orders with random prices, quantities, line and
 * order discounts, tax rates (included or added) and currencies of 0, 2 and 3 decimals.
 */
@Label("Per-unit money over several cases")
class UnitMoneyProperties {

  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  /** An order's line 1 and the runs of its units returned, one case per run, in that order. */
  record Scenario(OrderSnapshot order, List<Integer> runs) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<String> currencies = Arbitraries.of("JPY", "EUR", "KWD");
    Arbitrary<Integer> quantities = Arbitraries.integers().between(1, 12);
    Arbitrary<Long> prices = Arbitraries.longs().between(0, 250_000);
    Arbitrary<Integer> discountPercents = Arbitraries.integers().between(0, 60);
    Arbitrary<String> rates = Arbitraries.of("0", "5", "7.7", "10", "19", "20", "25");
    Arbitrary<Boolean> excluded = Arbitraries.of(true, false);
    Arbitrary<Long> seeds = Arbitraries.longs();
    return Combinators.combine(currencies, quantities, prices, discountPercents, rates,
        excluded, prices, seeds).as(UnitMoneyProperties::scenario);
  }

  private static Scenario scenario(String code, int quantity, long priceMinor,
      int discountPercent, String rate, boolean taxExcluded, long otherMinor, long seed) {
    Currency currency = Currency.getInstance(code);
    int digits = Math.max(0, currency.getDefaultFractionDigits());
    String price = new BigDecimal(priceMinor).movePointLeft(digits).toPlainString();
    String other = new BigDecimal(otherMinor).movePointLeft(digits).toPlainString();
    long listMinor = priceMinor * quantity;
    long lineDiscount = listMinor * discountPercent / 200;
    long orderDiscount = (listMinor - lineDiscount + otherMinor) * discountPercent / 200;
    OrderSnapshot.Builder order = OrderSnapshot.builder("O-1", "C-1", code).placedAt(T0)
        .deliveredAt(T0).line("1", "SKU-1", "home", quantity, price)
        .lineDiscount(new BigDecimal(lineDiscount).movePointLeft(digits).toPlainString())
        .taxRate(rate).line("2", "SKU-2", "home", 1, other).taxRate(rate);
    if (taxExcluded) {
      order.taxExcluded();
    }
    if (orderDiscount > 0) {
      order.orderDiscount("COUPON",
          new BigDecimal(orderDiscount).movePointLeft(digits).toPlainString());
    }
    java.util.Random random = new java.util.Random(seed);
    List<Integer> runs = new ArrayList<>();
    int left = quantity;
    while (left > 0) {
      int run = 1 + random.nextInt(left);
      runs.add(run);
      left -= run;
    }
    java.util.Collections.shuffle(runs, random);
    return new Scenario(order.paymentReference("PSP-1").build(), runs);
  }

  @Property(tries = 400)
  void unitsReturnedOverSeveralCasesGiveBackExactlyTheLine(
      @ForAll("scenarios") Scenario scenario) {
    OrderSnapshot order = scenario.order();
    OrderLine bought = order.lines().get(0);
    List<ReturnCaseSnapshot> settled = new ArrayList<>();
    Money refunded = Money.zero(order.currency());
    LineValue shares = LineValue.zero(order.currency());
    for (int run : scenario.runs()) {
      ReturnCaseSnapshot inspected = inspected("R-" + settled.size(), bought, run);
      OrderReturnLedger ledger = OrderReturnLedger.of(settled, null);
      SettlementFacts facts = SettlementFacts.of(inspected, order, ledger);
      LineValue share = facts.lines().get(0).paid();
      SettlementPlan plan = SettlementPlanner.plan(inspected, new SettlementDecision(
          List.of(new LineSettlement(bought.id(), share.gross(), Money.zero(order.currency()),
              Resolution.REFUND, Rationale.NONE)), Money.zero(order.currency()),
          Money.zero(order.currency()), Rationale.NONE), order, ledger);

      Money refund = plan.lines().get(0).money().itemRefund();
      assertThat(refund).isEqualTo(share.gross());
      assertThat(share.tax()).isLessThanOrEqualTo(share.gross());
      assertThat(refunded.plus(refund)).isLessThanOrEqualTo(bought.paid());
      assertThat(plan.rationale().reasonCodes()).doesNotContain("ITEM_REFUND_CLAMPED:1");
      refunded = refunded.plus(refund);
      shares = shares.plus(share);
      settled.add(inspected.toBuilder().status(ReturnStatus.COMPLETED).lines(List.of(
          inspected.lines().get(0).withSettlement(Resolution.REFUND,
              plan.lines().get(0).money()))).build());
    }
    assertThat(refunded).isEqualTo(bought.paid());
    assertThat(shares).isEqualTo(bought.value());
  }

  @Property(tries = 200)
  void aPolicyAskingForMoreIsClampedToTheLine(@ForAll("scenarios") Scenario scenario) {
    OrderSnapshot order = scenario.order();
    OrderLine bought = order.lines().get(0);
    List<ReturnCaseSnapshot> settled = new ArrayList<>();
    Money refunded = Money.zero(order.currency());
    Money tooMuch = bought.paid().plus(Money.of(BigDecimal.ONE, order.currency()));
    for (int run : scenario.runs()) {
      ReturnCaseSnapshot inspected = inspected("R-" + settled.size(), bought, run);
      OrderReturnLedger ledger = OrderReturnLedger.of(settled, null);
      SettlementPlan plan = SettlementPlanner.plan(inspected, new SettlementDecision(
          List.of(new LineSettlement(bought.id(), tooMuch, Money.zero(order.currency()),
              Resolution.REFUND, Rationale.NONE)), Money.zero(order.currency()),
          Money.zero(order.currency()), Rationale.NONE), order, ledger);
      Money refund = plan.lines().get(0).money().itemRefund();
      refunded = refunded.plus(refund);
      assertThat(refunded).isLessThanOrEqualTo(bought.paid());
      settled.add(inspected.toBuilder().status(ReturnStatus.COMPLETED).lines(List.of(
          inspected.lines().get(0).withSettlement(Resolution.REFUND,
              plan.lines().get(0).money()))).build());
    }
    assertThat(refunded).isEqualTo(bought.paid());
  }

  /** An order of two or three lines with a threshold promotion, and its units in a shuffled
   * order of return, one case per run of units of a line. */
  record PromotionScenario(OrderSnapshot order, List<OrderLine> returns) {}

  @Provide
  Arbitrary<PromotionScenario> promotionScenarios() {
    Arbitrary<List<Integer>> quantities = Arbitraries.integers().between(1, 4).list()
        .ofMinSize(2).ofMaxSize(3);
    Arbitrary<List<Long>> prices = Arbitraries.longs().between(100, 20_000).list().ofSize(3);
    Arbitrary<Integer> discountPercents = Arbitraries.integers().between(1, 30);
    Arbitrary<Integer> thresholdPercents = Arbitraries.integers().between(10, 100);
    return Combinators.combine(quantities, prices, discountPercents, thresholdPercents,
        Arbitraries.longs()).as(UnitMoneyProperties::promotionScenario);
  }

  private static PromotionScenario promotionScenario(List<Integer> quantities, List<Long> prices,
      int discountPercent, int thresholdPercent, long seed) {
    OrderSnapshot.Builder order = OrderSnapshot.builder("O-1", "C-1", "EUR").placedAt(T0)
        .deliveredAt(T0);
    long subtotal = 0;
    for (int i = 0; i < quantities.size(); i++) {
      order.line(String.valueOf(i + 1), "SKU-" + i, "home", quantities.get(i),
          new BigDecimal(prices.get(i)).movePointLeft(2).toPlainString());
      subtotal += prices.get(i) * quantities.get(i);
    }
    long discount = Math.max(1, subtotal * discountPercent / 100);
    long threshold = subtotal * thresholdPercent / 100;
    OrderSnapshot built = order.promotion("PROMO",
        new BigDecimal(discount).movePointLeft(2).toPlainString(),
        new BigDecimal(threshold).movePointLeft(2).toPlainString())
        .paymentReference("PSP-1").build();
    List<OrderLine> units = new ArrayList<>();
    for (OrderLine line : built.lines()) {
      for (int u = 0; u < line.quantity(); u++) {
        units.add(line);
      }
    }
    java.util.Collections.shuffle(units, new java.util.Random(seed));
    return new PromotionScenario(built, units);
  }

  @Property(tries = 300)
  void withClawbackEverythingReturnedGivesBackEverythingPaid(
      @ForAll("promotionScenarios") PromotionScenario scenario) {
    OrderSnapshot order = scenario.order();
    Money zero = Money.zero(order.currency());
    List<ReturnCaseSnapshot> settled = new ArrayList<>();
    Money refunded = zero;
    Money clawedBack = zero;
    for (OrderLine unit : scenario.returns()) {
      ReturnCaseSnapshot inspected = inspected("R-" + settled.size(), unit, 1);
      OrderReturnLedger ledger = OrderReturnLedger.of(settled, null);
      LineValue share = SettlementFacts.of(inspected, order, ledger).lines().get(0).paid();
      SettlementPlan plan = SettlementPlanner.plan(inspected, new SettlementDecision(
          List.of(new LineSettlement(unit.id(), share.gross(), zero, Resolution.REFUND,
              Rationale.NONE)), zero, zero, Rationale.NONE,
          new SettlementTerms(RefundRouting.CARD_FIRST, FeeTax.TAXED, true, BigDecimal.ZERO)),
          order, ledger);
      LineMoney money = plan.lines().get(0).money();
      assertThat(plan.rationale().reasonCodes()).noneMatch(code -> code.contains("CLAMPED"));
      refunded = refunded.plus(money.due());
      clawedBack = clawedBack.plus(money.clawback());
      // Never more clawed back than the promotion, never more given back than clawed back.
      assertThat(clawedBack).isLessThanOrEqualTo(order.discounts().get(0).amount());
      assertThat(clawedBack.isNegative()).isFalse();
      assertThat(refunded).isLessThanOrEqualTo(order.totalPaid());
      settled.add(inspected.toBuilder().status(ReturnStatus.COMPLETED).lines(List.of(
          inspected.lines().get(0).withSettlement(Resolution.REFUND, money))).build());
    }
    assertThat(refunded).isEqualTo(order.totalPaid());
    assertThat(clawedBack).isEqualTo(zero);
  }

  private static ReturnCaseSnapshot inspected(String id, OrderLine bought, int units) {
    // One line per case; each case's line is named by the order line it returns.
    ReturnLineSnapshot line = ReturnLineSnapshot.builder().orderLineId(bought.id())
        .sku(Sku.of("SKU-1")).category("home").orderLinePaid(bought.value())
        .orderedQuantity(bought.quantity()).reason(ReturnReason.DEFECTIVE)
        .resolution(Resolution.REFUND).verdict(LineVerdict.APPROVED)
        .quantities(new LineQuantities(units, units, units, units))
        .liability(Liability.SELLER).build();
    return ReturnCaseSnapshot.builder().id(ReturnId.of(id)).historyHead(HistoryHead.EMPTY)
        .orderId(OrderId.of("O-1")).customerId(CustomerId.of("C-1"))
        .status(ReturnStatus.INSPECTED).requestedAt(T0).updatedAt(T0)
        .returnShippingPaidBy(ReturnShippingPayer.SELLER).lines(List.of(line))
        .outboundShippingPaid(Money.zero(bought.paid().currency())).build();
  }
}
