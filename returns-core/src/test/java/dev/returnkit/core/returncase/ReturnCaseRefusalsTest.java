package dev.returnkit.core.returncase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.returnkit.core.fixtures.Cases;
import dev.returnkit.core.fixtures.Orders;
import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.request.RequestContext;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.settlement.LineSettlement;
import dev.returnkit.core.settlement.ManualPayment;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.warehouse.DispositionDecision;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.core.warehouse.LineDisposition;
import dev.returnkit.core.warehouse.LineLiability;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.InvalidDecisionException;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every refusal the aggregate makes beyond the lifecycle table (which {@link LifecycleMatrixTest}
 * covers): a typed error naming what is wrong, and a case left exactly as it was. These are the
 * guards; the {@code Returns} facade does not repeat them.
 */
@DisplayName("A return case refuses")
class ReturnCaseRefusalsTest {

  private static final OrderLineId L1 = Cases.L1;
  private static final OrderLineId L2 = OrderLineId.of("L-2");
  private static final OrderLineId L9 = OrderLineId.of("L-9");

  /** Runs a command that must be refused, and checks nothing changed. */
  private static <E extends Throwable> E refused(ReturnCase c, Class<E> type,
      Consumer<ReturnCase> command) {
    ReturnCaseSnapshot before = c.snapshot();
    Throwable thrown = catchThrowable(() -> command.accept(c));
    assertThat(thrown).isInstanceOf(type);
    assertThat(c.snapshot()).isEqualTo(before);
    assertThat(c.pendingHistory()).isEmpty();
    assertThat(c.pendingEvents()).isEmpty();
    return type.cast(thrown);
  }

  private static List<Violation> violations(ReturnCase c, Consumer<ReturnCase> command) {
    return refused(c, InvalidReturnRequestException.class, command).violations();
  }

  @Nested
  @DisplayName("a request")
  class Requests {

    private final OrderSnapshot order = Orders.order("O-1", Cases.T0)
        .line("L-1", "SKU-A", "home", 2, "10.00")
        .line("L-2", "SKU-B", "home", 1, "20.00").build();

    private ReturnRequest request(String customer, RequestedLine... lines) {
      return new ReturnRequest(order.id(), CustomerId.of(customer), List.of(lines),
          Actor.customer(customer));
    }

    private static RequestedLine line(OrderLineId id, int quantity) {
      return RequestedLine.of(id, quantity, ReturnReason.CHANGED_MIND, Resolution.REFUND);
    }

