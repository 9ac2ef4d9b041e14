package dev.returnkit.core.returncase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.fixtures.Cases;
import dev.returnkit.core.fixtures.Orders;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.spi.event.LineQuantity;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
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
  }
}
