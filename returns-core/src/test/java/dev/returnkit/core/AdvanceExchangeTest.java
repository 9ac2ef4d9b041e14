package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.access.AccessDecision;
import dev.returnkit.core.access.AccessPolicy;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityPolicy;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.returncase.Cancellation;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.AccessDeniedException;
import dev.returnkit.spi.PaymentUnavailableException;
import dev.returnkit.spi.ReturnsException;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.exchange.ReplacementOrder;
import dev.returnkit.spi.exchange.ReplacementOrders;
import dev.returnkit.spi.exchange.ReplacementRequest;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Operation;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Advance exchanges (DOMAIN.md, issue 12): the replacement goes out as soon as the return
 * shipment is arranged, and goods that do not come back are charged at the replacement's price.
 * Never both the money and a free replacement.
 */
@DisplayName("An advance exchange")
class AdvanceExchangeTest {

  /** The shop the tests run in; a subclass stores its cases elsewhere. */
  protected TestShop shop(ReturnPolicies policies, UnaryOperator<Returns.Builder> change) {
    return new TestShop(policies, null, change);
  }

  private static final ReplacementItem DEARER =
      new ReplacementItem(Sku.of("SKU-1-L"), 1, Money.of("55.00", "EUR"));

  @Test
  @DisplayName("sends its replacement when the shipment is arranged, keyed by the case; the "
      + "settlement charges only the difference and places nothing more")
  void sentAheadThenSettledAsAnExchange() {
    TestShop shop = advanceShop();
    OrderSnapshot order = shop.add(order(shop, "O-1", 1, "40.00"));
    assertThat(shop.returns.preview(request(order, RequestedLine.exchange(line("L-1"), 1,
        ReturnReason.WRONG_ITEM_SHIPPED, DEARER))).advanceExchange()).isTrue();
    ReturnId id = shop.returns.request(request(order, RequestedLine.exchange(line("L-1"), 1,
        ReturnReason.WRONG_ITEM_SHIPPED, DEARER))).id();
    assertThat(shop.find(id).lines().get(0).advanceExchange()).isTrue();
    assertThat(shop.ports.replacements().placed()).isEmpty();

    arrange(shop, id);

    assertThat(shop.ports.replacements().placed()).singleElement().satisfies(placed -> {
      assertThat(placed.idempotencyKey()).isEqualTo("R-1/REPLACEMENT");
      assertThat(placed.advance()).isTrue();
      assertThat(placed.items()).containsExactly(DEARER);
    });
    String sent = shop.ports.replacements().find("R-1/REPLACEMENT").orElseThrow().orderId()
        .value();

    receiveAndInspect(shop, id, 1);
    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();

    assertThat(settled.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(settled.payments()).singleElement().satisfies(charge -> {
      assertThat(charge.purpose()).isEqualTo(PaymentPurpose.EXCHANGE_DIFFERENCE);
      assertThat(charge.amount()).isEqualTo(Money.of("15.00", "EUR"));
    });
    assertThat(shop.ports.replacements().placed()).hasSize(1);
    assertThat(shop.returns.history(id)).last().satisfies(entry ->
        assertThat(entry.note()).isEqualTo("replacement order " + sent
            + " placed (R-1/REPLACEMENT)"));
    assertThat(shop.ports.events().eventsOf(ReturnEvent.ExchangeOrdered.class)).singleElement()
        .satisfies(event -> assertThat(event.replacementOrder().value()).isEqualTo(sent));
  }

  @Test
  @DisplayName("whose goods never come back by the drop-off deadline is charged the "
      + "replacement's price, settles and completes instead of expiring")
  void deadlinePassedChargesTheReplacement() {
    TestShop shop = advanceShop();
    OrderSnapshot order = shop.add(order(shop, "O-2", 2, "60.00"));
    ReturnId id = shop.returns.request(request(order, RequestedLine.of(line("L-1"), 2,
        ReturnReason.DEFECTIVE, Resolution.EXCHANGE))).id();
    arrange(shop, id);
    shop.clock.advance(Duration.ofDays(15));

    List<ReturnResult> results =
        shop.returns.expireOverdue(shop.clock.instant(), TestShop.SETTLEMENT_JOB);

    assertThat(results).singleElement().satisfies(result -> assertThat(result.events())
        .anyMatch(ReturnEvent.SettlementStarted.class::isInstance)
        .anyMatch(ReturnEvent.ExchangeDifferenceCharged.class::isInstance)
        .anyMatch(ReturnEvent.ReturnCompleted.class::isInstance));
    ReturnCaseSnapshot charged = shop.find(id);
    assertThat(charged.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(charged.payments()).singleElement().satisfies(charge -> {
      assertThat(charge.idempotencyKey()).isEqualTo("R-1/L-1/ADVANCE_REPLACEMENT");
      assertThat(charge.purpose()).isEqualTo(PaymentPurpose.ADVANCE_REPLACEMENT);
      assertThat(charge.kind()).isEqualTo(PaymentKind.CHARGE);
      // Two units of the same item again, at what one was paid: EUR 60.00 each.
      assertThat(charge.amount()).isEqualTo(Money.of("120.00", "EUR"));
      assertThat(charge.isPaid()).isTrue();
    });
    assertThat(shop.ports.payments().calls()).singleElement().satisfies(call -> {
      assertThat(call.kind()).isEqualTo(PaymentKind.CHARGE);
      assertThat(call.paymentReference()).isEqualTo("PAY-O-2");
      assertThat(call.lines()).singleElement()
          .satisfies(part -> assertThat(part.units()).isEqualTo(2));
    });
    assertThat(charged.paidOut(PaymentKind.REFUND)).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(shop.returns.history(id)).extracting(entry -> entry.command())
        .contains(ReturnCommand.CHARGE_ADVANCE_REPLACEMENT)
        .doesNotContain(ReturnCommand.EXPIRE);
    assertThat(shop.ports.logistics().cancelledFor(id)).hasSize(1);
    // The same order, not a second one.
    assertThat(shop.ports.replacements().placed()).hasSize(1);
    assertThat(shop.ports.notifier().templatesFor(id))
        .contains("return.advance-replacement-charged");
  }

  @Test
  @DisplayName("whose charge the provider does not confirm at the deadline is left settling, "
      + "returned by the expiry job with the others, and settled by a retry that charges once")
  void chargeUnconfirmedAtTheDeadline() {
    DownOnce down = new DownOnce();
    TestShop shop = shop(TestPolicies.exchangingInAdvance(), builder -> builder.payments(down));
    down.delegate = shop.ports.payments();
    OrderSnapshot order = shop.add(order(shop, "O-10", 1, "40.00"));
    ReturnId id = shop.returns.request(request(order, RequestedLine.of(line("L-1"), 1,
        ReturnReason.DEFECTIVE, Resolution.EXCHANGE))).id();
    arrange(shop, id);
    shop.clock.advance(Duration.ofDays(15));

    List<ReturnResult> results =
        shop.returns.expireOverdue(shop.clock.instant(), TestShop.SETTLEMENT_JOB);

    assertThat(results).singleElement().satisfies(result ->
        assertThat(result.returnCase().status()).isEqualTo(ReturnStatus.SETTLING));
    assertThat(shop.find(id).payments()).singleElement()
        .satisfies(charge -> assertThat(charge.isPaid()).isFalse());

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();

    assertThat(settled.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(shop.ports.payments().receipts()).singleElement().satisfies(receipt ->
        assertThat(receipt.amount()).isEqualTo(Money.of("40.00", "EUR")));
  }

  @Test
  @DisplayName("charges the units that did not come back at the replacement's price and the "
      + "others' difference: 2 sent ahead, 1 back, EUR 15.00 + 55.00")
  void partlyReturned() {
    TestShop shop = advanceShop();
    OrderSnapshot order = shop.add(order(shop, "O-3", 2, "40.00"));
    ReturnId id = shop.returns.request(request(order, RequestedLine.exchange(line("L-1"), 2,
        ReturnReason.WRONG_ITEM_SHIPPED, new ReplacementItem(Sku.of("SKU-1-L"), 2,
            Money.of("55.00", "EUR"))))).id();
    arrange(shop, id);
    receiveAndInspect(shop, id, 1);

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();

    assertThat(settled.payments()).extracting(SettlementPayment::purpose,
        SettlementPayment::amount).containsExactly(
            tuple(PaymentPurpose.EXCHANGE_DIFFERENCE,
                Money.of("15.00", "EUR")),
            tuple(PaymentPurpose.ADVANCE_REPLACEMENT,
                Money.of("55.00", "EUR")));
    assertThat(settled.money().totalCharged()).isEqualTo(Money.of("70.00", "EUR"));
    assertThat(shop.ports.payments().calls()).filteredOn(call -> call.idempotencyKey()
        .endsWith("/ADVANCE_REPLACEMENT")).singleElement().satisfies(call ->
            assertThat(call.lines()).singleElement()
                .satisfies(part -> assertThat(part.units()).isEqualTo(1)));
    assertThat(shop.returns.history(id)).filteredOn(entry ->
        entry.command() == ReturnCommand.BEGIN_SETTLEMENT).singleElement().satisfies(entry ->
            assertThat(entry.note()).endsWith(", exchange differences charged EUR 15.00, "
                + "advance replacements charged EUR 55.00"));
    assertThat(shop.ports.replacements().placed()).singleElement().satisfies(placed ->
        assertThat(placed.items()).containsExactly(
            new ReplacementItem(Sku.of("SKU-1-L"), 2, Money.of("55.00", "EUR"))));
  }

  @Test
  @DisplayName("lost by the carrier on its way back leaves the replacement free: the customer "
      + "sent the goods, nothing is charged or refunded")
  void lostInTransit() {
    TestShop shop = advanceShop();
    OrderSnapshot order = shop.add(order(shop, "O-4", 1, "40.00"));
    ReturnId id = shop.returns.request(request(order, RequestedLine.of(line("L-1"), 1,
        ReturnReason.DEFECTIVE, Resolution.EXCHANGE))).id();
    arrange(shop, id);
    String tracking = shop.find(id).shipment().trackingNumber();
    shop.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT, tracking,
        shop.clock.instant(), "Hub"), TestShop.CARRIER_FEED);
    shop.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.LOST, tracking,
        shop.clock.instant(), "Hub"), TestShop.CARRIER_FEED);

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();

