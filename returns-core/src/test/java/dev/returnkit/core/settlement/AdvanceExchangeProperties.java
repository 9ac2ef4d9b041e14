package dev.returnkit.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
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
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Advance exchanges never leave the customer both the money and a free replacement: over
 * random prices, quantities, replacements, units that came back and whatever the policy says,
 * every replacement unit sent ahead is either paid for by a unit that came back or charged at
 * its price.
 */
class AdvanceExchangeProperties {

  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
  private static final OrderLineId L1 = OrderLineId.of("L-1");

  /** One advance-exchanged line and what happened to it. */
  record Scenario(long unitCents, int bought, int approved, int accepted, Long replacementCents,
      Resolution policySays, long policyRefundCents, long feeCents) {}

  @Provide
  Arbitrary<Scenario> scenarios() {
    Arbitrary<Long> cents = Arbitraries.longs().between(1, 50_000);
    Arbitrary<Integer> bought = Arbitraries.integers().between(1, 6);
    return Combinators.combine(cents, bought, Arbitraries.integers().between(0, 6),
            Arbitraries.integers().between(0, 6), cents.injectNull(0.3),
            Arbitraries.of(Resolution.REFUND, Resolution.STORE_CREDIT, Resolution.EXCHANGE),
            Arbitraries.longs().between(0, 400_000), Arbitraries.longs().between(0, 5_000))
        .as((unit, units, approved, accepted, replacement, says, refund, fee) -> {
          int a = 1 + approved % units;
          return new Scenario(unit, units, a, accepted % (a + 1), replacement, says, refund,
              fee);
        });
  }

  @Property(tries = 500)
  void everyReplacementSentAheadIsReturnedOrCharged(@ForAll("scenarios") Scenario s) {
    ReturnCaseSnapshot c = caseOf(s);
    SettlementDecision decision = new SettlementDecision(s.accepted() == 0 ? List.of()
        : List.of(new LineSettlement(L1, eur(s.policyRefundCents()), eur(s.feeCents()),
            s.policySays(), Rationale.NONE)), eur(0), eur(0), Rationale.NONE);

    SettlementPlan plan = SettlementPlanner.plan(c, decision, order(s), OrderReturnLedger.empty());

    Money unitPrice = s.replacementCents() != null ? eur(s.replacementCents())
        : eur(s.unitCents());
    Money returnedWorth = LineValue.untaxed(eur(s.unitCents() * s.bought()))
        .units(s.bought(), 0, s.accepted()).gross();
    Money sentAhead = unitPrice.times(s.approved());
    Money paidBack = plan.total(PaymentKind.REFUND).plus(plan.total(PaymentKind.STORE_CREDIT));
    Money charged = plan.total(PaymentKind.CHARGE);
    Money advanceCharged = sum(plan, PaymentPurpose.ADVANCE_REPLACEMENT);

    // Units not back are charged at the replacement's price, exactly.
    assertThat(advanceCharged).isEqualTo(unitPrice.times(s.approved() - s.accepted()));
    // What the customer nets never beats giving the returned goods for the replacements:
    // fees may take more, nothing gives more.
    assertThat(paidBack.minus(charged)).isLessThanOrEqualTo(returnedWorth.minus(sentAhead));
    if (s.feeCents() == 0) {
      assertThat(paidBack.minus(charged)).isEqualTo(returnedWorth.minus(sentAhead));
    }
    // Money goes back only for a cheaper replacement, and never more than the difference.
    if (s.replacementCents() == null) {
      assertThat(paidBack.isZero()).isTrue();
    }
    assertThat(plan.lines()).allSatisfy(line ->
        assertThat(line.method()).isEqualTo(Resolution.EXCHANGE));
  }

  private static Money sum(SettlementPlan plan, PaymentPurpose purpose) {
    Money total = eur(0);
    for (SettlementPlan.Payment payment : plan.payments()) {
      if (payment.purpose() == purpose) {
        total = total.plus(payment.amount());
      }
    }
    return total;
  }

  private static ReturnCaseSnapshot caseOf(Scenario s) {
    ReturnLineSnapshot line = ReturnLineSnapshot.builder().orderLineId(L1).sku(Sku.of("SKU-1"))
        .category("apparel").unitPrice(eur(s.unitCents())).orderedQuantity(s.bought())
        .reason(ReturnReason.DOES_NOT_FIT).resolution(Resolution.EXCHANGE)
        .verdict(LineVerdict.APPROVED)
        .quantities(new LineQuantities(s.approved(), s.approved(), s.accepted(), s.accepted()))
        .liability(s.accepted() > 0 ? Liability.CUSTOMER : null)
        .replacement(s.replacementCents() == null ? null
            : new ReplacementItem(Sku.of("SKU-2"), s.approved(), eur(s.replacementCents())))
        .advanceExchange(true).build();
    return ReturnCaseSnapshot.builder().id(ReturnId.of("R-1")).historyHead(HistoryHead.EMPTY)
        .orderId(OrderId.of("O-1")).customerId(CustomerId.of("C-1"))
        .status(s.accepted() > 0 ? ReturnStatus.INSPECTED : ReturnStatus.AWAITING_RETURN)
        .requestedAt(T0).updatedAt(T0).returnShippingPaidBy(ReturnShippingPayer.CUSTOMER)
        .lines(List.of(line)).outboundShippingPaid(eur(0)).build();
  }

  private static OrderSnapshot order(Scenario s) {
    return OrderSnapshot.builder("O-1", "C-1", "EUR").placedAt(T0).deliveredAt(T0)
        .line("L-1", "SKU-1", "apparel", s.bought(),
            new BigDecimal(s.unitCents()).movePointLeft(2).toPlainString())
        .paymentReference("PAY-1").build();
  }

  private static Money eur(long cents) {
    return Money.of(new BigDecimal(cents).movePointLeft(2).toPlainString(), "EUR");
  }
}
