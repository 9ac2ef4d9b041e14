package dev.returnkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The short ways a host builds returnkit's inputs, and a return taken through with them. */
@DisplayName("The host API")
class HostApiTest {

  private static final Actor ANNA = Actor.warehouse("anna");

  @Test
  @DisplayName("builds a customer's request line by line, for a refund")
  void request() {
    ReturnRequest request = ReturnRequest.byCustomer("O-1", "C-42")
        .withLine("1", 2, ReturnReason.DOES_NOT_FIT)
        .withLine(RequestedLine.of(OrderLineId.of("2"), 1, ReturnReason.DEFECTIVE,
            Resolution.EXCHANGE));

    assertThat(request).isEqualTo(new ReturnRequest(OrderId.of("O-1"), CustomerId.of("C-42"),
        List.of(RequestedLine.of(OrderLineId.of("1"), 2, ReturnReason.DOES_NOT_FIT,
            Resolution.REFUND), RequestedLine.of(OrderLineId.of("2"), 1,
            ReturnReason.DEFECTIVE, Resolution.EXCHANGE)), Actor.customer("C-42")));
    assertThat(ReturnRequest.byCustomer("O-1", "C-42").lines()).isEmpty();
  }

  @Test
  @DisplayName("builds the warehouse's receipt and inspection line by line")
  void warehouse() {
    assertThat(GoodsReceipt.by(ANNA).withLine("1", 2).withLine("2", 0)).isEqualTo(
        new GoodsReceipt(ANNA, List.of(new ReceivedLine(OrderLineId.of("1"), 2),
            new ReceivedLine(OrderLineId.of("2"), 0))));
    assertThat(InspectionReport.by(ANNA).withLine("1", 1, ItemGrade.B,
        InspectionFinding.SIGNS_OF_USE, InspectionFinding.NO_FAULT_FOUND)).isEqualTo(
        new InspectionReport(ANNA, List.of(new InspectedLine(OrderLineId.of("1"), 1,
            ItemGrade.B, Set.of(InspectionFinding.SIGNS_OF_USE,
                InspectionFinding.NO_FAULT_FOUND), null))));
    assertThat(GoodsReceipt.by(ANNA).lines()).isEmpty();
    assertThat(InspectionReport.by(ANNA).lines()).isEmpty();
  }

  @Test
  @DisplayName("names the two ways back")
  void shipment() {
    Actor customer = Actor.customer("C-42");
    assertThat(ShipmentOptions.label(customer))
        .isEqualTo(new ShipmentOptions(ShippingMethod.LABEL, customer));
    assertThat(ShipmentOptions.pickup(customer))
        .isEqualTo(new ShipmentOptions(ShippingMethod.PICKUP, customer));
  }

  @Test
  @DisplayName("takes a return through with them, on the system clock, and reviews others")
  void throughTheFacade() {
    InMemoryPorts ports = InMemoryPorts.create();
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    for (String id : List.of("O-1", "O-2", "O-3")) {
      ports.orders().put(OrderSnapshot.builder(id, "C-" + id, "EUR")
          .placedOn(today.minusDays(9)).deliveredOn(today.minusDays(7))
          .line("1", "TSHIRT-M", "apparel", 2, id.equals("O-1") ? "19.90" : "900.00")
          .shipping("4.95").paymentReference("PSP-" + id).build());
    }
    Returns returns = ports.wire(Returns.builder()).policies(TestPolicies.policies()).build();
    Actor customer = Actor.customer("C-O-1");

    ReturnResult opened = returns.request(ReturnRequest.byCustomer("O-1", "C-O-1")
        .withLine("1", 1, ReturnReason.DOES_NOT_FIT));
    returns.arrangeShipment(opened.id(), ShipmentOptions.label(customer));
    returns.receive(opened.id(), GoodsReceipt.by(ANNA).withLine("1", 1));
    returns.inspect(opened.id(), InspectionReport.by(ANNA).withLine("1", 1, ItemGrade.A,
        InspectionFinding.SEAL_INTACT));
    ReturnCaseSnapshot settled = returns.settle(opened.id(), Actor.SYSTEM).returnCase();

    assertThat(settled.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(settled.refunded()).hasToString("EUR 13.95");
    assertThat(ports.payments().receipts()).singleElement()
        .satisfies(receipt -> assertThat(receipt.processedAt()).isNotNull());

    ReturnResult approved = returns.approve(returns.request(ReturnRequest.byCustomer("O-2",
        "C-O-2").withLine("1", 1, ReturnReason.CHANGED_MIND)).id(),
        new Approval(Actor.agent("kim"), "regular customer"));
    ReturnResult rejected = returns.reject(returns.request(ReturnRequest.byCustomer("O-3",
        "C-O-3").withLine("1", 1, ReturnReason.CHANGED_MIND)).id(),
        new Rejection(Actor.agent("kim"), "WORN", null));

    assertThat(approved.returnCase().status()).isEqualTo(ReturnStatus.APPROVED);
    assertThat(approved.events()).singleElement().isInstanceOf(ReturnEvent.ReturnApproved.class);
    assertThat(rejected.returnCase().status()).isEqualTo(ReturnStatus.REJECTED);
    assertThat(rejected.events()).singleElement().isInstanceOf(ReturnEvent.ReturnRejected.class);
  }
}