    assertThat(settled.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(settled.payments()).isEmpty();
    assertThat(shop.ports.replacements().placed()).hasSize(1);
  }

  @Test
  @DisplayName("cancelled calls its replacement back; when the order system cannot (it has "
      + "shipped), the case is not cancelled and stays as it was")
  void cancellation() {
    TestShop shop = advanceShop();
    OrderSnapshot order = shop.add(order(shop, "O-5", 1, "40.00"));
    ReturnId id = shop.returns.request(request(order, RequestedLine.of(line("L-1"), 1,
        ReturnReason.DEFECTIVE, Resolution.EXCHANGE))).id();
    arrange(shop, id);

    shop.returns.cancel(id, new Cancellation(TestShop.CUSTOMER, "changed my mind"));

    assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.CANCELLED);
    assertThat(shop.ports.replacements().find("R-1/REPLACEMENT").orElseThrow().isCancelled())
        .isTrue();

    Shipped shipped = new Shipped();
    TestShop refusing = shop(TestPolicies.exchangingInAdvance(),
        builder -> builder.replacements(shipped));
    shipped.delegate = refusing.ports.replacements();
    OrderSnapshot other = refusing.add(order(refusing, "O-6", 1, "40.00"));
    ReturnId held = refusing.returns.request(request(other, RequestedLine.of(line("L-1"), 1,
        ReturnReason.DEFECTIVE, Resolution.EXCHANGE))).id();
    arrange(refusing, held);
    ReturnCaseSnapshot before = refusing.find(held);

