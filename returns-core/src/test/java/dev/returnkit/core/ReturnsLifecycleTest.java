package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.returncase.Cancellation;
import dev.returnkit.core.returncase.ServiceLevels;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The paths of the lifecycle beyond the happy one, through the facade. */
@DisplayName("The Returns facade")
class ReturnsLifecycleTest {

  private final TestShop shop = new TestShop();

  private ReturnId approvedCase(String orderId) {
    OrderSnapshot order = shop.add(shop.order(orderId)
        .line("L-1", "SKU-BOOTS", "shoes", 1, "120.00").build());
    return shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND)))
        .returnCase().id();
  }

  @Nested
  @DisplayName("when the policy lets the customer keep a cheap faulty item")
  class Returnless {

    @Test
    @DisplayName("skips shipment and inspection and refunds in full")
    void returnlessRefund() {
      OrderSnapshot order = shop.add(shop.order("O-1")
          .line("L-1", "SKU-CABLE", "electronics", 1, "9.99").build());

      ReturnResult requested = shop.returns.request(request(order,
          RequestedLine.of(line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND)));

      ReturnCaseSnapshot c = requested.returnCase();
      assertThat(c.status()).isEqualTo(ReturnStatus.INSPECTED);
      assertThat(c.lines().get(0).returnless()).isTrue();
      assertThat(c.lines().get(0).quantities().accepted()).isEqualTo(1);
      assertThat(c.lines().get(0).liability()).isEqualTo(Liability.SELLER);
      assertThat(shop.returns.history(c.id())).extracting(HistoryEntry::command)
          .containsExactly(ReturnCommand.REQUEST, ReturnCommand.GRANT_RETURNLESS_REFUND);
      assertThat(requested.events()).extracting(ReturnEvent::getClass).containsExactly(
          ReturnEvent.ReturnRequested.class, ReturnEvent.ReturnApproved.class,
          ReturnEvent.ReturnlessRefundGranted.class);

      ReturnCaseSnapshot settled = shop.returns.settle(c.id(),
          TestShop.SETTLEMENT_JOB).returnCase();
      assertThat(settled.paidOut(PaymentKind.REFUND)).isEqualTo(Money.of("14.94", "EUR"));
      assertThat(shop.ports.logistics().requests()).isEmpty();
      assertThat(shop.ports.inventory().applied()).isEmpty();
      assertThatThrownBy(() -> shop.returns.request(request(order,
          RequestedLine.of(line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND))))
          .as("the kept unit cannot be returned again")
          .isInstanceOf(InvalidReturnRequestException.class)
          .hasMessageContaining("must be at most 0");
    }
  }

  @Nested
  @DisplayName("when the carrier loses the parcel")
  class Lost {

    @Test
    @DisplayName("settles without goods, carrier liable, and records a claim against it")
    void lostParcel() {
      ReturnId id = approvedCase("O-1");
      ReturnCaseSnapshot arranged = shop.returns.arrangeShipment(id,
          new ShipmentOptions(ShippingMethod.PICKUP, TestShop.CUSTOMER)).returnCase();
      String tracking = arranged.shipment().trackingNumber();
      shop.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT,
          tracking, shop.clock.instant(), "Depot"), Actor.system("carrier-feed"));

      ReturnCaseSnapshot lost = shop.returns.recordCarrierEvent(id, new CarrierEvent(
          CarrierEventType.LOST, tracking, shop.clock.instant(), null),
              Actor.system("carrier-feed")).returnCase();

      assertThat(lost.status()).isEqualTo(ReturnStatus.LOST_IN_TRANSIT);
      assertThat(lost.lines().get(0).liability()).isEqualTo(Liability.CARRIER);
      assertThat(lost.lines().get(0).quantities().accepted()).isEqualTo(1);
      ReturnResult settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB);
      assertThat(settled.returnCase().paidOut(PaymentKind.REFUND))
          .isEqualTo(Money.of("124.95", "EUR"));
      assertThat(settled.events()).filteredOn(ReturnEvent.CarrierClaimRecorded.class::isInstance)
          .singleElement().satisfies(e -> {
            ReturnEvent.CarrierClaimRecorded claim = (ReturnEvent.CarrierClaimRecorded) e;
            assertThat(claim.carrier()).isEqualTo("returnkit-post");
            assertThat(claim.trackingNumber()).isEqualTo(tracking);
            assertThat(claim.amount()).isEqualTo(Money.of("120.00", "EUR"));
          });
      assertThat(shop.ports.notifier().templatesFor(id)).contains("return.lost-in-transit");
    }

    @Test
    @DisplayName("keeps the lost units from being returned again, before and after settlement")
    void lostUnitsStayHeld() {
      ReturnId id = approvedCase("O-1");
      String tracking = shop.returns.arrangeShipment(id, new ShipmentOptions(
          ShippingMethod.LABEL, TestShop.CUSTOMER)).returnCase().shipment().trackingNumber();
      shop.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT,
          tracking, shop.clock.instant(), null), Actor.system("carrier-feed"));
      shop.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.LOST, tracking,
          shop.clock.instant(), null), Actor.system("carrier-feed"));
      OrderSnapshot order = shop.ports.orders().findOrder(OrderId.of("O-1")).orElseThrow();
      RequestedLine again =
          RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND);

      assertThatThrownBy(() -> shop.returns.request(request(order, again)))
          .isInstanceOf(InvalidReturnRequestException.class)
          .hasMessageContaining("must be at most 0");
      shop.returns.settle(id, TestShop.SETTLEMENT_JOB);
      assertThatThrownBy(() -> shop.returns.request(request(order, again)))
          .isInstanceOf(InvalidReturnRequestException.class)
          .hasMessageContaining("must be at most 0");
    }
  }

  @Nested
  @DisplayName("when carrier reports arrive late or out of order")
  class CarrierReports {

    private String ship(ReturnId id) {
      return shop.returns.arrangeShipment(id, new ShipmentOptions(ShippingMethod.LABEL,
          TestShop.CUSTOMER)).returnCase().shipment().trackingNumber();
    }

    private CarrierEvent report(CarrierEventType type, String tracking) {
      return new CarrierEvent(type, tracking, shop.clock.instant(), "Hub");
    }

    @Test
    @DisplayName("a scanned parcel is due within the transit service level, reset by each scan")
    void transitDeadline() {
      ReturnId id = approvedCase("O-1");
      String tracking = ship(id);
      shop.returns.recordCarrierEvent(id, report(CarrierEventType.IN_TRANSIT, tracking),
          Actor.system("carrier-feed"));
      Instant firstDue = shop.find(id).dueAt();
      assertThat(firstDue).isEqualTo(shop.clock.instant().plus(ServiceLevels.DEFAULT.transit()));

      shop.clock.advance(Duration.ofDays(4));
      shop.returns.recordCarrierEvent(id, report(CarrierEventType.IN_TRANSIT, tracking),
          Actor.system("carrier-feed"));

      assertThat(shop.find(id).dueAt()).isEqualTo(firstDue.plus(Duration.ofDays(4)));
      assertThat(shop.ports.repository().findDue(Set.of(ReturnStatus.IN_TRANSIT),
          firstDue.plus(Duration.ofDays(5)), 10)).extracting(ReturnCaseSnapshot::id)
          .containsExactly(id);
    }

    @Test
    @DisplayName("a transit scan that arrives after the delivery changes nothing")
    void lateScan() {
      ReturnId id = approvedCase("O-1");
      String tracking = ship(id);
      shop.returns.recordCarrierEvent(id,
          report(CarrierEventType.DELIVERED_TO_WAREHOUSE, tracking), Actor.system("carrier-feed"));
      ReturnCaseSnapshot delivered = shop.find(id);
      assertThat(delivered.status()).isEqualTo(ReturnStatus.DELIVERED);

      ReturnResult late = shop.returns.recordCarrierEvent(id,
          report(CarrierEventType.IN_TRANSIT, tracking), Actor.system("carrier-feed"));

      assertThat(late.events()).isEmpty();
      assertThat(shop.find(id)).isEqualTo(delivered);
      assertThat(delivered.dueAt())
          .isEqualTo(delivered.updatedAt().plus(ServiceLevels.DEFAULT.inspection()));
    }

    @Test
    @DisplayName("a loss reported for a delivered parcel is ignored: no refund for goods the "
        + "warehouse has")
    void lossAfterDelivery() {
      ReturnId id = approvedCase("O-1");
      String tracking = ship(id);
      shop.returns.recordCarrierEvent(id,
          report(CarrierEventType.DELIVERED_TO_WAREHOUSE, tracking), Actor.system("carrier-feed"));
      int historyBefore = shop.returns.history(id).size();

      ReturnResult lost = shop.returns.recordCarrierEvent(id,
          report(CarrierEventType.LOST, tracking), Actor.system("carrier-feed"));

      assertThat(lost.returnCase().status()).isEqualTo(ReturnStatus.DELIVERED);
      assertThat(lost.events()).isEmpty();
      assertThat(shop.returns.history(id)).hasSize(historyBefore);
      assertThat(shop.returns.receive(id, new GoodsReceipt(TestShop.WAREHOUSE,
          List.of(new ReceivedLine(line("L-1"), 1)))).returnCase().status())
          .isEqualTo(ReturnStatus.RECEIVED);
    }

    @Test
    @DisplayName("a repeated loss report changes nothing")
    void repeatedLoss() {
      ReturnId id = approvedCase("O-1");
      String tracking = ship(id);
      shop.returns.recordCarrierEvent(id, report(CarrierEventType.IN_TRANSIT, tracking),
          Actor.system("carrier-feed"));
      shop.returns.recordCarrierEvent(id, report(CarrierEventType.LOST, tracking),
          Actor.system("carrier-feed"));
      ReturnCaseSnapshot lost = shop.find(id);

      assertThat(shop.returns.recordCarrierEvent(id, report(CarrierEventType.LOST, tracking),
          Actor.system("carrier-feed"))
          .events()).isEmpty();
      assertThat(shop.find(id)).isEqualTo(lost);
    }

    @Test
    @DisplayName("a parcel scanned for a cancelled return is refused, for someone to look at")
    void scanAfterCancel() {
      ReturnId id = approvedCase("O-1");
      String tracking = ship(id);
      shop.returns.cancel(id, new Cancellation(TestShop.CUSTOMER, "kept it"));

      assertThatThrownBy(() -> shop.returns.recordCarrierEvent(id,
          report(CarrierEventType.IN_TRANSIT, tracking), Actor.system("carrier-feed")))
          .isInstanceOf(IllegalReturnTransitionException.class)
          .hasMessageContaining("CANCELLED").hasMessageContaining("RECORD_IN_TRANSIT");
    }
  }

  @Nested
  @DisplayName("when the customer never sends the goods")
  class Expiry {

    @Test
    @DisplayName("expireOverdue expires only cases past their drop-off deadline and cancels "
        + "their labels")
    void expires() {
      ReturnId late = approvedCase("O-1");
      shop.returns.arrangeShipment(late, new ShipmentOptions(ShippingMethod.LABEL,
          TestShop.CUSTOMER));
      shop.clock.advance(Duration.ofDays(5));
      ReturnId recent = approvedCase("O-2");
      ReturnCaseSnapshot recentCase = shop.returns.arrangeShipment(recent,
          new ShipmentOptions(ShippingMethod.LABEL, TestShop.CUSTOMER)).returnCase();
      Instant deadline = shop.find(late).dueAt();
      assertThat(deadline).isEqualTo(TestShop.START.plus(Duration.ofDays(14)));

      assertThat(shop.returns.expireOverdue(deadline, Actor.SYSTEM)).isEmpty();
      shop.clock.set(deadline.plusSeconds(60));
      List<ReturnResult> expired = shop.returns.expireOverdue(shop.clock.instant(), Actor.SYSTEM);

      assertThat(expired).extracting(r -> r.returnCase().id()).containsExactly(late);
      assertThat(shop.find(late).status()).isEqualTo(ReturnStatus.EXPIRED);
      assertThat(shop.find(late).dueAt()).isNull();
      assertThat(shop.find(recent).status()).isEqualTo(ReturnStatus.AWAITING_RETURN);
      assertThat(shop.ports.logistics().cancelled())
          .containsExactly(shop.find(late).shipment().trackingNumber())
          .doesNotContain(recentCase.shipment().trackingNumber());
      assertThat(shop.ports.logistics().cancelledFor(late))
          .containsExactly(shop.find(late).shipment().trackingNumber());
      assertThat(shop.returns.history(late).get(2).actor()).isEqualTo(Actor.SYSTEM);
      assertThat(shop.ports.notifier().templatesFor(late)).endsWith("return.expired");
      assertThat(shop.returns.expireOverdue(shop.clock.instant(), Actor.SYSTEM)).isEmpty();
    }
  }

  @Test
  @DisplayName("cancelling a case awaiting its goods cancels the label too")
  void cancel() {
    ReturnId id = approvedCase("O-1");
    String tracking = shop.returns.arrangeShipment(id, new ShipmentOptions(ShippingMethod.LABEL,
        TestShop.CUSTOMER)).returnCase().shipment().trackingNumber();

    ReturnCaseSnapshot cancelled = shop.returns.cancel(id,
        new Cancellation(TestShop.CUSTOMER, "found a better size in store")).returnCase();

    assertThat(cancelled.status()).isEqualTo(ReturnStatus.CANCELLED);
    assertThat(shop.ports.logistics().cancelled()).containsExactly(tracking);
    assertThat(shop.ports.logistics().cancelledFor(id)).containsExactly(tracking);
    assertThat(shop.returns.history(id).get(2).note()).isEqualTo("found a better size in store");
  }

  @Test
  @DisplayName("records who did what, when and why in an intact history, and each step's "
      + "deadline")
  void history() {
    OrderSnapshot order = shop.add(shop.order("O-1")
        .line("L-1", "SKU-TV", "electronics", 1, "899.00").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.NOT_AS_DESCRIBED, Resolution.REFUND)))
        .returnCase().id();
    assertThat(shop.find(id).dueAt())
        .isEqualTo(TestShop.START.plus(ServiceLevels.DEFAULT.review()));
    shop.clock.advance(Duration.ofHours(5));
    shop.returns.approve(id, new Approval(Actor.supervisor("sup-1"), "photos match"));
    assertThat(shop.find(id).dueAt()).isEqualTo(shop.clock.instant().plus(Duration.ofDays(1)));

    List<HistoryEntry> history = shop.returns.history(id);
    assertThat(history).hasSize(2);
    HistoryEntry requested = history.get(0);
    assertThat(requested.actor()).isEqualTo(Actor.customer("C-1"));
    assertThat(requested.at()).isEqualTo(TestShop.START);
    assertThat(requested.fromStatus()).isNull();
    assertThat(requested.toStatus()).isEqualTo(ReturnStatus.IN_REVIEW);
    // The line's codes and rules, then the case's (who pays return shipping).
    assertThat(requested.reasonCodes())
        .containsExactly("HIGH_VALUE", "SELLER_PAYS_RETURN_SHIPPING");
    assertThat(requested.rules())
        .containsExactly("eligibility/high-value-review", "eligibility/shipping-payer");
    HistoryEntry approved = history.get(1);
    assertThat(approved.actor().role()).isEqualTo(ActorRole.SUPERVISOR);
    assertThat(approved.at()).isEqualTo(TestShop.START.plus(Duration.ofHours(5)));
    assertThat(approved.note()).isEqualTo("photos match");
    assertThat(approved.fromStatus()).isEqualTo(ReturnStatus.IN_REVIEW);
    assertThat(approved.toStatus()).isEqualTo(ReturnStatus.APPROVED);
    assertThat(HistoryChain.firstBrokenLink(history)).isEmpty();
  }

  @Test
  @DisplayName("publishes the events it returns, in order, after storing the case")
  void publishesAfterStoring() {
    ReturnId id = approvedCase("O-1");
    ReturnResult arranged = shop.returns.arrangeShipment(id,
        new ShipmentOptions(ShippingMethod.LABEL, TestShop.CUSTOMER));

    assertThat(shop.ports.events().eventsOf(id)).endsWith(
        arranged.events().toArray(ReturnEvent[]::new));
    assertThat(arranged.events()).singleElement().satisfies(e -> {
      assertThat(e.eventId()).isEqualTo(id.value() + "/2/0");
      assertThat(e.header().historySequence()).isEqualTo(2);
    });
  }

  @Test
  @DisplayName("keeps a stored change when publishing or notifying fails afterwards")
  void deliveryFailures() {
    InMemoryPorts ports = InMemoryPorts.create(shop.clock);
    Returns fragile = ports.wire(Returns.builder())
        .events(events -> {
          throw new IllegalStateException("broker down");
        })
        .notifier(message -> {
          throw new IllegalStateException("mail server down");
        })
        .policies(TestPolicies.policies()).clock(shop.clock)
        .ids(ReturnIdSource.sequential("R")).build();
    OrderSnapshot order = shop.order("O-1").line("L-1", "SKU-BOOTS", "shoes", 1, "120.00")
        .build();
    ports.orders().put(order);

    ReturnResult result = fragile.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND)));

    assertThat(result.returnCase().status()).isEqualTo(ReturnStatus.APPROVED);
    assertThat(ports.repository().findById(result.returnCase().id())).contains(
        result.returnCase());
  }
}
