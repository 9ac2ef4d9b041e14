package dev.returnkit.core.returncase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.fixtures.Cases;
import dev.returnkit.core.fixtures.Orders;
import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.core.warehouse.LineLiability;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.event.EventType;
import dev.returnkit.spi.event.LineQuantity;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Behaviour of the aggregate that the lifecycle matrix does not look at. */
@DisplayName("A return case")
class ReturnCaseTest {

  private static final OrderLineId L1 = OrderLineId.of("L-1");
  private static final OrderLineId L2 = OrderLineId.of("L-2");

  private static LineEligibility outcome(OrderLineId line, LineVerdict verdict, String code) {
    return new LineEligibility(line, verdict, false, Rationale.of(code, "rule"));
  }

  /** Two lines: the first as the policy says, the second with its own verdict. */
  private static ReturnCase requested(LineEligibility first, LineEligibility second) {
    OrderSnapshot order = Orders.order("O-1", Cases.T0)
        .line("L-1", "SKU-A", "home", 1, "10.00")
        .line("L-2", "SKU-B", "home", 1, "10.00").build();
    ReturnRequest request = new ReturnRequest(order.id(), order.customerId(), List.of(
        RequestedLine.of(L1, 1, ReturnReason.DEFECTIVE, Resolution.REFUND),
        RequestedLine.of(L2, 1, ReturnReason.DEFECTIVE, Resolution.REFUND)),
        Actor.customer("C-1"));
    return ReturnCase.request(ReturnId.of("R-1"), request, Cases.context(order),
        facts -> new EligibilityDecision(List.of(first, second), ReturnShippingPayer.SELLER,
            Rationale.NONE), ServiceLevels.DEFAULT);
  }

  @Test
  @DisplayName("announces the approval of the approved lines only")
  void approvedEventListsApprovedLines() {
    ReturnCase c = requested(new LineEligibility(L1, LineVerdict.APPROVED, false, Rationale.NONE),
        new LineEligibility(L2, LineVerdict.REJECTED, false,
            Rationale.of("NON_RETURNABLE", "r")));

    assertThat(c.status()).isEqualTo(ReturnStatus.APPROVED);
    assertThat(c.pendingEvents()).filteredOn(ReturnEvent.ReturnApproved.class::isInstance)
        .singleElement().satisfies(e -> assertThat(((ReturnEvent.ReturnApproved) e).approved())
            .extracting(LineQuantity::orderLineId).containsExactly(L1));
  }

  @Test
  @DisplayName("ships every approved line when the policy let the customer keep only some")
  void partlyReturnlessShipsEverything() {
    ReturnCase c = requested(new LineEligibility(L1, LineVerdict.APPROVED, true, Rationale.NONE),
        new LineEligibility(L2, LineVerdict.APPROVED, false, Rationale.NONE));
    assertThat(c.qualifiesForReturnlessRefund()).isFalse();

    c.arrangeShipment(Cases.shipment(), Cases.AGENT, Cases.at(1));

    assertThat(c.snapshot().lines()).noneMatch(ReturnLineSnapshot::returnless);
  }

  @Test
  @DisplayName("derives idempotency keys that stay distinct whatever the ids contain")
  void keysAreUnambiguous() {
    String a = IdempotencyKeys.payment(ReturnId.of("R-1/L"), OrderLineId.of("2"),
        PaymentPurpose.ITEM_REFUND);
    String b = IdempotencyKeys.payment(ReturnId.of("R-1"), OrderLineId.of("L/2"),
        PaymentPurpose.ITEM_REFUND);

    assertThat(a).isEqualTo("R-1%2FL/2/ITEM_REFUND");
    assertThat(b).isEqualTo("R-1/L%2F2/ITEM_REFUND");
    assertThat(IdempotencyKeys.payment(ReturnId.of("R-1"), OrderLineId.of("L-2"),
        PaymentPurpose.ITEM_REFUND)).isEqualTo("R-1/L-2/ITEM_REFUND");
    assertThat(IdempotencyKeys.stock(ReturnId.of("R-%2F"), OrderLineId.of("1")))
        .isEqualTo("R-%252F/1/STOCK");
    // A separator first is escaped too.
    assertThat(IdempotencyKeys.stock(ReturnId.of("/R"), OrderLineId.of("%1")))
        .isEqualTo("%2FR/%251/STOCK");
  }

