package dev.returnkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.returnkit.core.fixtures.AccessWorld;
import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.returncase.Cancellation;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.settlement.ManualPayment;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.jdbc.JdbcReturnRepository;
import dev.returnkit.jdbc.ReturnkitSchema;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.testing.postgres.FreshPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad-input campaign: more than a hundred distinct bad inputs across every use case, each
 * refused as an {@link InvalidReturnRequestException} naming exactly the field paths written
 * here, with nothing changed (the case, its history, events, payments, labels, stock,
 * notifications), in memory and on PostgreSQL through returns-jdbc.
 */
@DisplayName("The bad-input campaign")
class BadInputCampaignTest {

  private static final String NUL = "\u0000";
  private static final String LONG_NOTE = "x".repeat(2001);
  private static final OrderLineId L1 = AccessWorld.L1;
  private static final AtomicInteger WORLDS = new AtomicInteger();
  private static DataSource postgres;

  /** One bad input: in which state, what call, which paths its violations must name. */
  record Bad(String name, ReturnStatus state, BiConsumer<AccessWorld, ReturnId> call,
      List<String> paths) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static Bad bad(String name, ReturnStatus state, BiConsumer<AccessWorld, ReturnId> call,
      String... paths) {
    return new Bad(name, state, call, List.of(paths));
  }

  private static ReturnRequest request(AccessWorld w, List<RequestedLine> lines, Actor by) {
    ReturnRequest own = w.ownersRequest();
    return new ReturnRequest(own.orderId(), own.customerId(), lines, by);
  }

  private static RequestedLine line(OrderLineId id, int quantity, ReturnReason reason,
      Resolution resolution, String note) {
    return new RequestedLine(id, quantity, reason, resolution, note);
  }

