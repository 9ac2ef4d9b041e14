package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityPreview;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.InvalidDecisionException;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.ReturnNotFoundException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Bad input gets one clear error listing every problem, and changes nothing. */
@DisplayName("Input validation")
class ReturnsValidationTest {

  private final TestShop shop = new TestShop();
  private final OrderSnapshot order = shop.add(shop.order("O-1")
      .line("L-1", "SKU-MUG", "kitchen", 2, "12.00")
      .line("L-2", "SKU-PLATE", "kitchen", 4, "8.00").build());

  private void assertNothingHappened() {
    assertThat(shop.ports.repository().size()).isZero();
    assertThat(shop.ports.events().events()).isEmpty();
    assertThat(shop.ports.notifier().sent()).isEmpty();
  }

  @Nested
  @DisplayName("a return request")
  class Requests {

    @Test
    @DisplayName("with many malformed fields lists every one with its path")
    void everyViolationListed() {
      ReturnRequest bad = new ReturnRequest(null, CustomerId.of("C-1"),
          Arrays.asList(new RequestedLine(line("L-1"), 0, null, Resolution.REFUND, null), null),
          new Actor(null, " "));

      assertThatThrownBy(() -> shop.returns.request(bad))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).extracting(Violation::path).containsExactly(
                  "lines[0].quantity", "lines[0].reason", "lines[1]", "orderId",
                  "requestedBy.id", "requestedBy.role"))
          .hasMessageStartingWith("invalid return request (6 problems): ")
          .hasMessageContaining("lines[0].quantity: must be greater than 0")
          .hasMessageContaining("orderId: must not be null");
      assertNothingHappened();
    }

    @Test
    @DisplayName("previewed with a malformed field is refused as a request would be")
    void malformedPreview() {
      ReturnRequest bad = new ReturnRequest(order.id(), order.customerId(),
          List.of(new RequestedLine(line("L-1"), 0, ReturnReason.CHANGED_MIND,
              Resolution.REFUND, null)), TestShop.CUSTOMER);

      assertThatThrownBy(() -> shop.returns.preview(bad))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).containsExactly(
                  new Violation("lines[0].quantity", "must be greater than 0")));
      assertNothingHappened();
    }

    @Test
    @DisplayName("with no lines is refused")
    void noLines() {
      assertThatThrownBy(() -> shop.returns.request(new ReturnRequest(order.id(),
          order.customerId(), List.of(), TestShop.CUSTOMER)))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).containsExactly(
                  new Violation("lines", "size must be between 1 and 100")));
      assertNothingHappened();
    }

    @Test
    @DisplayName("lists its malformed parts and its contradictions with the order together")
    void shapeAndOrderTogether() {
      ReturnRequest bad = new ReturnRequest(order.id(), CustomerId.of("C-2"),
          java.util.Arrays.asList(
          new RequestedLine(line("L-1"), 3, null, Resolution.REFUND, "box\u0000crushed"),
          null,
          RequestedLine.of(line("L-9"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)),
          TestShop.AGENT);

      for (Runnable call : List.<Runnable>of(() -> shop.returns.request(bad),
          () -> shop.returns.preview(bad))) {
        assertThatThrownBy(call::run)
            .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
                assertThat(e.violations()).containsExactly(
                    new Violation("customerId", "is not the customer of order O-1"),
                    new Violation("lines[0].note", "must not contain control characters other "
                        + "than newline and tab (U+0000 at index 3)"),
                    new Violation("lines[0].quantity",
                        "must be at most 2 (bought 2, already returned or being returned 0)"),
                    new Violation("lines[0].reason", "must not be null"),
                    new Violation("lines[1]", "must not be null"),
                    new Violation("lines[2].orderLineId", "order line L-9 is not on order O-1")));
      }
      assertNothingHappened();
    }

    @Test
    @DisplayName("that is malformed tells a stranger nothing of the order")
    void strangerLearnsNothing() {
      ReturnRequest bad = new ReturnRequest(order.id(), CustomerId.of("C-2"), List.of(
          new RequestedLine(line("L-9"), 0, ReturnReason.CHANGED_MIND, Resolution.REFUND, null)),
          Actor.customer("C-2"));
      assertThatThrownBy(() -> shop.returns.request(bad))
          .isInstanceOf(dev.returnkit.spi.AccessDeniedException.class)
          .hasMessageEndingWith("it is another customer's order");
      assertNothingHappened();
    }

    @Test
    @DisplayName("with a malformed actor lists the shape only")
    void malformedActor() {
      ReturnRequest bad = new ReturnRequest(order.id(), order.customerId(), List.of(
          RequestedLine.of(line("L-9"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)),
          Actor.customer("C-1\nWARN forged"));
      assertThatThrownBy(() -> shop.returns.request(bad))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).containsExactly(new Violation("requestedBy.id",
                  "must not contain control characters (U+000A at index 3)")));
      assertNothingHappened();
    }

    @Test
    @DisplayName("that contradicts the order lists every contradiction")
    void contradictsOrder() {
      ReturnRequest bad = new ReturnRequest(order.id(), CustomerId.of("C-2"), List.of(
          RequestedLine.of(line("L-9"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND),
          RequestedLine.of(line("L-1"), 3, ReturnReason.CHANGED_MIND, Resolution.REFUND),
          RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)),
          TestShop.AGENT);

      assertThatThrownBy(() -> shop.returns.request(bad))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).containsExactly(
                  new Violation("customerId", "is not the customer of order O-1"),
                  new Violation("lines[0].orderLineId", "order line L-9 is not on order O-1"),
                  new Violation("lines[1].quantity",
                      "must be at most 2 (bought 2, already returned or being returned 0)"),
                  new Violation("lines[2].orderLineId",
                      "order line L-1 appears more than once in the request")));
      assertNothingHappened();
    }

    @Test
    @DisplayName("for an unknown order names the order")
    void unknownOrder() {
      assertThatThrownBy(() -> shop.returns.request(request("O-404", "C-1",
          RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND))))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).containsExactly(
                  new Violation("orderId", "order O-404 does not exist")));
      assertNothingHappened();
    }

    @Test
    @DisplayName("previewed stores and sends nothing, and says what request would do")
    void preview() {
      ReturnRequest request = request(order,
          RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND),
          RequestedLine.of(line("L-2"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND));

      EligibilityPreview preview = shop.returns.preview(request);

      assertNothingHappened();
      assertThat(preview.status()).isEqualTo(ReturnStatus.APPROVED);
      assertThat(preview.returnless()).isFalse();
      assertThat(preview.decision().returnShippingPaidBy())
          .isEqualTo(ReturnShippingPayer.CUSTOMER);
      ReturnCaseSnapshot opened = shop.returns.request(request).returnCase();
      assertThat(opened.status()).isEqualTo(preview.status());
      assertThat(opened.lines().get(1).verdictCodes())
          .isEqualTo(preview.decision().lines().get(1).rationale().reasonCodes());
    }

    @Test
    @DisplayName("decided by a faulty policy is refused as the policy's fault and stores nothing")
    void faultyPolicy() {
      TestShop faulty = new TestShop(new ReturnPolicies(
          facts -> new EligibilityDecision(List.of(), ReturnShippingPayer.SELLER, Rationale.NONE),
          TestPolicies::liability, TestPolicies::disposition, TestPolicies::settlement,
              TestPolicies.access()));
      OrderSnapshot o = faulty.add(faulty.order("O-1")
          .line("L-1", "SKU-MUG", "kitchen", 2, "12.00").build());

      assertThatThrownBy(() -> faulty.returns.request(request(o,
          RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND))))
          .isInstanceOf(InvalidDecisionException.class)
          .hasMessage("eligibility policy gave no outcome for line L-1");
      assertThat(faulty.ports.repository().size()).isZero();
    }
  }

  @Nested
  @DisplayName("a command on a stored case")
  class Commands {

    private ReturnId approvedCase() {
      return shop.returns.request(request(order,
          RequestedLine.of(line("L-1"), 2, ReturnReason.CHANGED_MIND, Resolution.REFUND),
          RequestedLine.of(line("L-2"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)))
          .returnCase().id();
    }

    @Test
    @DisplayName("with a receipt above the approved quantity lists every bad line; the case "
        + "is unchanged")
    void receiptAboveApproved() {
      ReturnId id = approvedCase();
      shop.returns.arrangeShipment(id, new ShipmentOptions(ShippingMethod.LABEL,
          TestShop.CUSTOMER));
      ReturnCaseSnapshot before = shop.find(id);
      int eventsBefore = shop.ports.events().events().size();

      assertThatThrownBy(() -> shop.returns.receive(id, new GoodsReceipt(TestShop.WAREHOUSE,
          List.of(new ReceivedLine(line("L-1"), 3), new ReceivedLine(line("L-3"), 1),
              new ReceivedLine(line("L-1"), 1)))))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).containsExactly(
                  new Violation("lines[0].quantity", "must be at most 2, the approved quantity"),
                  new Violation("lines[1].orderLineId",
                      "order line L-3 is not part of return case R-1"),
                  new Violation("lines[2].orderLineId", "order line L-1 appears more than once")));
      assertThat(shop.find(id)).isEqualTo(before);
      assertThat(shop.returns.history(id)).hasSize(2);
      assertThat(shop.ports.events().events()).hasSize(eventsBefore);
    }

    @Test
    @DisplayName("with an inspection that misses a received line or accepts too much is refused")
    void badInspection() {
      ReturnId id = approvedCase();
      shop.shipAndReceiveAll(id);
      ReturnCaseSnapshot before = shop.find(id);

      assertThatThrownBy(() -> shop.returns.inspect(id, new InspectionReport(TestShop.WAREHOUSE,
          List.of(new InspectedLine(line("L-1"), 5, ItemGrade.A, Set.of(), null)))))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).containsExactly(
                  new Violation("lines", "order line L-2 received 1 unit(s) but is not inspected"),
                  new Violation("lines[0].acceptedQuantity",
                      "must be at most 2, the received quantity")));
      assertThatThrownBy(() -> shop.returns.inspect(id, new InspectionReport(
          new Actor(ActorRole.WAREHOUSE, ""),
          Arrays.asList(InspectedLine.of(line("L-1"), 2, ItemGrade.A), null,
              new InspectedLine(line("L-2"), -1, null, Set.of(InspectionFinding.SEAL_INTACT),
                  null)))))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).extracting(Violation::path).containsExactly(
                  "inspectedBy.id", "lines[1]", "lines[2].acceptedQuantity", "lines[2].grade"));
      assertThat(shop.find(id)).isEqualTo(before);
    }

    @Test
    @DisplayName("with a carrier event for another parcel names the tracking number")
    void wrongTrackingNumber() {
      ReturnId id = approvedCase();
      shop.returns.arrangeShipment(id, new ShipmentOptions(ShippingMethod.PICKUP,
          TestShop.CUSTOMER));
      ReturnCaseSnapshot before = shop.find(id);

      assertThatThrownBy(() -> shop.returns.recordCarrierEvent(id, new CarrierEvent(
          CarrierEventType.IN_TRANSIT, "XX999", shop.clock.instant(), null),
              Actor.system("carrier-feed")))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).containsExactly(new Violation("trackingNumber",
                  "'XX999' is not the tracking number of return case R-1 (RK000001)")));
      assertThat(shop.find(id)).isEqualTo(before);
    }

    @Test
    @DisplayName("rejecting needs an upper-case reason code")
    void rejectionCode() {
      OrderSnapshot big = shop.add(shop.order("O-2")
          .line("L-1", "SKU-TV", "electronics", 1, "899.00").build());
      ReturnId id = shop.returns.request(request(big,
          RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)))
          .returnCase().id();

      assertThatThrownBy(() -> shop.returns.reject(id,
          new Rejection(TestShop.AGENT, "too expensive", null)))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).containsExactly(new Violation("reasonCode",
                  "must be an upper-case reason code such as SUSPECTED_ABUSE")));
      assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.IN_REVIEW);
    }

    @Test
    @DisplayName("on an unknown case says so")
    void unknownCase() {
      assertThatThrownBy(() -> shop.returns.settle(ReturnId.of("R-404"), TestShop.SETTLEMENT_JOB))
          .isInstanceOf(ReturnNotFoundException.class)
          .hasMessage("no return case R-404");
      assertThat(shop.returns.find(ReturnId.of("R-404"))).isEmpty();
      assertThat(shop.returns.history(ReturnId.of("R-404"))).isEmpty();
    }
  }

  @Test
  @DisplayName("a builder missing required ports names each one")
  void builderNamesMissingPorts() {
    assertThatThrownBy(() -> Returns.builder().orders(shop.ports.orders()).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("Returns needs repository (storage), logistics, payments, "
            + "inventory, policies; ");
  }

  @Test
  @DisplayName("a builder without notifier and publisher works: nobody is told, nothing breaks")
  void notifierAndPublisherMayBeLeftOut() {
    Returns quiet = Returns.builder().repository(shop.ports.repository())
        .orders(shop.ports.orders()).logistics(shop.ports.logistics())
        .payments(shop.ports.payments()).inventory(shop.ports.inventory())
        .policies(TestPolicies.policies()).clock(shop.clock).build();
    OrderSnapshot order = shop.add(shop.order("O-9").line("L-1", "SKU-1", "home", 1, "10.00")
        .build());

    ReturnResult opened = quiet.request(TestShop.request(order,
        RequestedLine.of(TestShop.line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)));

    assertThat(opened.events()).isNotEmpty();
    assertThat(quiet.find(opened.returnCase().id())).isPresent();
    assertThat(shop.ports.events().events()).isEmpty();
    assertThat(shop.ports.notifier().sent()).isEmpty();
  }

  @Test
  @DisplayName("ids in input are checked when they are built")
  void idsAreValues() {
    assertThatThrownBy(() -> OrderId.of(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("order id must not be blank");
  }
}
