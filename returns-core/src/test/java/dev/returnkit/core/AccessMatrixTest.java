package dev.returnkit.core;

import static dev.returnkit.spi.vocabulary.Operation.APPROVE;
import static dev.returnkit.spi.vocabulary.Operation.AUDIT;
import static dev.returnkit.spi.vocabulary.Operation.ARRANGE_SHIPMENT;
import static dev.returnkit.spi.vocabulary.Operation.CANCEL;
import static dev.returnkit.spi.vocabulary.Operation.INSPECT;
import static dev.returnkit.spi.vocabulary.Operation.RECEIVE;
import static dev.returnkit.spi.vocabulary.Operation.RECORD_CARRIER_EVENT;
import static dev.returnkit.spi.vocabulary.Operation.RECORD_MANUAL_PAYMENT;
import static dev.returnkit.spi.vocabulary.Operation.REJECT;
import static dev.returnkit.spi.vocabulary.Operation.SETTLE;
import static dev.returnkit.spi.vocabulary.Operation.SYNC_INVENTORY;
import static dev.returnkit.spi.vocabulary.ReturnStatus.APPROVED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.AWAITING_RETURN;
import static dev.returnkit.spi.vocabulary.ReturnStatus.COMPLETED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.DELIVERED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.INSPECTED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.IN_REVIEW;
import static dev.returnkit.spi.vocabulary.ReturnStatus.IN_TRANSIT;
import static dev.returnkit.spi.vocabulary.ReturnStatus.LOST_IN_TRANSIT;
import static dev.returnkit.spi.vocabulary.ReturnStatus.RECEIVED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.SETTLING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.returnkit.core.fixtures.AccessWorld;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.returncase.Cancellation;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.settlement.ManualPayment;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.AccessDeniedException;
import dev.returnkit.spi.ReturnsException;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Operation;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The standard access policy through the facade: every operation on a case, by every kind of
 * actor (the case's customer, another customer, an agent, a supervisor, the warehouse, a system
 * job), in every state. The expected table is written here, not read from the policy; it is the
 * table of docs/security.md. A refused call is an {@link AccessDeniedException} naming the actor,
 * the operation and the case, and leaves the case, its history and every port as they were. An
 * allowed call is refused, if at all, by the lifecycle or the input checks, never by access.
 */
@DisplayName("Who may do what, on a stored case")
class AccessMatrixTest {

  /** The kinds of actor, each with the actor the test uses. */
  enum Who {
    OWNER(AccessWorld.OWNER),
    STRANGER(AccessWorld.STRANGER),
    AGENT(TestShop.AGENT),
    SUPERVISOR(TestShop.SUPERVISOR),
    WAREHOUSE(TestShop.WAREHOUSE),
    SYSTEM(TestShop.SETTLEMENT_JOB);

    final Actor actor;

    Who(Actor actor) {
      this.actor = actor;
    }
  }

  /** Who may run each operation on a case (the owner being the case's own customer). */
  static final Map<Operation, Set<Who>> MAY = Map.ofEntries(Map.entry(AUDIT,
      EnumSet.of(Who.SUPERVISOR, Who.SYSTEM)), Map.entry(
      APPROVE, EnumSet.of(Who.AGENT, Who.SUPERVISOR)),
      Map.entry(REJECT, EnumSet.of(Who.AGENT, Who.SUPERVISOR)),
      Map.entry(ARRANGE_SHIPMENT, EnumSet.of(Who.OWNER, Who.AGENT, Who.SUPERVISOR)),
      Map.entry(CANCEL, EnumSet.of(Who.OWNER, Who.AGENT, Who.SUPERVISOR)),
      Map.entry(RECORD_CARRIER_EVENT, EnumSet.of(Who.SYSTEM)),
      Map.entry(RECEIVE, EnumSet.of(Who.WAREHOUSE)),
      Map.entry(INSPECT, EnumSet.of(Who.WAREHOUSE)),
      Map.entry(SETTLE, EnumSet.of(Who.SUPERVISOR, Who.SYSTEM)),
      Map.entry(RECORD_MANUAL_PAYMENT, EnumSet.of(Who.SUPERVISOR)),
      Map.entry(SYNC_INVENTORY, EnumSet.of(Who.SUPERVISOR, Who.WAREHOUSE, Who.SYSTEM)));

  /**
   * Where an allowed call goes through; elsewhere the lifecycle (or the case's checks) refuses
   * it. A carrier's in-transit scan is older news once the parcel arrived, and changes nothing
   * without an error (a lost parcel's state allows no scan); stock can be synced in any state.
   */
  static final Map<Operation, Set<ReturnStatus>> GOES_THROUGH_IN = Map.ofEntries(
      Map.entry(AUDIT, EnumSet.allOf(ReturnStatus.class)), Map.entry(
      APPROVE, EnumSet.of(IN_REVIEW)),
      Map.entry(REJECT, EnumSet.of(IN_REVIEW)),
      Map.entry(ARRANGE_SHIPMENT, EnumSet.of(APPROVED)),
      Map.entry(CANCEL, EnumSet.of(IN_REVIEW, APPROVED, AWAITING_RETURN)),
      Map.entry(RECORD_CARRIER_EVENT, EnumSet.of(AWAITING_RETURN, IN_TRANSIT, DELIVERED,
          RECEIVED, INSPECTED, SETTLING, COMPLETED)),
      Map.entry(RECEIVE, EnumSet.of(AWAITING_RETURN, IN_TRANSIT, DELIVERED)),
      Map.entry(INSPECT, EnumSet.of(RECEIVED)),
      // In SETTLING the provider still refuses: the resumed settlement fails on the payment.
      Map.entry(SETTLE, EnumSet.of(INSPECTED, LOST_IN_TRANSIT)),
      Map.entry(RECORD_MANUAL_PAYMENT, EnumSet.of(SETTLING)),
      Map.entry(SYNC_INVENTORY, EnumSet.allOf(ReturnStatus.class)));

