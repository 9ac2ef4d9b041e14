package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.returncase.Cancellation;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.settlement.ManualPayment;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every use case checks the shape of its input before it loads or changes anything: a malformed
 * input is one {@link InvalidReturnRequestException} with the field's path, whatever state the
 * case is in, and nothing is stored, published, paid or arranged. (The checks against the case
 * come after, from the aggregate; their refusals are tested there.)
 */
@DisplayName("Every use case refuses malformed input first")
class UseCaseInputsTest {

  private final TestShop shop = new TestShop();

  /** A case in the state a use case expects, so that only the input's shape can be at fault. */
  private ReturnId caseIn(ReturnStatus status) {
    OrderSnapshot order = shop.add(shop.order("O-" + status)
        .line("L-1", "SKU-LAMP", "home", 1, status == ReturnStatus.IN_REVIEW ? "900.00" : "40.00")
        .build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND))).id();
    switch (status) {
      case AWAITING_RETURN -> shop.returns.arrangeShipment(id,
          ShipmentOptions.label(TestShop.CUSTOMER));
      case RECEIVED -> shop.shipAndReceiveAll(id);
      case INSPECTED -> {
        shop.shipAndReceiveAll(id);
        shop.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.A));
      }
      default -> { }
    }
    assertThat(shop.find(id).status()).isEqualTo(status);
    return id;
  }

  static Stream<Arguments> malformed() {
    return Stream.of(
        use("approve", ReturnStatus.IN_REVIEW,
            (returns, id) -> returns.approve(id, new Approval(null, "fine")),
            new Violation("reviewer", "must not be null")),
        use("reject", ReturnStatus.IN_REVIEW,
            (returns, id) -> returns.reject(id, new Rejection(TestShop.AGENT, "abuse", null)),
            new Violation("reasonCode",
                "must be an upper-case reason code such as SUSPECTED_ABUSE")),
        use("arrangeShipment", ReturnStatus.APPROVED,
            (returns, id) -> returns.arrangeShipment(id,
                new ShipmentOptions(null, TestShop.CUSTOMER)),
            new Violation("method", "must not be null")),
        use("recordCarrierEvent", ReturnStatus.AWAITING_RETURN,
            (returns, id) -> returns.recordCarrierEvent(id,
                new CarrierEvent(CarrierEventType.IN_TRANSIT, " ", TestShop.START, null),
                    Actor.system("carrier-feed")),
            new Violation("trackingNumber", "must not be blank")),
        use("receive", ReturnStatus.AWAITING_RETURN,
            (returns, id) -> returns.receive(id, new GoodsReceipt(TestShop.WAREHOUSE,
                List.of(new ReceivedLine(line("L-1"), -1)))),
            new Violation("lines[0].quantity", "must be greater than or equal to 0")),
        use("inspect", ReturnStatus.RECEIVED,
            (returns, id) -> returns.inspect(id, new InspectionReport(TestShop.WAREHOUSE,
                List.of(new InspectedLine(line("L-1"), 1, null, Set.of(), null)))),
            new Violation("lines[0].grade", "must not be null")),
        use("settle", ReturnStatus.INSPECTED,
            (returns, id) -> returns.settle(id, new Actor(null, "clerk")),
            new Violation("actor.role", "must not be null")),
        use("recordManualPayment", ReturnStatus.INSPECTED,
            (returns, id) -> returns.recordManualPayment(id, new ManualPayment(
                Actor.supervisor("sam"), " ", "BANK-7", null)),
            new Violation("idempotencyKey", "must not be blank")),
        use("cancel", ReturnStatus.APPROVED,
            (returns, id) -> returns.cancel(id, new Cancellation(TestShop.CUSTOMER,
                "x".repeat(2001))),
            new Violation("reason", "size must be between 0 and 2000")));
  }

  private static Arguments use(String name, ReturnStatus state,
      BiConsumer<Returns, ReturnId> command, Violation expected) {
    return Arguments.of(name, state, command, expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformed")
  void refusesMalformedInput(String name, ReturnStatus state,
      BiConsumer<Returns, ReturnId> command, Violation expected) {
    ReturnId id = caseIn(state);
    ReturnCaseSnapshot before = shop.find(id);
    int events = shop.ports.events().events().size();
    int payments = shop.ports.payments().calls().size();
    int labels = shop.ports.logistics().requests().size();

    assertThatThrownBy(() -> command.accept(shop.returns, id))
        .isInstanceOfSatisfying(InvalidReturnRequestException.class,
            e -> assertThat(e.violations()).containsExactly(expected));

    assertThat(shop.find(id)).isEqualTo(before);
    assertThat(shop.ports.events().events()).hasSize(events);
    assertThat(shop.ports.payments().calls()).hasSize(payments);
    assertThat(shop.ports.logistics().requests()).hasSize(labels);
  }
}