  private static List<Bad> requests(String use, boolean preview) {
    List<Bad> all = new ArrayList<>();
    BiConsumer<AccessWorld, ReturnRequest> send = preview
        ? (w, r) -> w.returns.preview(r) : (w, r) -> w.returns.request(r);
    RequestedLine ok = RequestedLine.of(L1, 1, ReturnReason.DEFECTIVE, Resolution.REFUND);
    List<Object[]> lines = List.of(
        new Object[] {"a line of 0 units", line(L1, 0, ReturnReason.DEFECTIVE, Resolution.REFUND,
            null), "lines[0].quantity"},
        new Object[] {"a line of -1 units", line(L1, -1, ReturnReason.DEFECTIVE,
            Resolution.REFUND, null), "lines[0].quantity"},
        new Object[] {"a line of 10,001 units", line(L1, 10_001, ReturnReason.DEFECTIVE,
            Resolution.REFUND, null), "lines[0].quantity"},
        new Object[] {"a line without reason", line(L1, 1, null, Resolution.REFUND, null),
            "lines[0].reason"},
        new Object[] {"a line without resolution", line(L1, 1, ReturnReason.DEFECTIVE, null,
            null), "lines[0].resolution"},
        new Object[] {"a line without order line", line(null, 1, ReturnReason.DEFECTIVE,
            Resolution.REFUND, null), "lines[0].orderLineId"},
        new Object[] {"a note of 2,001 characters", line(L1, 1, ReturnReason.DEFECTIVE,
            Resolution.REFUND, LONG_NOTE), "lines[0].note"},
        new Object[] {"a note with U+0000", line(L1, 1, ReturnReason.DEFECTIVE,
            Resolution.REFUND, "box" + NUL), "lines[0].note"},
        new Object[] {"a note with a bell", line(L1, 1, ReturnReason.DEFECTIVE,
            Resolution.REFUND, "ding\u0007"), "lines[0].note"},
        new Object[] {"a note with a right-to-left override", line(L1, 1,
            ReturnReason.DEFECTIVE, Resolution.REFUND, "gnp.\u202Eexe"), "lines[0].note"},
        new Object[] {"a note with a lone surrogate", line(L1, 1, ReturnReason.DEFECTIVE,
            Resolution.REFUND, "cut \uD83D"), "lines[0].note"},
        new Object[] {"a note with an escape sequence", line(L1, 1, ReturnReason.DEFECTIVE,
            Resolution.REFUND, "\u001B[31mred"), "lines[0].note"});
    for (Object[] l : lines) {
      all.add(bad(use + ": " + l[0], null, (w, id) -> send.accept(w,
          request(w, List.of((RequestedLine) l[1]), w.owner)), (String) l[2]));
    }
    List<Object[]> actors = List.of(
        new Object[] {"no actor", null, "requestedBy"},
        new Object[] {"an actor without role", new Actor(null, "C-1"), "requestedBy.role"},
        new Object[] {"an actor with a blank id", new Actor(ActorRole.CUSTOMER, " "),
            "requestedBy.id"},
        new Object[] {"an actor id of 65 characters", Actor.customer("c".repeat(65)),
            "requestedBy.id"},
        new Object[] {"an actor id with a newline", Actor.customer("C-1\nWARN forged"),
            "requestedBy.id"},
        new Object[] {"an actor id with a tab", Actor.customer("C-1\tx"), "requestedBy.id"},
        new Object[] {"an actor id with U+0000", Actor.customer("C" + NUL), "requestedBy.id"});
    for (Object[] a : actors) {
      all.add(bad(use + ": " + a[0], null, (w, id) -> send.accept(w,
          request(w, List.of(ok), (Actor) a[1])), (String) a[2]));
    }
    all.add(bad(use + ": no lines", null, (w, id) -> send.accept(w, request(w, List.of(),
        w.owner)), "lines"));
    all.add(bad(use + ": no line list", null, (w, id) -> send.accept(w, request(w, null,
        w.owner)), "lines"));
    all.add(bad(use + ": 101 lines", null, (w, id) -> send.accept(w,
        request(w, Collections.nCopies(101, ok), w.owner)), "lines"));
    all.add(bad(use + ": a null line", null, (w, id) -> send.accept(w,
        request(w, Arrays.asList(ok, null), w.owner)), "lines[1]"));
    all.add(bad(use + ": no order", null, (w, id) -> send.accept(w, new ReturnRequest(null,
        w.ownersRequest().customerId(), List.of(ok), w.owner)), "orderId"));
    all.add(bad(use + ": no customer", null, (w, id) -> send.accept(w, new ReturnRequest(
        w.ownersRequest().orderId(), null, List.of(ok), w.owner)), "customerId"));
    all.add(bad(use + ": an unknown order", null, (w, id) -> send.accept(w, new ReturnRequest(
        OrderId.of("O-404"), w.ownersRequest().customerId(), List.of(ok), w.owner)),
        "orderId"));
    all.add(bad(use + ": another customer named, by an agent", null, (w, id) -> send.accept(w,
        new ReturnRequest(w.ownersRequest().orderId(), CustomerId.of("C-999"), List.of(ok),
            TestShop.AGENT)), "customerId"));
    all.add(bad(use + ": a line not on the order", null, (w, id) -> send.accept(w, request(w,
        List.of(RequestedLine.of(OrderLineId.of("L-9"), 1, ReturnReason.DEFECTIVE,
            Resolution.REFUND)), w.owner)), "lines[0].orderLineId"));
    all.add(bad(use + ": a line twice", null, (w, id) -> send.accept(w, request(w,
        List.of(ok, ok), w.owner)), "lines[1].orderLineId"));
    all.add(bad(use + ": more units than bought", null, (w, id) -> send.accept(w, request(w,
        List.of(RequestedLine.of(L1, 2, ReturnReason.DEFECTIVE, Resolution.REFUND)), w.owner)),
        "lines[0].quantity"));
    return all;
  }

