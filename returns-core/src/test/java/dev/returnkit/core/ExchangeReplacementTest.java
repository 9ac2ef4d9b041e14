package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.settlement.ManualPayment;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.PaymentRejectedException;
import dev.returnkit.spi.ReturnsException;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.exchange.ReplacementOrder;
import dev.returnkit.spi.exchange.ReplacementOrders;
import dev.returnkit.spi.exchange.ReplacementRequest;
import dev.returnkit.spi.history.HistoryEntry;
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
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The replacement order of an exchange, through the {@code ReplacementOrders} port: placed once
 * per case when the settlement's payments are through, noted in the history.
 */
@DisplayName("The replacement order of an exchange")
class ExchangeReplacementTest {

  @Test
  @DisplayName("is placed at settlement, keyed by the case: the same item again when the "
      + "customer named no other, at what one unit was paid; its id goes into the history")
  void sameItemAgain() {
    TestShop shop = new TestShop();
    OrderSnapshot order = shop.add(order(shop, "O-1", 2, "60.00"));
    ReturnId id = exchange(shop, order, RequestedLine.of(line("L-1"), 2,
        ReturnReason.DEFECTIVE, Resolution.EXCHANGE),
        InspectionFinding.FUNCTIONAL_FAULT);

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();

    assertThat(settled.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(settled.payments()).isEmpty();
    assertThat(shop.ports.replacements().placed()).singleElement().satisfies(placed -> {
      assertThat(placed.idempotencyKey()).isEqualTo("R-1/REPLACEMENT");
      assertThat(placed.originalOrder()).isEqualTo(order.id());
      assertThat(placed.customerId()).isEqualTo(order.customerId());
      assertThat(placed.advance()).isFalse();
      assertThat(placed.items()).containsExactly(
          new ReplacementItem(Sku.of("SKU-1"), 2, Money.of("60.00", "EUR")));
    });
    String orderId = shop.ports.replacements().find("R-1/REPLACEMENT").orElseThrow()
        .orderId().value();
    assertThat(completion(shop, id).note())
        .isEqualTo("replacement order " + orderId + " placed (R-1/REPLACEMENT)");
    assertThat(shop.ports.events().eventsOf(ReturnEvent.ExchangeOrdered.class)).singleElement()
        .satisfies(event -> {
          assertThat(event.replacement()).isEqualTo(
              new ReplacementItem(Sku.of("SKU-1"), 2, Money.of("60.00", "EUR")));
          assertThat(event.replacementOrder().value()).isEqualTo(orderId);
        });
  }

  @Test
  @DisplayName("is placed only after a dearer exchange's difference is charged; when the order "
      + "system fails, the charge stays recorded, the case stays settling, and a retry charges "
      + "nothing more and places one order")
  void afterTheChargeAndOnce() {
    FailingOnce failing = new FailingOnce();
    TestShop shop = new TestShop(TestPolicies.policies(), null,
        builder -> builder.replacements(failing));
    failing.delegate = shop.ports.replacements();
    failing.shop = shop;
    OrderSnapshot order = shop.add(order(shop, "O-2", 1, "40.00"));
    ReturnId id = exchange(shop, order, RequestedLine.exchange(line("L-1"), 1,
        ReturnReason.WRONG_ITEM_SHIPPED, new ReplacementItem(Sku.of("SKU-1-L"), 1,
            Money.of("55.00", "EUR"))), InspectionFinding.WRONG_ITEM);

    assertThatThrownBy(() -> shop.returns.settle(id, TestShop.SETTLEMENT_JOB))
        .isInstanceOf(ReturnsException.class).hasMessageContaining("order system down");
    ReturnCaseSnapshot stuck = shop.find(id);
    assertThat(stuck.status()).isEqualTo(ReturnStatus.SETTLING);
    assertThat(stuck.payments()).singleElement().satisfies(charge -> {
      assertThat(charge.kind()).isEqualTo(PaymentKind.CHARGE);
      assertThat(charge.isPaid()).isTrue();
    });

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();

    assertThat(settled.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(failing.chargesSeenAtEachCall).containsExactly(1, 1);
    assertThat(shop.ports.payments().receipts()).hasSize(1);
    assertThat(shop.ports.replacements().placed()).singleElement()
        .satisfies(placed -> assertThat(placed.items()).containsExactly(
            new ReplacementItem(Sku.of("SKU-1-L"), 1, Money.of("55.00", "EUR"))));
    assertThat(shop.ports.events().eventsOf(ReturnEvent.ExchangeOrdered.class)).hasSize(1);
  }

  @Test
  @DisplayName("is placed when a supervisor confirms the refused charge paid another way; when "
      + "the order system fails then, the payment stays recorded and settling again places it")
  void afterAManualPayment() {
    FailingOnce failing = new FailingOnce();
    TestShop shop = new TestShop(TestPolicies.policies(), null,
        builder -> builder.replacements(failing).payments(new RefusingGateway()));
    failing.delegate = shop.ports.replacements();
    failing.shop = shop;
    OrderSnapshot order = shop.add(order(shop, "O-4", 1, "40.00"));
    ReturnId id = exchange(shop, order, RequestedLine.exchange(line("L-1"), 1,
        ReturnReason.WRONG_ITEM_SHIPPED, new ReplacementItem(Sku.of("SKU-1-L"), 1,
            Money.of("55.00", "EUR"))), InspectionFinding.WRONG_ITEM);
    assertThatThrownBy(() -> shop.returns.settle(id, TestShop.SETTLEMENT_JOB))
        .isInstanceOf(PaymentRejectedException.class);
    ManualPayment paidByTransfer = new ManualPayment(TestShop.SUPERVISOR,
        "R-1/L-1/EXCHANGE_DIFFERENCE", "BANK-77", "paid by bank transfer");

    assertThatThrownBy(() -> shop.returns.recordManualPayment(id, paidByTransfer))
        .isInstanceOf(ReturnsException.class).hasMessageContaining("order system down");
    ReturnCaseSnapshot stuck = shop.find(id);
    assertThat(stuck.status()).isEqualTo(ReturnStatus.SETTLING);
    assertThat(stuck.payments()).singleElement()
        .satisfies(charge -> assertThat(charge.isPaid()).isTrue());

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();

    assertThat(settled.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(shop.ports.replacements().placed()).hasSize(1);
    assertThat(completion(shop, id).note()).startsWith("replacement order ");
  }

  @Test
  @DisplayName("replaces, and charges, only the units the warehouse accepted: 2 asked, 1 came "
      + "back, one replacement and EUR 15.00 charged")
  void onlyAcceptedUnits() {
    TestShop shop = new TestShop();
    OrderSnapshot order = shop.add(order(shop, "O-5", 2, "40.00"));
    ReturnId id = shop.returns.request(request(order, RequestedLine.exchange(line("L-1"), 2,
        ReturnReason.WRONG_ITEM_SHIPPED, new ReplacementItem(Sku.of("SKU-1-L"), 2,
            Money.of("55.00", "EUR"))))).id();
    shop.returns.arrangeShipment(id, new ShipmentOptions(ShippingMethod.LABEL,
        TestShop.CUSTOMER));
    shop.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT,
        shop.find(id).shipment().trackingNumber(), shop.clock.instant(), "Hub"),
        TestShop.CARRIER_FEED);
    shop.returns.receive(id, new GoodsReceipt(TestShop.WAREHOUSE,
        List.of(new ReceivedLine(line("L-1"), 1))));
    shop.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.A, InspectionFinding.WRONG_ITEM));

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();