    assertThatThrownBy(() -> refusing.returns.cancel(held,
        new Cancellation(TestShop.CUSTOMER, "changed my mind")))
        .isInstanceOf(ReturnsException.class).hasMessageContaining("already shipped");
    assertThat(refusing.find(held)).isEqualTo(before);
    assertThat(refusing.ports.logistics().cancelledFor(held)).isEmpty();
  }

  @Test
  @DisplayName("whose replacement could not be placed expires as any return when the deadline "
      + "passes: nothing was sent, nothing is charged")
  void notPlacedThenExpired() {
    Shipped down = new Shipped();
    down.placing = false;
    TestShop shop = shop(TestPolicies.exchangingInAdvance(),
        builder -> builder.replacements(down));
    down.delegate = shop.ports.replacements();
    OrderSnapshot order = shop.add(order(shop, "O-7", 1, "40.00"));
    ReturnId id = shop.returns.request(request(order, RequestedLine.of(line("L-1"), 1,
        ReturnReason.DEFECTIVE, Resolution.EXCHANGE))).id();

    arrange(shop, id);
    assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.AWAITING_RETURN);
    shop.clock.advance(Duration.ofDays(15));
    shop.returns.expireOverdue(shop.clock.instant(), TestShop.SETTLEMENT_JOB);

    assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.EXPIRED);
    assertThat(shop.find(id).payments()).isEmpty();
    assertThat(shop.ports.payments().calls()).isEmpty();
    assertThat(shop.ports.events().eventsOf(ReturnEvent.ReturnExpired.class)).singleElement()
        .satisfies(expired -> assertThat(expired.dropOffDeadline())
            .isEqualTo(shop.find(id).shipment().dropOffDeadline()));
  }

  @Test
  @DisplayName("is charged at the deadline only if the access policy lets the job settle: "
      + "refused, the case stays waiting and nothing is charged")
  void chargeNeedsTheRightToSettle() {
    ReturnPolicies policies = TestPolicies.exchangingInAdvance();
    AccessPolicy noSettling = request -> request.operation() == Operation.SETTLE
        ? AccessDecision.refused("the expiry job may not settle")
        : policies.access().decide(request);
    TestShop shop = shop(policies.withAccess(noSettling), UnaryOperator.identity());
    OrderSnapshot order = shop.add(order(shop, "O-14", 1, "40.00"));
    ReturnId id = shop.returns.request(request(order, RequestedLine.of(line("L-1"), 1,
        ReturnReason.DEFECTIVE, Resolution.EXCHANGE))).id();
    arrange(shop, id);
    shop.clock.advance(Duration.ofDays(15));

    assertThatThrownBy(() -> shop.returns.expireOverdue(shop.clock.instant(),
        TestShop.SETTLEMENT_JOB)).isInstanceOf(AccessDeniedException.class);
    assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.AWAITING_RETURN);
    assertThat(shop.ports.payments().calls()).isEmpty();
  }

  @Test
  @DisplayName("whose replacement the host cancelled is expired, not charged, when the "
      + "deadline passes")
  void cancelledAtTheHostThenExpired() {
    TestShop shop = advanceShop();
    OrderSnapshot order = shop.add(order(shop, "O-11", 1, "40.00"));
    ReturnId id = shop.returns.request(request(order, RequestedLine.of(line("L-1"), 1,
        ReturnReason.DEFECTIVE, Resolution.EXCHANGE))).id();
    arrange(shop, id);
    shop.ports.replacements().cancel("R-1/REPLACEMENT");
    shop.clock.advance(Duration.ofDays(15));

    shop.returns.expireOverdue(shop.clock.instant(), TestShop.SETTLEMENT_JOB);

    assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.EXPIRED);
    assertThat(shop.ports.payments().calls()).isEmpty();
  }

  @Test
  @DisplayName("is none for a case that opens in review, or as a returnless refund, whatever "
      + "the policy granted its lines")
  void onlyForCasesApprovedWithGoodsComingBack() {
    TestShop shop = advanceShop();
    OrderSnapshot order = shop.add(OrderSnapshot.builder("O-12", "C-1", "EUR")
        .placedAt(shop.clock.instant().minus(Duration.ofDays(4)))
        .deliveredAt(shop.clock.instant().minus(Duration.ofDays(2)))
        .line("L-1", "SKU-1", "apparel", 1, "40.00")
        .line("L-2", "SKU-2", "apparel", 1, "600.00").paymentReference("PAY-O-12").build());
    // L-2 goes to review (over EUR 500); L-1 is approved with its advance grant.
    ReturnId reviewed = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.EXCHANGE),
        RequestedLine.of(line("L-2"), 1, ReturnReason.DEFECTIVE, Resolution.EXCHANGE))).id();
    assertThat(shop.find(reviewed).status()).isEqualTo(ReturnStatus.IN_REVIEW);
    assertThat(shop.find(reviewed).lines()).noneMatch(l -> l.advanceExchange());

    EligibilityPolicy keepAndAdvance = facts -> new EligibilityDecision(facts.lines().stream()
        .map(l -> new LineEligibility(l.orderLine().id(), LineVerdict.APPROVED, true,
            Rationale.of("RETURNLESS_REFUND", "test"), true)).toList(),
        ReturnShippingPayer.SELLER, Rationale.NONE);
    ReturnPolicies policies = TestPolicies.policies();
    TestShop keeping = shop(new ReturnPolicies(keepAndAdvance, policies.liability(),
        policies.disposition(), policies.settlement(), policies.access()),
        UnaryOperator.identity());
    OrderSnapshot cheap = keeping.add(order(keeping, "O-13", 1, "15.00"));
    ReturnId kept = keeping.returns.request(request(cheap, RequestedLine.of(line("L-1"), 1,
        ReturnReason.DEFECTIVE, Resolution.EXCHANGE))).id();
    assertThat(keeping.find(kept).lines()).noneMatch(l -> l.advanceExchange());
  }

  @Test
  @DisplayName("is not granted without a replacement-order port: the host could not send it "
      + "ahead, so the deadline expires the case")
  void withoutThePort() {
    TestShop shop = shop(TestPolicies.exchangingInAdvance(),
        builder -> builder.replacements(null));
    OrderSnapshot order = shop.add(order(shop, "O-8", 1, "40.00"));
    ReturnId id = shop.returns.request(request(order, RequestedLine.of(line("L-1"), 1,
        ReturnReason.DEFECTIVE, Resolution.EXCHANGE))).id();

    assertThat(shop.find(id).lines().get(0).advanceExchange()).isFalse();
    arrange(shop, id);
    shop.clock.advance(Duration.ofDays(15));
    shop.returns.expireOverdue(shop.clock.instant(), TestShop.SETTLEMENT_JOB);
    assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.EXPIRED);
  }

  @Test
  @DisplayName("is all or nothing per case: one exchange the policy keeps back, and none goes "
      + "ahead")
  void allOrNothing() {
    TestShop shop = advanceShop();
    OrderSnapshot order = shop.add(OrderSnapshot.builder("O-9", "C-1", "EUR")
        .placedAt(shop.clock.instant().minus(Duration.ofDays(4)))
        .deliveredAt(shop.clock.instant().minus(Duration.ofDays(2)))
        .line("L-1", "SKU-1", "apparel", 1, "40.00")
        .line("L-2", "SKU-2", "apparel", 1, "10.00").paymentReference("PAY-O-9").build());
    // L-2 is a returnless refund candidate in the test policies (seller's fault, under EUR 20),
    // which the advance grant leaves out; with L-1 an exchange, the case is not returnless.
    var both = request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.EXCHANGE),
        RequestedLine.of(line("L-2"), 1, ReturnReason.DEFECTIVE, Resolution.EXCHANGE));

    var preview = shop.returns.preview(both);
    ReturnId id = shop.returns.request(both).id();

    assertThat(preview.status()).isEqualTo(ReturnStatus.APPROVED);
    assertThat(preview.advanceExchange()).isFalse();
    assertThat(preview.decision().lines()).extracting(l -> l.advanceExchange())
        .containsExactly(true, false);
    assertThat(shop.find(id).lines()).extracting(l -> l.advanceExchange())
        .containsExactly(false, false);
  }

  private TestShop advanceShop() {
    return shop(TestPolicies.exchangingInAdvance(), UnaryOperator.identity());
  }

  private static void arrange(TestShop shop, ReturnId id) {
    shop.returns.arrangeShipment(id, new ShipmentOptions(ShippingMethod.LABEL,
        TestShop.CUSTOMER));
  }

  private static void receiveAndInspect(TestShop shop, ReturnId id, int units) {
    shop.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT,
        shop.find(id).shipment().trackingNumber(), shop.clock.instant(), "Hub"),
        TestShop.CARRIER_FEED);
    shop.returns.receive(id, new GoodsReceipt(TestShop.WAREHOUSE,
        List.of(new ReceivedLine(line("L-1"), units))));
    shop.inspect(id, InspectedLine.of(line("L-1"), units, ItemGrade.A,
        InspectionFinding.FUNCTIONAL_FAULT));
    shop.clock.advance(Duration.ofMinutes(1));
  }

  private static OrderSnapshot order(TestShop shop, String id, int units, String unitPrice) {
    return OrderSnapshot.builder(id, "C-1", "EUR")
        .placedAt(shop.clock.instant().minus(Duration.ofDays(4)))
        .deliveredAt(shop.clock.instant().minus(Duration.ofDays(2)))
        .line("L-1", "SKU-1", "apparel", units, unitPrice).paymentReference("PAY-" + id)
        .build();
  }

  /** A payment provider that cannot be reached on the first call. */
  private static final class DownOnce implements PaymentGateway {
    PaymentGateway delegate;
    boolean down = true;

    @Override
    public PaymentReceipt pay(PaymentInstruction instruction) {
      if (down) {
        down = false;
        throw new PaymentUnavailableException("provider down", null);
      }
      return delegate.pay(instruction);
    }

    @Override
    public Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
      return delegate.findReceipt(idempotencyKey);
    }
  }

  /** An order system whose replacements ship at once: it cannot cancel them; or is down. */
  private static final class Shipped implements ReplacementOrders {
    ReplacementOrders delegate;
    boolean placing = true;

    @Override
    public ReplacementOrder place(ReplacementRequest request) {
      if (!placing) {
        throw new ReturnsException("order system down");
      }
      return delegate.place(request);
    }

    @Override
    public Optional<ReplacementOrder> cancel(String idempotencyKey) {
      throw new ReturnsException("replacement " + idempotencyKey + " already shipped");
    }

    @Override
    public Optional<ReplacementOrder> find(String idempotencyKey) {
      return delegate.find(idempotencyKey);
    }
  }
}