  @Test
  @DisplayName("rejected in review: the lines in review get the reviewer's code, lines the "
      + "policy rejected keep theirs")
  void rejectionKeepsThePolicysRejections() {
    ReturnCase c = requested(outcome(L1, LineVerdict.IN_REVIEW, "HIGH_VALUE"),
        outcome(L2, LineVerdict.REJECTED, "NON_RETURNABLE"));
    c.markSaved();

    c.reject(Cases.rejection(), Cases.at(1));

    ReturnLineSnapshot first = c.snapshot().line(L1).orElseThrow();
    ReturnLineSnapshot second = c.snapshot().line(L2).orElseThrow();
    assertThat(first.verdict()).isEqualTo(LineVerdict.REJECTED);
    assertThat(first.verdictCodes()).containsExactly("SUSPECTED_ABUSE");
    assertThat(first.quantities().approved()).isZero();
    assertThat(second.verdictCodes()).containsExactly("NON_RETURNABLE");
    assertThat(c.snapshot().dueAt()).isNull();
    assertThat(c.pendingEvents()).singleElement().isInstanceOfSatisfying(
        ReturnEvent.ReturnRejected.class,
        e -> assertThat(e.reasonCodes()).containsExactly("SUSPECTED_ABUSE"));
    assertThat(c.pendingHistory().get(0).reasonCodes()).containsExactly("SUSPECTED_ABUSE");
    assertThat(c.pendingHistory().get(0).note()).isEqualTo("third claim this month");
  }

  @Test
  @DisplayName("approved in review: only the lines in review are approved, in full, to be sent")
  void approvalApprovesTheLinesInReview() {
    ReturnCase c = requested(outcome(L1, LineVerdict.IN_REVIEW, "HIGH_VALUE"),
        outcome(L2, LineVerdict.REJECTED, "NON_RETURNABLE"));
    c.markSaved();

    c.approve(Cases.approval(), Cases.at(1));

    ReturnLineSnapshot first = c.snapshot().line(L1).orElseThrow();
    assertThat(first.verdict()).isEqualTo(LineVerdict.APPROVED);
    assertThat(first.verdictCodes()).containsExactly("HIGH_VALUE", "APPROVED_IN_REVIEW");
    assertThat(first.quantities().approved()).isEqualTo(1);
    assertThat(first.returnless()).isFalse();
    assertThat(c.snapshot().line(L2).orElseThrow().verdict()).isEqualTo(LineVerdict.REJECTED);
    assertThat(c.snapshot().dueAt()).isEqualTo(Cases.at(1).plus(ServiceLevels.DEFAULT.shipment()));
    assertThat(c.pendingEvents()).singleElement().isInstanceOfSatisfying(
        ReturnEvent.ReturnApproved.class, e -> assertThat(e.approved())
            .containsExactly(new LineQuantity(L1, first.sku(), 1)));
  }

  @Test
  @DisplayName("sent to review: the event names the codes of the lines in review only")
  void reviewEventNamesReviewCodes() {
    ReturnCase c = requested(outcome(L1, LineVerdict.IN_REVIEW, "HIGH_VALUE"),
        outcome(L2, LineVerdict.APPROVED, "WITHIN_RETURN_WINDOW"));

    assertThat(c.status()).isEqualTo(ReturnStatus.IN_REVIEW);
    assertThat(c.pendingEvents()).filteredOn(ReturnEvent.ReturnSentToReview.class::isInstance)
        .singleElement().satisfies(e -> assertThat(((ReturnEvent.ReturnSentToReview) e)
            .reasonCodes()).containsExactly("HIGH_VALUE"));
  }