    assertThat(settled.lines().get(0).quantities().accepted()).isEqualTo(1);
    assertThat(settled.payments()).singleElement().satisfies(charge -> {
      assertThat(charge.kind()).isEqualTo(PaymentKind.CHARGE);
      assertThat(charge.amount()).isEqualTo(Money.of("15.00", "EUR"));
    });
    assertThat(shop.ports.payments().calls()).singleElement().satisfies(call ->
        assertThat(call.lines()).singleElement()
            .satisfies(part -> assertThat(part.units()).isEqualTo(1)));
    assertThat(shop.ports.replacements().placed()).singleElement().satisfies(placed ->
        assertThat(placed.items()).containsExactly(
            new ReplacementItem(Sku.of("SKU-1-L"), 1, Money.of("55.00", "EUR"))));
  }

  @Test
  @DisplayName("is left to the host, on the ExchangeOrdered event, without the port")
  void withoutThePort() {
    TestShop shop = new TestShop(TestPolicies.policies(), null,
        builder -> builder.replacements(null));
    OrderSnapshot order = shop.add(order(shop, "O-3", 1, "40.00"));
    ReturnId id = exchange(shop, order, RequestedLine.of(line("L-1"), 1,
        ReturnReason.DEFECTIVE, Resolution.EXCHANGE),
        InspectionFinding.FUNCTIONAL_FAULT);

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();

    assertThat(settled.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(shop.ports.replacements().placed()).isEmpty();
    assertThat(completion(shop, id).note()).isNull();
    // The event says what to send, and that the host is to place it.
    assertThat(shop.ports.events().eventsOf(ReturnEvent.ExchangeOrdered.class)).singleElement()
        .satisfies(event -> {
          assertThat(event.replacement()).isEqualTo(
              new ReplacementItem(Sku.of("SKU-1"), 1, Money.of("40.00", "EUR")));
          assertThat(event.replacementOrder()).isNull();
        });
  }

  private static OrderSnapshot order(TestShop shop, String id, int units, String paid) {
    return OrderSnapshot.builder(id, "C-1", "EUR")
        .placedAt(shop.clock.instant().minus(Duration.ofDays(4)))
        .deliveredAt(shop.clock.instant().minus(Duration.ofDays(2)))
        .line("L-1", "SKU-1", "apparel", units, paid).paymentReference("PAY-" + id).build();
  }

  private static ReturnId exchange(TestShop shop, OrderSnapshot order, RequestedLine line,
      InspectionFinding finding) {
    ReturnId id = shop.returns.request(request(order, line)).id();
    shop.shipAndReceiveAll(id);
    shop.inspect(id, InspectedLine.of(line("L-1"), line.quantity(), ItemGrade.A, finding));
    shop.clock.advance(Duration.ofMinutes(1));
    return id;
  }

  private static HistoryEntry completion(TestShop shop, ReturnId id) {
    return shop.returns.history(id).stream()
        .filter(entry -> entry.command() == ReturnCommand.COMPLETE_SETTLEMENT).findFirst()
        .orElseThrow();
  }

  /** A payment provider that refuses every payment for good. */
  private static final class RefusingGateway implements PaymentGateway {
    @Override
    public PaymentReceipt pay(PaymentInstruction instruction) {
      throw new PaymentRejectedException("card closed");
    }

    @Override
    public Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
      return Optional.empty();
    }
  }

  /** An order system that is down on the first call, and notes what was charged by then. */
  private static final class FailingOnce implements ReplacementOrders {
    ReplacementOrders delegate;
    TestShop shop;
    final List<Integer> chargesSeenAtEachCall = new ArrayList<>();

    @Override
    public ReplacementOrder place(ReplacementRequest request) {
      chargesSeenAtEachCall.add((int) shop.ports.payments().receipts().stream()
          .filter(receipt -> receipt.kind() == PaymentKind.CHARGE).count());
      if (chargesSeenAtEachCall.size() == 1) {
        throw new ReturnsException("order system down");
      }
      return delegate.place(request);
    }

    @Override
    public Optional<ReplacementOrder> cancel(String idempotencyKey) {
      return delegate.cancel(idempotencyKey);
    }

    @Override
    public Optional<ReplacementOrder> find(String idempotencyKey) {
      return delegate.find(idempotencyKey);
    }
  }
}