  private static List<Bad> reviews() {
    ReturnStatus s = ReturnStatus.IN_REVIEW;
    return List.of(
        bad("approve: no reviewer", s, (w, id) -> w.returns.approve(id, new Approval(null, "ok")),
            "reviewer"),
        bad("approve: a note of 2,001 characters", s, (w, id) -> w.returns.approve(id,
            new Approval(TestShop.SUPERVISOR, LONG_NOTE)), "note"),
        bad("approve: a note with U+0000", s, (w, id) -> w.returns.approve(id,
            new Approval(TestShop.SUPERVISOR, "fine" + NUL)), "note"),
        bad("approve: a reviewer without role", s, (w, id) -> w.returns.approve(id,
            new Approval(new Actor(null, "sup-1"), null)), "reviewer.role"),
        bad("approve: a reviewer id with a newline", s, (w, id) -> w.returns.approve(id,
            new Approval(Actor.supervisor("sup\n1"), null)), "reviewer.id"),
        bad("approve: a blank reviewer id", s, (w, id) -> w.returns.approve(id,
            new Approval(new Actor(ActorRole.SUPERVISOR, ""), null)), "reviewer.id"),
        bad("reject: no reason code", s, (w, id) -> w.returns.reject(id,
            new Rejection(TestShop.SUPERVISOR, null, null)), "reasonCode"),
        bad("reject: a blank reason code", s, (w, id) -> w.returns.reject(id,
            new Rejection(TestShop.SUPERVISOR, " ", null)), "reasonCode", "reasonCode"),
        bad("reject: a lower-case reason code", s, (w, id) -> w.returns.reject(id,
            new Rejection(TestShop.SUPERVISOR, "abuse", null)), "reasonCode"),
        bad("reject: a reason code with a space", s, (w, id) -> w.returns.reject(id,
            new Rejection(TestShop.SUPERVISOR, "NOT ELIGIBLE", null)), "reasonCode"),
        bad("reject: a reason code of 65 characters", s, (w, id) -> w.returns.reject(id,
            new Rejection(TestShop.SUPERVISOR, "A".repeat(65), null)), "reasonCode"),
        bad("reject: a note with U+0000", s, (w, id) -> w.returns.reject(id,
            new Rejection(TestShop.SUPERVISOR, "NOT_ELIGIBLE", NUL)), "note"),
        bad("reject: no reviewer", s, (w, id) -> w.returns.reject(id,
            new Rejection(null, "NOT_ELIGIBLE", null)), "reviewer"));
  }

  private static CarrierEvent scan(AccessWorld w, ReturnId id, Instant at) {
    return new CarrierEvent(CarrierEventType.IN_TRANSIT, w.tracking(id), at, "Hub");
  }