  @Test
  @DisplayName("moves stock only for lines inspected with units accepted")
  void stockMovementsOfAcceptedUnits() {
    ReturnCase c = requested(outcome(L1, LineVerdict.APPROVED, "OK"),
        outcome(L2, LineVerdict.APPROVED, "OK"));
    c.arrangeShipment(Cases.shipment(), Cases.AGENT, Cases.at(1));
    c.receive(new GoodsReceipt(Cases.WAREHOUSE, List.of(new ReceivedLine(L1, 1),
        new ReceivedLine(L2, 1))), Cases.at(2));
    assertThat(c.stockMovements()).as("nothing before the inspection").isEmpty();

    c.inspect(new InspectionReport(Cases.WAREHOUSE, List.of(
            InspectedLine.of(L1, 1, ItemGrade.A), InspectedLine.of(L2, 0, ItemGrade.D))),
        Cases.liability(Liability.SELLER), Cases.disposition(Disposition.RESTOCK), Cases.at(3));

    assertThat(c.stockMovements()).singleElement().satisfies(movement -> {
      assertThat(movement.idempotencyKey()).isEqualTo("R-1/L-1/STOCK");
      assertThat(movement.orderLineId()).isEqualTo(L1);
      assertThat(movement.quantity()).isEqualTo(1);
      assertThat(movement.disposition()).isEqualTo(Disposition.RESTOCK);
    });
  }

  @Test
  @DisplayName("inspects the lines that received goods, not the ones the policy rejected")
  void rejectedLinesNeedNoInspection() {
    ReturnCase c = requested(outcome(L1, LineVerdict.APPROVED, "OK"),
        outcome(L2, LineVerdict.REJECTED, "NON_RETURNABLE"));
    c.arrangeShipment(Cases.shipment(), Cases.AGENT, Cases.at(1));
    c.receive(new GoodsReceipt(Cases.WAREHOUSE, List.of(new ReceivedLine(L1, 1))), Cases.at(2));

    c.inspect(new InspectionReport(Cases.WAREHOUSE, List.of(InspectedLine.of(L1, 1,
        ItemGrade.A))), Cases.liability(Liability.SELLER), Cases.disposition(Disposition.RESTOCK),
        Cases.at(3));

    assertThat(c.status()).isEqualTo(ReturnStatus.INSPECTED);
    assertThat(c.snapshot().line(L2).orElseThrow().liability()).isNull();
  }

  @Test
  @DisplayName("previews a returnless refund only when every approved line may be kept")
  void previewOfReturnless() {
    OrderSnapshot order = Orders.order("O-1", Cases.T0)
        .line("L-1", "SKU-A", "home", 1, "10.00")
        .line("L-2", "SKU-B", "home", 1, "10.00").build();
    ReturnRequest request = new ReturnRequest(order.id(), order.customerId(), List.of(
        RequestedLine.of(L1, 1, ReturnReason.DEFECTIVE, Resolution.REFUND),
        RequestedLine.of(L2, 1, ReturnReason.DEFECTIVE, Resolution.REFUND)),
        Actor.customer("C-1"));
    LineEligibility keep1 = new LineEligibility(L1, LineVerdict.APPROVED, true, Rationale.NONE);
    LineEligibility keep2 = new LineEligibility(L2, LineVerdict.APPROVED, true, Rationale.NONE);
    LineEligibility send2 = new LineEligibility(L2, LineVerdict.APPROVED, false, Rationale.NONE);
    LineEligibility review2 = new LineEligibility(L2, LineVerdict.IN_REVIEW, true,
        Rationale.NONE);
    LineEligibility reject2 = new LineEligibility(L2, LineVerdict.REJECTED, false,
        Rationale.NONE);
    record Expect(LineEligibility second, ReturnStatus status, boolean returnless) {}
    for (Expect expect : List.of(new Expect(keep2, ReturnStatus.APPROVED, true),
        new Expect(send2, ReturnStatus.APPROVED, false),
        new Expect(review2, ReturnStatus.IN_REVIEW, false),
        new Expect(reject2, ReturnStatus.APPROVED, true))) {
      var preview = ReturnCase.preview(request, Cases.context(order),
          facts -> new EligibilityDecision(List.of(keep1, expect.second()),
              ReturnShippingPayer.SELLER, Rationale.NONE));
      assertThat(preview.status()).as(expect.toString()).isEqualTo(expect.status());
      assertThat(preview.returnless()).as(expect.toString()).isEqualTo(expect.returnless());
    }
  }