    @Test
    @DisplayName("that contradicts its order, listing every problem, before asking the policy")
    void contradictingTheOrder() {
      ReturnRequest request = request("C-2", line(L1, 3), line(L1, 1), line(L9, 1));

      assertThatThrownBy(() -> ReturnCase.request(ReturnId.of("R-1"), request,
          Cases.context(order), facts -> {
            throw new AssertionError("the policy must not be asked");
          }, ServiceLevels.DEFAULT))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).containsExactly(
                  new Violation("customerId", "is not the customer of order O-1"),
                  new Violation("lines[0].quantity",
                      "must be at most 2 (bought 2, already returned or being returned 0)"),
                  new Violation("lines[1].orderLineId",
                      "order line L-1 appears more than once in the request"),
                  new Violation("lines[2].orderLineId", "order line L-9 is not on order O-1")));
    }

    @Test
    @DisplayName("more units than other cases left returnable")
    void beyondWhatOthersHold() {
      ReturnCaseSnapshot other = Cases.inState(ReturnStatus.AWAITING_RETURN).snapshot();
      OrderSnapshot kettles = Cases.order();
      RequestContext context = new RequestContext(kettles,
          OrderReturnLedger.of(List.of(other), null), Cases.newCustomer(kettles.customerId()),
          Cases.T0);

      assertThatThrownBy(() -> ReturnCase.preview(Cases.request(), context,
          Cases.eligibility(LineVerdict.APPROVED, false)))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).containsExactly(new Violation("lines[0].quantity",
                  "must be at most 0 (bought 2, already returned or being returned 2)")));
    }

    @Test
    @DisplayName("an order other than the one the request names (a caller's mistake)")
    void wrongOrder() {
      OrderSnapshot other = Orders.order("O-2", Cases.T0).line("L-1", "SKU-A", "home", 2, "1.00")
          .build();
      assertThatThrownBy(() -> ReturnCase.request(ReturnId.of("R-1"), Cases.request(),
          Cases.context(other), Cases.eligibility(LineVerdict.APPROVED, false),
          ServiceLevels.DEFAULT))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("request names order O-1 but order O-2 was given");
    }

    @Test
    @DisplayName("an eligibility decision that misses, repeats or invents a line")
    void faultyEligibility() {
      ReturnRequest both = request("C-1", line(L1, 1), line(L2, 1));
      LineEligibility first = new LineEligibility(L1, LineVerdict.APPROVED, false,
          Rationale.NONE);
      LineEligibility unknown = new LineEligibility(L9, LineVerdict.APPROVED, false,
          Rationale.NONE);
      record Faulty(List<LineEligibility> lines, String message) {}
      for (Faulty faulty : List.of(
          new Faulty(List.of(first), "eligibility policy gave no outcome for line L-2"),
          new Faulty(List.of(first, first), "eligibility policy decided line L-1 twice"),
          new Faulty(List.of(first, unknown),
              "eligibility policy decided line L-9, which it was not asked about"))) {
        EligibilityDecision decision = new EligibilityDecision(faulty.lines(),
            ReturnShippingPayer.SELLER, Rationale.NONE);
        assertThatThrownBy(() -> ReturnCase.request(ReturnId.of("R-1"), both,
            Cases.context(order), facts -> decision, ServiceLevels.DEFAULT))
            .isInstanceOf(InvalidDecisionException.class).hasMessage(faulty.message());
        assertThatThrownBy(() -> ReturnCase.preview(both, Cases.context(order),
            facts -> decision))
            .isInstanceOf(InvalidDecisionException.class).hasMessage(faulty.message());
      }
    }
  }

  @Nested
  @DisplayName("on the way back")
  class Shipment {

    @Test
    @DisplayName("a returnless refund when the policy did not let the customer keep the goods")
    void returnlessNotQualified() {
      ReturnCase approved = Cases.requested(LineVerdict.APPROVED, false);

      IllegalReturnTransitionException e = refused(approved,
          IllegalReturnTransitionException.class, c -> c.grantReturnlessRefund(
              Cases.liability(Liability.SELLER), Actor.SYSTEM, Cases.at(1)));

      assertThat(e.command()).isEqualTo(ReturnCommand.GRANT_RETURNLESS_REFUND);
      assertThat(e).hasMessage("return case R-1 is APPROVED: command GRANT_RETURNLESS_REFUND "
          + "is not possible now: not every approved line is returnless");
    }

    @Test
    @DisplayName("a carrier report for another tracking number, whatever its kind")
    void foreignTrackingNumber() {
      for (CarrierEventType type : CarrierEventType.values()) {
        ReturnCase moving = Cases.inState(ReturnStatus.IN_TRANSIT);
        CarrierEvent foreign = new CarrierEvent(type, "XX999", Cases.at(2), "Hub");
        List<Violation> found = violations(moving, c -> c.recordCarrierEvent(foreign,
            Cases.liability(Liability.CARRIER), Actor.SYSTEM, Cases.at(2)));
        assertThat(found).containsExactly(new Violation("trackingNumber",
            "'XX999' is not the tracking number of return case R-1 (RK000001)"));
        assertThat(violations(moving, c -> c.isSupersededBy(foreign, Cases.at(2))))
            .isEqualTo(found);
      }
    }

    @Test
    @DisplayName("a carrier report dated before the shipment was arranged, or further ahead "
        + "of the clock than the tolerance")
    void impossibleDates() {
      ReturnCase moving = Cases.inState(ReturnStatus.IN_TRANSIT);
      Instant arranged = moving.shipment().orElseThrow().arrangedAt();
      assertThat(arranged).isEqualTo(Cases.at(1));
      Instant now = Cases.at(3);
      Instant tolerated = now.plus(ServiceLevels.DEFAULT_CARRIER_CLOCK_TOLERANCE);
      CarrierEvent early = new CarrierEvent(CarrierEventType.IN_TRANSIT, "RK000001",
          arranged.minusNanos(1000), "Hub");
      CarrierEvent ahead = new CarrierEvent(CarrierEventType.DELIVERED_TO_WAREHOUSE, "RK000001",
          tolerated.plusNanos(1000), "Hub");

      assertThat(violations(moving, c -> c.recordCarrierEvent(early,
          Cases.liability(Liability.CARRIER), Actor.SYSTEM, now))).containsExactly(
          new Violation("occurredAt", "is 2026-03-11T09:59:59.999999Z, before the shipment was "
              + "arranged at 2026-03-11T10:00:00Z"));
      assertThat(violations(moving, c -> c.isSupersededBy(ahead, now))).containsExactly(
          new Violation("occurredAt", "is 2026-03-13T11:00:00.000001Z, after the clock's "
              + "2026-03-13T10:00:00Z plus the carrier clock tolerance of PT1H"));
      // At the edges, both are fine.
      moving.recordCarrierEvent(new CarrierEvent(CarrierEventType.IN_TRANSIT, "RK000001",
          arranged, "Hub"), Cases.liability(Liability.CARRIER), Actor.SYSTEM, now);
      moving.recordCarrierEvent(new CarrierEvent(CarrierEventType.DELIVERED_TO_WAREHOUSE,
          "RK000001", tolerated, "Hub"), Cases.liability(Liability.CARRIER), Actor.SYSTEM, now);
      assertThat(moving.status()).isEqualTo(ReturnStatus.DELIVERED);
    }

    @Test
    @DisplayName("a loss whose liability decision does not answer the approved lines")
    void faultyLossLiability() {
      ReturnCase moving = Cases.inState(ReturnStatus.IN_TRANSIT);
      assertThat(refused(moving, InvalidDecisionException.class, c -> c.recordCarrierEvent(
          Cases.scan(CarrierEventType.LOST), facts -> new LiabilityDecision(List.of()),
          Actor.SYSTEM, Cases.at(3))))
          .hasMessage("liability policy gave no outcome for line L-1");
    }

    @Test
    @DisplayName("a returnless refund whose liability decision invents a line")
    void faultyReturnlessLiability() {
      ReturnCase approved = Cases.inState(ReturnStatus.APPROVED);
      LiabilityDecision invented = new LiabilityDecision(List.of(
          new LineLiability(L1, Liability.SELLER, Rationale.NONE),
          new LineLiability(L9, Liability.SELLER, Rationale.NONE)));
      assertThat(refused(approved, InvalidDecisionException.class,
          c -> c.grantReturnlessRefund(facts -> invented, Actor.SYSTEM, Cases.at(1))))
          .hasMessage("liability policy decided line L-9, which it was not asked about");
    }
  }

  @Nested
  @DisplayName("at the warehouse")
  class Warehouse {

    @Test
    @DisplayName("a receipt naming unknown lines, a line twice, or more than was approved")
    void badReceipt() {
      ReturnCase awaiting = Cases.inState(ReturnStatus.AWAITING_RETURN);
      GoodsReceipt receipt = new GoodsReceipt(Cases.WAREHOUSE, List.of(
          new ReceivedLine(L1, 3), new ReceivedLine(L1, 1), new ReceivedLine(L9, 1)));

      assertThat(violations(awaiting, c -> c.receive(receipt, Cases.at(3)))).containsExactly(
          new Violation("lines[0].quantity", "must be at most 2, the approved quantity"),
          new Violation("lines[1].orderLineId", "order line L-1 appears more than once"),
          new Violation("lines[2].orderLineId",
              "order line L-9 is not part of return case R-1"));
    }

    @Test
    @DisplayName("an inspection accepting more than arrived, of lines not received or unknown")
    void badInspection() {
      ReturnCase received = Cases.inState(ReturnStatus.RECEIVED);
      InspectionReport tooMany = new InspectionReport(Cases.WAREHOUSE, List.of(
          InspectedLine.of(L1, 3, ItemGrade.A), InspectedLine.of(L9, 1, ItemGrade.A)));

      assertThat(violations(received, c -> c.inspect(tooMany, Cases.noLiability(),
          facts -> null, Cases.at(4)))).containsExactly(
          new Violation("lines[0].acceptedQuantity", "must be at most 2, the received quantity"),
          new Violation("lines[1].orderLineId",
              "order line L-9 is not part of return case R-1"));
    }

    @Test
    @DisplayName("an inspection that leaves out a line that received goods")
    void inspectionMissesALine() {
      ReturnCase received = Cases.inState(ReturnStatus.RECEIVED);
      InspectionReport nothing = new InspectionReport(Cases.WAREHOUSE, List.of());

      assertThat(violations(received, c -> c.inspect(nothing, Cases.noLiability(),
          facts -> null, Cases.at(4)))).containsExactly(
          new Violation("lines", "order line L-1 received 2 unit(s) but is not inspected"));
    }

    @Test
    @DisplayName("an inspection of a line that received nothing, or of a line twice")
    void inspectionOfNothing() {
      ReturnCase nothingArrived = Cases.inState(ReturnStatus.AWAITING_RETURN);
      nothingArrived.receive(new GoodsReceipt(Cases.WAREHOUSE, List.of(new ReceivedLine(L1, 0))),
          Cases.at(3));
      nothingArrived.markSaved();
      InspectionReport twice = new InspectionReport(Cases.WAREHOUSE, List.of(
          InspectedLine.of(L1, 0, ItemGrade.A), InspectedLine.of(L1, 0, ItemGrade.A)));

      assertThat(violations(nothingArrived, c -> c.inspect(twice, Cases.noLiability(),
          facts -> null, Cases.at(4)))).containsExactly(
          new Violation("lines[0].orderLineId", "nothing was received on order line L-1"),
          new Violation("lines[1].orderLineId", "order line L-1 appears more than once"));
    }

    @Test
    @DisplayName("an inspection whose liability or disposition decision does not fit")
    void faultyInspectionDecisions() {
      ReturnCase received = Cases.inState(ReturnStatus.RECEIVED);
      InspectionReport report = Cases.inspection(received);

      assertThat(refused(received, InvalidDecisionException.class, c -> c.inspect(report,
          facts -> new LiabilityDecision(List.of()), Cases.disposition(Disposition.RESTOCK),
          Cases.at(4)))).hasMessage("liability policy gave no outcome for line L-1");
      LineDisposition restock = new LineDisposition(L1, Disposition.RESTOCK, Rationale.NONE);
      assertThat(refused(received, InvalidDecisionException.class, c -> c.inspect(report,
          Cases.liability(Liability.SELLER),
          facts -> new DispositionDecision(List.of(restock, restock)), Cases.at(4))))
          .hasMessage("disposition policy decided line L-1 twice");
    }
  }

  @Nested
  @DisplayName("in settlement")
  class Settlement {

    private final Money eur60 = Money.of("60.00", "EUR");
    private final Money zero = Money.zero(eur60.currency());
    private final Money usd = Money.of("1.00", "USD");

    private SettlementDecision decision(LineSettlement line, Money charge, Money outbound) {
      return new SettlementDecision(List.of(line), charge, outbound, Rationale.NONE);
    }

    private LineSettlement refund(Money item, Money fee) {
      return new LineSettlement(L1, item, fee, Resolution.REFUND, Rationale.NONE);
    }

    private void begin(ReturnCase c, SettlementDecision decision) {
      c.beginSettlement(Cases.deciding(decision), Cases.order(), OrderReturnLedger.empty(),
          Cases.AGENT, Cases.at(5));
    }

    @Test
    @DisplayName("the order of another case (a caller's mistake)")
    void wrongOrder() {
      OrderSnapshot other = Orders.order("O-2", Cases.T0).line("L-1", "SKU-A", "home", 2, "1.00")
          .build();
      assertThat(refused(Cases.inState(ReturnStatus.INSPECTED), IllegalArgumentException.class,
          c -> c.beginSettlement(Cases.fullRefund(), other, OrderReturnLedger.empty(),
              Cases.AGENT, Cases.at(5))))
          .hasMessage("case R-1 is for order O-1, not O-2");
    }

    @Test
    @DisplayName("a settlement decision that misses the accepted line")
    void faultyLines() {
      assertThat(refused(Cases.inState(ReturnStatus.INSPECTED), InvalidDecisionException.class,
          c -> begin(c, new SettlementDecision(List.of(), zero, zero, Rationale.NONE))))
          .hasMessage("settlement policy gave no outcome for line L-1");
    }

    @Test
    @DisplayName("a settlement decision with any amount in another currency, naming it")
    void foreignCurrency() {
      record Foreign(SettlementDecision decision, String what) {}
      for (Foreign foreign : List.of(
          new Foreign(decision(refund(usd, zero), zero, zero), "item refund of L-1"),
          new Foreign(decision(refund(eur60, usd), zero, zero), "restocking fee of L-1"),
          new Foreign(decision(refund(eur60, zero), usd, zero), "return shipping charge"),
          new Foreign(decision(refund(eur60, zero), zero, usd), "outbound shipping refund"))) {
        assertThat(refused(Cases.inState(ReturnStatus.INSPECTED), InvalidDecisionException.class,
            c -> begin(c, foreign.decision())))
            .hasMessage("settlement policy gave the " + foreign.what()
                + " in USD but the case is in EUR");
      }
    }

    @Test
    @DisplayName("a receipt for no planned payment, of another kind or amount, or paid already")
    void badReceipts() {
      ReturnCase settling = Cases.inState(ReturnStatus.SETTLING);
      SettlementPayment planned = settling.payments().get(0);
      assertThat(planned.idempotencyKey()).isEqualTo("R-1/L-1/ITEM_REFUND");

      assertThat(violations(settling, c -> c.recordPayment(new PaymentReceipt("R-1/OTHER",
          "PAY-1", PaymentKind.REFUND, eur60, Cases.at(6)), Cases.AGENT, Cases.at(6))))
          .containsExactly(new Violation("idempotencyKey",
              "return case R-1 has no unpaid planned payment R-1/OTHER"));
      assertThat(violations(settling, c -> c.recordPayment(new PaymentReceipt(
          planned.idempotencyKey(), "PAY-1", PaymentKind.STORE_CREDIT, Money.of("59.99", "EUR"),
          Cases.at(6)), Cases.AGENT, Cases.at(6))))
          .containsExactly(new Violation("amount", "must be EUR 60.00, as planned"),
              new Violation("kind", "must be REFUND, as planned"));

      settling.recordPayment(Cases.receiptFor(planned), Cases.AGENT, Cases.at(6));
      settling.markSaved();
      assertThat(violations(settling, c -> c.recordPayment(Cases.receiptFor(planned),
          Cases.AGENT, Cases.at(6)))).containsExactly(new Violation("idempotencyKey",
              "return case R-1 has no unpaid planned payment R-1/L-1/ITEM_REFUND"));
    }

    @Test
    @DisplayName("a manual payment for no unpaid payment (who may confirm one is access "
        + "control's call)")
    void badManualPayments() {
      ReturnCase settling = Cases.inState(ReturnStatus.SETTLING);

      assertThat(violations(settling, c -> c.recordManualPayment(new ManualPayment(
          Actor.supervisor("sup-1"), "R-1/NONE", "BANK-7", "card closed"), Cases.at(6))))
          .containsExactly(new Violation("idempotencyKey",
              "return case R-1 has no unpaid planned payment R-1/NONE"));
    }

    @Test
    @DisplayName("completion while a planned payment is not confirmed")
    void completionBeforePayment() {
      IllegalReturnTransitionException e = refused(Cases.inState(ReturnStatus.SETTLING),
          IllegalReturnTransitionException.class,
          c -> c.completeSettlement(Cases.AGENT, Cases.at(6)));
      assertThat(e.command()).isEqualTo(ReturnCommand.COMPLETE_SETTLEMENT);
      assertThat(e).hasMessage("return case R-1 is SETTLING: command COMPLETE_SETTLEMENT is not "
          + "possible now: payment R-1/L-1/ITEM_REFUND is not confirmed");
    }
  }

  @Nested
  @DisplayName("expiry")
  class Expiry {

    @Test
    @DisplayName("before the drop-off deadline has passed, and at it")
    void notOverdue() {
      for (Instant when : List.of(Cases.shipment().dropOffDeadline().minusSeconds(1),
          Cases.shipment().dropOffDeadline())) {
        IllegalReturnTransitionException e = refused(Cases.inState(ReturnStatus.AWAITING_RETURN),
            IllegalReturnTransitionException.class, c -> c.expire(Actor.SYSTEM, when));
        assertThat(e.command()).isEqualTo(ReturnCommand.EXPIRE);
        assertThat(e).hasMessageContaining("it is not overdue at " + when
            + " (drop-off deadline " + Cases.shipment().dropOffDeadline() + ")");
      }
    }

    @Test
    @DisplayName("a charge for an advance replacement of a case that is no advance exchange, "
        + "or before its deadline")
    void advanceChargeNotDue() {
      Instant late = Cases.shipment().dropOffDeadline().plusSeconds(1);
      IllegalReturnTransitionException plain = refused(
          Cases.inState(ReturnStatus.AWAITING_RETURN), IllegalReturnTransitionException.class,
          c -> c.chargeAdvanceReplacement(Cases.fullRefund(), Cases.order(),
              OrderReturnLedger.empty(), Actor.SYSTEM, late));
      assertThat(plain.command()).isEqualTo(ReturnCommand.CHARGE_ADVANCE_REPLACEMENT);
      assertThat(plain).hasMessage("return case R-1 is AWAITING_RETURN: command "
          + "CHARGE_ADVANCE_REPLACEMENT is not possible now: it is no advance exchange");

      Instant deadline = Cases.shipment().dropOffDeadline();
      IllegalReturnTransitionException early = refused(
          Cases.inState(ReturnStatus.AWAITING_RETURN, true),
          IllegalReturnTransitionException.class,
          c -> c.chargeAdvanceReplacement(Cases.fullRefund(), Cases.order(),
              OrderReturnLedger.empty(), Actor.SYSTEM, deadline));
      assertThat(early).hasMessageContaining("it is not overdue at " + deadline);
    }
  }
}