  private static List<Bad> shipments() {
    ReturnStatus approved = ReturnStatus.APPROVED;
    ReturnStatus awaiting = ReturnStatus.AWAITING_RETURN;
    Actor feed = TestShop.CARRIER_FEED;
    return List.of(
        bad("arrangeShipment: no method", approved, (w, id) -> w.returns.arrangeShipment(id,
            new ShipmentOptions(null, w.owner)), "method"),
        bad("arrangeShipment: no actor", approved, (w, id) -> w.returns.arrangeShipment(id,
            new ShipmentOptions(ShippingMethod.LABEL, null)), "requestedBy"),
        bad("arrangeShipment: an actor id with U+0000", approved, (w, id) ->
            w.returns.arrangeShipment(id, ShipmentOptions.label(Actor.customer("C" + NUL))),
            "requestedBy.id"),
        bad("recordCarrierEvent: no type", awaiting, (w, id) -> w.returns.recordCarrierEvent(id,
            new CarrierEvent(null, w.tracking(id), w.clock.instant(), null), feed), "type"),
        bad("recordCarrierEvent: a blank tracking number", awaiting, (w, id) ->
            w.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT, " ",
                w.clock.instant(), null), feed), "trackingNumber"),
        bad("recordCarrierEvent: a tracking number of 65 characters", awaiting, (w, id) ->
            w.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT,
                "T".repeat(65), w.clock.instant(), null), feed), "trackingNumber"),
        bad("recordCarrierEvent: a tracking number with a newline", awaiting, (w, id) ->
            w.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT,
                w.tracking(id) + "\n", w.clock.instant(), null), feed), "trackingNumber"),
        bad("recordCarrierEvent: no time", awaiting, (w, id) -> w.returns.recordCarrierEvent(id,
            new CarrierEvent(CarrierEventType.IN_TRANSIT, w.tracking(id), null, null), feed),
            "occurredAt"),
        bad("recordCarrierEvent: a location of 201 characters", awaiting, (w, id) ->
            w.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT,
                w.tracking(id), w.clock.instant(), "L".repeat(201)), feed), "location"),
        bad("recordCarrierEvent: a location with U+0000", awaiting, (w, id) ->
            w.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT,
                w.tracking(id), w.clock.instant(), "Hub" + NUL), feed), "location"),
        bad("recordCarrierEvent: another tracking number", awaiting, (w, id) ->
            w.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT,
                "XX999", w.clock.instant(), null), feed), "trackingNumber"),
        bad("recordCarrierEvent: a scan from before the shipment", awaiting, (w, id) ->
            w.returns.recordCarrierEvent(id, scan(w, id, w.clock.instant().minusSeconds(60)),
                feed), "occurredAt"),
        bad("recordCarrierEvent: a scan 365 days ahead", awaiting, (w, id) ->
            w.returns.recordCarrierEvent(id, scan(w, id, w.clock.instant()
                .plus(Duration.ofDays(365))), feed), "occurredAt"),
        bad("recordCarrierEvent: no reporting actor", awaiting, (w, id) ->
            w.returns.recordCarrierEvent(id, scan(w, id, w.clock.instant()), null), "reportedBy"),
        bad("recordCarrierEvent: a reporting actor with a blank id", awaiting, (w, id) ->
            w.returns.recordCarrierEvent(id, scan(w, id, w.clock.instant()),
                new Actor(ActorRole.SYSTEM, "")), "reportedBy.id"));
  }

  private static List<Bad> warehouse() {
    ReturnStatus awaiting = ReturnStatus.AWAITING_RETURN;
    ReturnStatus received = ReturnStatus.RECEIVED;
    ReceivedLine one = new ReceivedLine(L1, 1);
    InspectedLine graded = InspectedLine.of(L1, 1, ItemGrade.A);
    return List.of(
        bad("receive: no actor", awaiting, (w, id) -> w.returns.receive(id,
            new GoodsReceipt(null, List.of(one))), "receivedBy"),
        bad("receive: no line list", awaiting, (w, id) -> w.returns.receive(id,
            new GoodsReceipt(TestShop.WAREHOUSE, null)), "lines"),
        bad("receive: 101 lines", awaiting, (w, id) -> w.returns.receive(id,
            new GoodsReceipt(TestShop.WAREHOUSE, Collections.nCopies(101, one))), "lines"),
        bad("receive: a null line", awaiting, (w, id) -> w.returns.receive(id,
            new GoodsReceipt(TestShop.WAREHOUSE, Arrays.asList(one, null))), "lines[1]"),
        bad("receive: a line without order line", awaiting, (w, id) -> w.returns.receive(id,
            new GoodsReceipt(TestShop.WAREHOUSE, List.of(new ReceivedLine(null, 1)))),
            "lines[0].orderLineId"),
        bad("receive: -1 units", awaiting, (w, id) -> w.returns.receive(id,
            new GoodsReceipt(TestShop.WAREHOUSE, List.of(new ReceivedLine(L1, -1)))),
            "lines[0].quantity"),
        bad("receive: a line not in the case", awaiting, (w, id) -> w.returns.receive(id,
            new GoodsReceipt(TestShop.WAREHOUSE, List.of(new ReceivedLine(
                OrderLineId.of("L-9"), 1)))), "lines[0].orderLineId"),
        bad("receive: a line twice", awaiting, (w, id) -> w.returns.receive(id,
            new GoodsReceipt(TestShop.WAREHOUSE, List.of(one, one))), "lines[1].orderLineId"),
        bad("receive: more units than approved", awaiting, (w, id) -> w.returns.receive(id,
            new GoodsReceipt(TestShop.WAREHOUSE, List.of(new ReceivedLine(L1, 2)))),
            "lines[0].quantity"),
        bad("inspect: no actor", received, (w, id) -> w.returns.inspect(id,
            new InspectionReport(null, List.of(graded))), "inspectedBy"),
        bad("inspect: no line list", received, (w, id) -> w.returns.inspect(id,
            new InspectionReport(TestShop.WAREHOUSE, null)), "lines"),
        bad("inspect: a null line", received, (w, id) -> w.returns.inspect(id,
            new InspectionReport(TestShop.WAREHOUSE, Arrays.asList(graded, null))), "lines[1]"),
        bad("inspect: no grade", received, (w, id) -> w.returns.inspect(id,
            new InspectionReport(TestShop.WAREHOUSE, List.of(new InspectedLine(L1, 1, null,
                Set.of(), null)))), "lines[0].grade"),
        bad("inspect: -1 accepted", received, (w, id) -> w.returns.inspect(id,
            new InspectionReport(TestShop.WAREHOUSE, List.of(new InspectedLine(L1, -1,
                ItemGrade.A, Set.of(), null)))), "lines[0].acceptedQuantity"),
        bad("inspect: a note of 2,001 characters", received, (w, id) -> w.returns.inspect(id,
            new InspectionReport(TestShop.WAREHOUSE, List.of(new InspectedLine(L1, 1,
                ItemGrade.A, Set.of(), LONG_NOTE)))), "lines[0].note"),
        bad("inspect: a note with U+0000", received, (w, id) -> w.returns.inspect(id,
            new InspectionReport(TestShop.WAREHOUSE, List.of(new InspectedLine(L1, 1,
                ItemGrade.A, Set.of(InspectionFinding.PACKAGING_DAMAGED), "dent" + NUL)))),
            "lines[0].note"),
        bad("inspect: a line not received", received, (w, id) -> w.returns.inspect(id,
            new InspectionReport(TestShop.WAREHOUSE, List.of(InspectedLine.of(
                OrderLineId.of("L-9"), 1, ItemGrade.A)))), "lines", "lines[0].orderLineId"),
        bad("inspect: more accepted than received", received, (w, id) -> w.returns.inspect(id,
            new InspectionReport(TestShop.WAREHOUSE, List.of(InspectedLine.of(L1, 2,
                ItemGrade.A)))), "lines[0].acceptedQuantity"),
        bad("syncInventory: no actor", ReturnStatus.INSPECTED, (w, id) ->
            w.returns.syncInventory(id, null), "actor"),
        bad("syncInventory: an actor id with a tab", ReturnStatus.INSPECTED, (w, id) ->
            w.returns.syncInventory(id, Actor.warehouse("wh\t2")), "actor.id"));
  }

  private static List<Bad> money() {
    ReturnStatus inspected = ReturnStatus.INSPECTED;
    ReturnStatus settling = ReturnStatus.SETTLING;
    return List.of(
        bad("settle: no actor", inspected, (w, id) -> w.returns.settle(id, null), "actor"),
        bad("settle: an actor without role", inspected, (w, id) -> w.returns.settle(id,
            new Actor(null, "job")), "actor.role"),
        bad("settle: an actor id with U+0000", inspected, (w, id) -> w.returns.settle(id,
            Actor.system("job" + NUL)), "actor.id"),
        bad("recordManualPayment: no supervisor", settling, (w, id) ->
            w.returns.recordManualPayment(id, new ManualPayment(null, w.refundKey(id), "BANK-7",
                null)), "confirmedBy"),
        bad("recordManualPayment: a blank key", settling, (w, id) ->
            w.returns.recordManualPayment(id, new ManualPayment(TestShop.SUPERVISOR, " ",
                "BANK-7", null)), "idempotencyKey"),
        bad("recordManualPayment: a key of 201 characters", settling, (w, id) ->
            w.returns.recordManualPayment(id, new ManualPayment(TestShop.SUPERVISOR,
                "K".repeat(201), "BANK-7", null)), "idempotencyKey"),
        bad("recordManualPayment: a key with U+0000", settling, (w, id) ->
            w.returns.recordManualPayment(id, new ManualPayment(TestShop.SUPERVISOR,
                w.refundKey(id) + NUL, "BANK-7", null)), "idempotencyKey"),
        bad("recordManualPayment: a blank reference", settling, (w, id) ->
            w.returns.recordManualPayment(id, new ManualPayment(TestShop.SUPERVISOR,
                w.refundKey(id), "", null)), "reference"),
        bad("recordManualPayment: a reference of 101 characters", settling, (w, id) ->
            w.returns.recordManualPayment(id, new ManualPayment(TestShop.SUPERVISOR,
                w.refundKey(id), "B".repeat(101), null)), "reference"),
        bad("recordManualPayment: a reference with a newline", settling, (w, id) ->
            w.returns.recordManualPayment(id, new ManualPayment(TestShop.SUPERVISOR,
                w.refundKey(id), "BANK\n7", null)), "reference"),
        bad("recordManualPayment: a note with U+0000", settling, (w, id) ->
            w.returns.recordManualPayment(id, new ManualPayment(TestShop.SUPERVISOR,
                w.refundKey(id), "BANK-7", NUL)), "note"),
        bad("recordManualPayment: a key the case did not plan", settling, (w, id) ->
            w.returns.recordManualPayment(id, new ManualPayment(TestShop.SUPERVISOR,
                id.value() + "/L-9/ITEM_REFUND", "BANK-7", null)), "idempotencyKey"));
  }

  private static List<Bad> endings() {
    ReturnStatus approved = ReturnStatus.APPROVED;
    return List.of(
        bad("cancel: no actor", approved, (w, id) -> w.returns.cancel(id,
            new Cancellation(null, null)), "cancelledBy"),
        bad("cancel: a reason of 2,001 characters", approved, (w, id) -> w.returns.cancel(id,
            new Cancellation(w.owner, LONG_NOTE)), "reason"),
        bad("cancel: a reason with U+0000", approved, (w, id) -> w.returns.cancel(id,
            new Cancellation(w.owner, "changed" + NUL)), "reason"),
        bad("cancel: a reason with a right-to-left override", approved, (w, id) ->
            w.returns.cancel(id, new Cancellation(w.owner, "\u202Edlo")), "reason"),
        bad("cancel: an actor id with a newline", approved, (w, id) -> w.returns.cancel(id,
            new Cancellation(Actor.customer("C-1\n"), null)), "cancelledBy.id"),
        bad("expireOverdue: no actor", ReturnStatus.AWAITING_RETURN, (w, id) ->
            w.returns.expireOverdue(w.clock.instant().plus(Duration.ofDays(30)), null),
            "actor"),
        bad("expireOverdue: an actor with a blank id", ReturnStatus.AWAITING_RETURN, (w, id) ->
            w.returns.expireOverdue(w.clock.instant().plus(Duration.ofDays(30)),
                new Actor(ActorRole.SYSTEM, " ")), "actor.id"));
  }

  static List<Bad> campaign() {
    List<Bad> all = new ArrayList<>(requests("request", false));
    all.addAll(requests("preview", true));
    all.addAll(reviews());
    all.addAll(shipments());
    all.addAll(warehouse());
    all.addAll(money());
    all.addAll(endings());
    return all;
  }

  static Stream<Arguments> everyBadInput() {
    return campaign().stream().flatMap(bad -> Stream.of(Arguments.of("in memory", bad),
        Arguments.of("on PostgreSQL", bad)));
  }

  @Test
  @DisplayName("has more than a hundred distinct bad inputs, over every use case")
  void isBigEnough() {
    List<Bad> all = campaign();
    Set<String> names = new HashSet<>();
    all.forEach(bad -> assertThat(names.add(bad.name())).as(bad.name()).isTrue());
    assertThat(all).hasSizeGreaterThanOrEqualTo(100);
    assertThat(all).extracting(bad -> bad.name().substring(0, bad.name().indexOf(':')))
        .containsAll(List.of("request", "preview", "approve", "reject", "arrangeShipment",
            "recordCarrierEvent", "receive", "inspect", "syncInventory", "settle",
            "recordManualPayment", "cancel", "expireOverdue"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("everyBadInput")
  void refusesAndChangesNothing(String store, Bad bad) {
    ReturnRepository repository = store.equals("in memory") ? null : postgres();
    AccessWorld world = new AccessWorld(TestPolicies.policies(), repository,
        WORLDS.incrementAndGet());
    ReturnId id = bad.state() == null ? null : world.caseIn(bad.state());
    if (id == null) {
      world.order("40.00");
    }
    Object before = id == null ? null : world.everything(id);
    int cases = world.returns.find(ReturnId.of("R" + WORLDS.get() + "-1")).isPresent() ? 1 : 0;

    Throwable thrown = catchThrowable(() -> bad.call().accept(world, id));

    assertThat(thrown).isInstanceOfSatisfying(InvalidReturnRequestException.class, e -> {
      assertThat(e.violations()).extracting(Violation::path)
          .containsExactlyElementsOf(bad.paths());
      assertThat(e.violations()).allSatisfy(v -> assertThat(v.message()).isNotBlank());
    });
    if (id != null) {
      assertThat(world.everything(id)).isEqualTo(before);
    } else {
      assertThat(world.returns.find(ReturnId.of("R" + WORLDS.get() + "-1"))).isEmpty();
      assertThat(cases).isZero();
      assertThat(world.ports.events().events()).isEmpty();
    }
  }

  private static synchronized ReturnRepository postgres() {
    if (postgres == null) {
      postgres = FreshPostgres.schema().dataSource();
      ReturnkitSchema.migrate(postgres);
    }
    return JdbcReturnRepository.create(postgres);
  }
}