  @Test
  @DisplayName("has pending changes only after a command, until saved")
  void pendingChanges() {
    ReturnCase loaded = ReturnCase.fromSnapshot(Cases.inState(ReturnStatus.IN_REVIEW).snapshot(),
        ServiceLevels.DEFAULT);
    assertThat(loaded.hasPendingChanges()).isFalse();

    loaded.approve(Cases.approval(), Cases.at(1));
    assertThat(loaded.hasPendingChanges()).isTrue();

    loaded.markSaved();
    assertThat(loaded.hasPendingChanges()).isFalse();
    assertThat(loaded.snapshot().version()).isEqualTo(2);
  }

  @Test
  @DisplayName("tells the settlement policy whether the parcel was lost, and only the lines "
      + "with units accepted")
  void settlementFacts() {
    ReturnCase lost = Cases.inState(ReturnStatus.LOST_IN_TRANSIT);
    ReturnCase inspected = Cases.inState(ReturnStatus.INSPECTED);

    assertThat(SettlementFacts.of(lost.snapshot(), Cases.order(),
        OrderReturnLedger.empty()).lostInTransit()).isTrue();
    assertThat(SettlementFacts.of(inspected.snapshot(), Cases.order(),
        OrderReturnLedger.empty()).lostInTransit()).isFalse();

    ReturnCase partly = requested(outcome(L1, LineVerdict.APPROVED, "OK"),
        outcome(L2, LineVerdict.REJECTED, "NON_RETURNABLE"));
    partly.arrangeShipment(Cases.shipment(), Cases.AGENT, Cases.at(1));
    partly.receive(new GoodsReceipt(Cases.WAREHOUSE, List.of(new ReceivedLine(L1, 1))),
        Cases.at(2));
    partly.inspect(new InspectionReport(Cases.WAREHOUSE, List.of(InspectedLine.of(L1, 1,
        ItemGrade.A))), Cases.liability(Liability.SELLER), Cases.disposition(Disposition.RESTOCK),
        Cases.at(3));
    assertThat(SettlementFacts.of(partly.snapshot(), Orders.order("O-1", Cases.T0)
        .line("L-1", "SKU-A", "home", 1, "10.00").line("L-2", "SKU-B", "home", 1, "10.00")
        .build(), OrderReturnLedger.empty()).lines())
        .extracting(line -> line.orderLineId()).containsExactly(L1);
  }

  @Test
  @DisplayName("claims from the carrier only for lines with units accepted and refunded")
  void claimCoversAcceptedLinesOnly() {
    ReturnCase c = requested(outcome(L1, LineVerdict.APPROVED, "OK"),
        outcome(L2, LineVerdict.APPROVED, "OK"));
    c.arrangeShipment(Cases.shipment(), Cases.AGENT, Cases.at(1));
    c.receive(new GoodsReceipt(Cases.WAREHOUSE, List.of(new ReceivedLine(L1, 1),
        new ReceivedLine(L2, 1))), Cases.at(2));
    // The seller's line is accepted; the line the carrier damaged is not, so nothing is
    // refunded for it and there is nothing to claim.
    c.inspect(new InspectionReport(Cases.WAREHOUSE, List.of(
            InspectedLine.of(L1, 1, ItemGrade.A), InspectedLine.of(L2, 0, ItemGrade.D))),
        facts -> new LiabilityDecision(facts.lines().stream()
            .map(line -> new LineLiability(line.orderLineId(),
                line.orderLineId().equals(L1) ? Liability.SELLER : Liability.CARRIER,
                Rationale.NONE))
            .toList()),
        Cases.disposition(Disposition.RESTOCK), Cases.at(3));
    c.beginSettlement(Cases.fullRefund(), Orders.order("O-1", Cases.T0)
        .line("L-1", "SKU-A", "home", 1, "10.00").line("L-2", "SKU-B", "home", 1, "10.00")
        .build(), OrderReturnLedger.empty(), Cases.AGENT, Cases.at(4));
    Cases.payAll(c);
    c.markSaved();

    c.completeSettlement(Cases.AGENT, Cases.at(5));

    assertThat(c.pendingEvents()).extracting(ReturnEvent::type)
        .containsExactly(EventType.RETURN_COMPLETED);
  }
}