  static Stream<Arguments> everyCall() {
    List<Arguments> calls = new ArrayList<>();
    for (Operation operation : MAY.keySet().stream().sorted().toList()) {
      for (ReturnStatus state : ReturnStatus.values()) {
        for (Who who : Who.values()) {
          calls.add(Arguments.of(operation, state, who));
        }
      }
    }
    return calls.stream();
  }

  @ParameterizedTest(name = "{0} in {1} by {2}")
  @MethodSource("everyCall")
  void decides(Operation operation, ReturnStatus state, Who who) {
    AccessWorld world = new AccessWorld();
    ReturnId id = world.caseIn(state);
    Object before = world.everything(id);

    Throwable thrown = catchThrowable(() -> call(world, operation, id, who.actor));

    if (!MAY.get(operation).contains(who)) {
      assertThat(thrown).isInstanceOfSatisfying(AccessDeniedException.class, denied -> {
        assertThat(denied.actor()).isEqualTo(who.actor);
        assertThat(denied.operation()).isEqualTo(operation);
        assertThat(denied.returnId()).contains(id);
        assertThat(denied).hasMessageStartingWith("access denied to " + who.actor.role() + ":"
            + who.actor.id() + " for " + operation.methodName() + " on return case R-1 (order "
            + "O-1): ");
      });
      assertThat(world.everything(id)).isEqualTo(before);
    } else if (GOES_THROUGH_IN.get(operation).contains(state)) {
      assertThat(thrown).isNull();
    } else {
      assertThat(thrown).isInstanceOf(ReturnsException.class)
          .isNotInstanceOf(AccessDeniedException.class);
    }
  }

  static void call(AccessWorld world, Operation operation, ReturnId id, Actor actor) {
    Returns returns = world.returns;
    switch (operation) {
      case APPROVE -> returns.approve(id, new Approval(actor, "checked"));
      case REJECT -> returns.reject(id, new Rejection(actor, "NOT_ELIGIBLE", null));
      case ARRANGE_SHIPMENT -> returns.arrangeShipment(id, ShipmentOptions.label(actor));
      case CANCEL -> returns.cancel(id, new Cancellation(actor, "changed my mind"));
      case RECORD_CARRIER_EVENT -> returns.recordCarrierEvent(id,
          CarrierEvent.inTransit(world.tracking(id), world.clock.instant(), "Hub"), actor);
      case RECEIVE -> returns.receive(id,
          new GoodsReceipt(actor, List.of(new ReceivedLine(AccessWorld.L1, 1))));
      case INSPECT -> returns.inspect(id, new InspectionReport(actor,
          List.of(InspectedLine.of(AccessWorld.L1, 1, ItemGrade.A))));
      case SETTLE -> returns.settle(id, actor);
      case RECORD_MANUAL_PAYMENT -> returns.recordManualPayment(id,
          new ManualPayment(actor, AccessWorld.REFUND_KEY, "BANK-7", "card closed"));
      case SYNC_INVENTORY -> returns.syncInventory(id, actor);
      case AUDIT -> returns.audit(id, actor);
      default -> throw new IllegalArgumentException("not an operation on a case: " + operation);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.returnkit.core.AccessMatrixTest#kinds")
  @DisplayName("only a system job expires overdue cases")
  void expiry(Who who) {
    AccessWorld world = new AccessWorld();
    ReturnId id = world.caseIn(AWAITING_RETURN);
    world.clock.advance(java.time.Duration.ofDays(30));
    Object before = world.everything(id);

    if (who == Who.SYSTEM) {
      assertThat(world.returns.expireOverdue(world.clock.instant(), who.actor))
          .extracting(ReturnResult::id).containsExactly(id);
      assertThat(world.returns.history(id).get(world.returns.history(id).size() - 1).actor())
          .isEqualTo(who.actor);
    } else {
      assertThatThrownBy(() -> world.returns.expireOverdue(world.clock.instant(), who.actor))
          .isInstanceOfSatisfying(AccessDeniedException.class, denied ->
              assertThat(denied).hasMessage("access denied to " + who.actor.role() + ":"
                  + who.actor.id() + " for expireOverdue on return case R-1 (order O-1): "
                  + "only SYSTEM may expireOverdue"));
      assertThat(world.everything(id)).isEqualTo(before);
    }
  }

  static Stream<Who> kinds() {
    return Stream.of(Who.values());
  }
}
