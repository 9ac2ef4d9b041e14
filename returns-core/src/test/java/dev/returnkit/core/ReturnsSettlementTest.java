package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.inmemory.InMemoryPaymentGateway;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.settlement.LineSettlement;
import dev.returnkit.core.settlement.ManualPayment;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.settlement.SettlementLineFacts;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.AccessDeniedException;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.PaymentRejectedException;
import dev.returnkit.spi.PaymentUnavailableException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.inventory.StockMovement;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Money is never paid twice, nor above what was paid. */
@DisplayName("Settlement")
class ReturnsSettlementTest {

  /**
   * A payment provider in front of the in-memory one that fails on chosen keys: either before
   * paying (an outage), or after paying (the answer was lost on the way back: the worst case).
   */
  static final class FlakyPayments implements PaymentGateway {
    final InMemoryPaymentGateway provider;
    final Set<String> failBefore = new HashSet<>();
    final Set<String> failAfter = new HashSet<>();
    final Set<String> refuse = new HashSet<>();

    FlakyPayments(InMemoryPaymentGateway provider) {
      this.provider = provider;
    }

    @Override
    public PaymentReceipt pay(PaymentInstruction instruction) {
      String key = instruction.idempotencyKey();
      if (refuse.contains(key)) {
        throw new PaymentRejectedException("account closed");
      }
      if (failBefore.remove(key)) {
        throw new PaymentUnavailableException("timeout before " + key, null);
      }
      PaymentReceipt receipt = provider.pay(instruction);
      if (failAfter.remove(key)) {
        throw new PaymentUnavailableException("connection reset after " + key, null);
      }
      return receipt;
    }

    @Override
    public Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
      return provider.findReceipt(idempotencyKey);
    }
  }

  private final TestShop base = new TestShop();
  private final FlakyPayments flaky = new FlakyPayments(base.ports.payments());
  private final Returns returns = shopWith(TestPolicies.policies(), base.ports, flaky);

  private Returns shopWith(ReturnPolicies policies, InMemoryPorts ports, PaymentGateway pay) {
    return ports.wire(Returns.builder()).payments(pay).policies(policies).clock(base.clock)
        .ids(ReturnIdSource.sequential("R")).build();
  }

  /** Two shirts and a belt, returned because the seller shipped the wrong ones. */
  private ReturnId inspectedCase(Returns facade, TestShop shop) {
    OrderSnapshot order = shop.add(shop.order("O-1").shipping("5.00")
        .line("L-1", "SKU-SHIRT", "apparel", 2, "40.00")
        .line("L-2", "SKU-BELT", "apparel", 1, "25.00").build());
    ReturnId id = facade.request(request(order,
        RequestedLine.of(line("L-1"), 2, ReturnReason.WRONG_ITEM_SHIPPED, Resolution.REFUND),
        RequestedLine.of(line("L-2"), 1, ReturnReason.WRONG_ITEM_SHIPPED, Resolution.REFUND)))
        .returnCase().id();
    ShipThrough.facade(facade, shop, id);
    facade.inspect(id, new InspectionReport(TestShop.WAREHOUSE,
        List.of(InspectedLine.of(line("L-1"), 2, ItemGrade.A, InspectionFinding.WRONG_ITEM),
            InspectedLine.of(line("L-2"), 1, ItemGrade.A, InspectionFinding.WRONG_ITEM))));
    return id;
  }

  private static final String KEY_L1 = "R-1/L-1/ITEM_REFUND";
  private static final String KEY_L2 = "R-1/L-2/ITEM_REFUND";
  private static final String KEY_SHIPPING = "R-1/OUTBOUND_SHIPPING_REFUND";

  @Test
  @DisplayName("pays each planned payment once, keyed by case, line and purpose")
  void paysOnce() {
    ReturnId id = inspectedCase(returns, base);

    ReturnResult result = returns.settle(id, TestShop.SETTLEMENT_JOB);

    assertThat(result.returnCase().status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(flaky.provider.receipts()).extracting(PaymentReceipt::idempotencyKey)
        .containsExactly(KEY_L1, KEY_L2, KEY_SHIPPING);
    assertThat(flaky.provider.totalPaidOut("PAY-O-1")).contains(Money.of("110.00", "EUR"));
    assertThat(flaky.provider.calls()).allSatisfy(instruction ->
        assertThat(instruction.limit()).isEqualTo(Money.of("110.00", "EUR")));
    List<HistoryEntry> history = returns.history(id);
    assertThat(history).extracting(HistoryEntry::command).endsWith(
        ReturnCommand.BEGIN_SETTLEMENT, ReturnCommand.RECORD_PAYMENT,
        ReturnCommand.RECORD_PAYMENT, ReturnCommand.RECORD_PAYMENT,
        ReturnCommand.COMPLETE_SETTLEMENT);
    // The money is in the tamper-evident history, for the books.
    assertThat(history.get(history.size() - 5).note()).isEqualTo("to refund EUR 110.00 (tax "
        + "EUR 0.00), store credit EUR 0.00, restocking fees EUR 0.00, return shipping charged "
        + "EUR 0.00, outbound shipping refunded EUR 5.00");
    assertThat(history.get(history.size() - 4).note())
        .isEqualTo("REFUND EUR 80.00 " + KEY_L1 + " confirmed as PAY-1");
  }

  @Test
  @DisplayName("resumed after the provider paid but its answer was lost, pays nothing twice")
  void lostAnswer() {
    ReturnId id = inspectedCase(returns, base);
    flaky.failAfter.add(KEY_L2);

    assertThatThrownBy(() -> returns.settle(id, TestShop.SETTLEMENT_JOB))
        .isInstanceOf(PaymentUnavailableException.class);
    ReturnCaseSnapshot interrupted = base.find(id);
    assertThat(interrupted.status()).isEqualTo(ReturnStatus.SETTLING);
    assertThat(interrupted.payments()).extracting(p -> p.isPaid())
        .containsExactly(true, false, false);
    assertThat(flaky.provider.receipts()).hasSize(2);

    ReturnResult resumed = returns.settle(id, TestShop.SETTLEMENT_JOB);

    assertThat(resumed.returnCase().status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(flaky.provider.receipts()).extracting(PaymentReceipt::idempotencyKey)
        .containsExactly(KEY_L1, KEY_L2, KEY_SHIPPING);
    assertThat(flaky.provider.calls()).extracting(PaymentInstruction::idempotencyKey)
        .containsExactly(KEY_L1, KEY_L2, KEY_L2, KEY_SHIPPING);
    assertThat(flaky.provider.totalPaidOut("PAY-O-1")).contains(Money.of("110.00", "EUR"));
    assertThat(resumed.returnCase().paidOut(PaymentKind.REFUND))
        .isEqualTo(Money.of("110.00", "EUR"));
  }

  @Test
  @DisplayName("interrupted before anything was paid, keeps its stored plan and resumes it")
  void outageBeforePaying() {
    ReturnId id = inspectedCase(returns, base);
    flaky.failBefore.add(KEY_L1);

    assertThatThrownBy(() -> returns.settle(id, TestShop.SETTLEMENT_JOB))
        .isInstanceOf(PaymentUnavailableException.class);
    assertThat(base.find(id).status()).isEqualTo(ReturnStatus.SETTLING);
    assertThat(base.find(id).payments()).hasSize(3).noneMatch(p -> p.isPaid());

    assertThat(returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase().status())
        .isEqualTo(ReturnStatus.COMPLETED);
    assertThat(flaky.provider.receipts()).hasSize(3);
  }

  @Test
  @DisplayName("called again after completion is refused and pays nothing")
  void duplicateCall() {
    ReturnId id = inspectedCase(returns, base);
    returns.settle(id, TestShop.SETTLEMENT_JOB);

    assertThatThrownBy(() -> returns.settle(id, TestShop.SETTLEMENT_JOB))
        .isInstanceOf(IllegalReturnTransitionException.class)
        .hasMessageContaining("COMPLETED").hasMessageContaining("BEGIN_SETTLEMENT");
    assertThat(flaky.provider.calls()).hasSize(3);
  }

  @Nested
  @DisplayName("refused by the provider for good")
  class Refused {

    private ReturnId stuckCase() {
      ReturnId id = inspectedCase(returns, base);
      flaky.refuse.add(KEY_L2);
      assertThatThrownBy(() -> returns.settle(id, TestShop.SETTLEMENT_JOB))
          .isInstanceOf(PaymentRejectedException.class)
          .hasMessage("account closed");
      return id;
    }

    @Test
    @DisplayName("stays settling, with what was paid recorded")
    void staysSettling() {
      ReturnCaseSnapshot stuck = base.find(stuckCase());

      assertThat(stuck.status()).isEqualTo(ReturnStatus.SETTLING);
      assertThat(stuck.line(line("L-1")).orElseThrow().money().paidOut())
          .isEqualTo(Money.of("80.00", "EUR"));
      assertThat(stuck.line(line("L-2")).orElseThrow().money().paidOut().isZero()).isTrue();
    }

    @Test
    @DisplayName("completes once a supervisor confirms the rest was paid another way")
    void manualPayment() {
      ReturnId id = stuckCase();
      // The remaining payments: the belt (refused) and the shipping (never reached).
      returns.recordManualPayment(id, new ManualPayment(Actor.supervisor("sup-1"), KEY_SHIPPING,
          "BANK-7", "refunded with the belt"));
      ReturnResult done = returns.recordManualPayment(id, new ManualPayment(
          Actor.supervisor("sup-1"), KEY_L2, "BANK-7", "card closed; paid by bank transfer"));

      assertThat(done.returnCase().status()).isEqualTo(ReturnStatus.COMPLETED);
      assertThat(done.returnCase().paidOut(PaymentKind.REFUND))
          .isEqualTo(Money.of("110.00", "EUR"));
      assertThat(done.returnCase().payments()).filteredOn(p -> p.idempotencyKey().equals(KEY_L2))
          .singleElement().satisfies(p ->
              assertThat(p.providerReference()).isEqualTo("OUTSIDE:BANK-7"));
      HistoryEntry confirmation = returns.history(id).stream()
          .filter(e -> e.note() != null && e.note().startsWith("card closed")).findFirst()
          .orElseThrow();
      assertThat(confirmation.actor()).isEqualTo(Actor.supervisor("sup-1"));
      assertThat(confirmation.reasonCodes())
          .containsExactly("ITEM_REFUND", "PAID_OUTSIDE_PROVIDER");
      // Only the provider's own payment went through it.
      assertThat(flaky.provider.totalPaidOut("PAY-O-1")).contains(Money.of("80.00", "EUR"));
    }

    @Test
    @DisplayName("accepts a manual payment only from a supervisor, and only for a payment "
        + "still open")
    void manualPaymentChecks() {
      ReturnId id = stuckCase();
      ReturnCaseSnapshot before = base.find(id);

      assertThatThrownBy(() -> returns.recordManualPayment(id,
          new ManualPayment(TestShop.AGENT, KEY_L2, "BANK-7", null)))
          .isInstanceOfSatisfying(AccessDeniedException.class, e ->
              assertThat(e.reason()).isEqualTo("only SUPERVISOR may recordManualPayment"));
      assertThatThrownBy(() -> returns.recordManualPayment(id,
          new ManualPayment(Actor.supervisor("sup-1"), KEY_L1, "BANK-7", null)))
          .isInstanceOfSatisfying(InvalidReturnRequestException.class, e ->
              assertThat(e.violations()).containsExactly(new Violation("idempotencyKey",
                  "return case R-1 has no unpaid planned payment " + KEY_L1)));
      assertThat(base.find(id)).isEqualTo(before);
    }
  }

  @Test
  @DisplayName("keeps the payments that went through when the provider fails in an "
      + "unexpected way")
  void unexpectedProviderFailure() {
    PaymentGateway broken = new PaymentGateway() {
      @Override
      public PaymentReceipt pay(PaymentInstruction instruction) {
        if (instruction.idempotencyKey().equals(KEY_L2)) {
          throw new UncheckedIOException(new IOException("socket reset"));
        }
        return flaky.provider.pay(instruction);
      }

      @Override
      public Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
        return flaky.provider.findReceipt(idempotencyKey);
      }
    };
    Returns facade = shopWith(TestPolicies.policies(), base.ports, broken);
    ReturnId id = inspectedCase(facade, base);

    assertThatThrownBy(() -> facade.settle(id, TestShop.SETTLEMENT_JOB))
        .isInstanceOf(UncheckedIOException.class);

    assertThat(base.find(id).line(line("L-1")).orElseThrow().money().paidOut())
        .isEqualTo(Money.of("80.00", "EUR"));
    assertThat(base.ports.events().eventsOf(ReturnEvent.RefundIssued.class)).hasSize(1);
    assertThat(returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase().status())
        .isEqualTo(ReturnStatus.COMPLETED);
  }

  @Nested
  @DisplayName("when the inventory system is down")
  class InventoryOutage {

    final boolean[] down = {false};
    final InventoryGateway wms = movement -> {
      if (down[0]) {
        throw new IllegalStateException("WMS down");
      }
      return base.ports.inventory().apply(movement);
    };
    final Returns facade = base.ports.wire(Returns.builder()).inventory(wms)
        .policies(TestPolicies.policies()).clock(base.clock)
        .ids(ReturnIdSource.sequential("R")).build();

    @Test
    @DisplayName("still refunds the customer, and syncInventory repairs the stock later")
    void refundsAnyway() {
      down[0] = true;
      ReturnId id = inspectedCase(facade, base);

      assertThat(facade.settle(id, TestShop.SETTLEMENT_JOB).returnCase().status())
          .isEqualTo(ReturnStatus.COMPLETED);
      assertThat(base.ports.inventory().applied()).isEmpty();

      down[0] = false;
      assertThat(facade.syncInventory(id, Actor.SYSTEM)).hasSize(2);
      assertThat(base.ports.inventory().units(Sku.of("SKU-SHIRT"), Disposition.RESTOCK))
          .isEqualTo(2);
      facade.syncInventory(id, Actor.SYSTEM);
      assertThat(base.ports.inventory().applied()).hasSize(2);
    }

    @Test
    @DisplayName("is told as soon as the inspection is stored, before any money moves")
    void stockMovesAfterInspection() {
      ReturnId id = inspectedCase(facade, base);

      assertThat(facade.find(id).orElseThrow().status()).isEqualTo(ReturnStatus.INSPECTED);
      assertThat(base.ports.inventory().applied()).extracting(StockMovement::idempotencyKey)
          .containsExactly("R-1/L-1/STOCK", "R-1/L-2/STOCK");
    }

    @Test
    @DisplayName("during the inspection only, has the stock moved on settlement")
    void settleResendsStock() {
      down[0] = true;
      ReturnId id = inspectedCase(facade, base);
      down[0] = false;

      facade.settle(id, TestShop.SETTLEMENT_JOB);

      assertThat(base.ports.inventory().applied()).extracting(StockMovement::idempotencyKey)
          .containsExactly("R-1/L-1/STOCK", "R-1/L-2/STOCK");
    }
  }

  @Test
  @DisplayName("refunds outbound shipping as store credit when every line is settled in credit")
  void shippingFollowsStoreCredit() {
    OrderSnapshot order = base.add(base.order("O-1").shipping("5.00")
        .line("L-1", "SKU-SHIRT", "apparel", 1, "40.00").build());
    ReturnId id = returns.request(request(order, RequestedLine.of(line("L-1"), 1,
        ReturnReason.WRONG_ITEM_SHIPPED, Resolution.STORE_CREDIT))).returnCase().id();
    ShipThrough.facade(returns, base, id);
    base.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.A, InspectionFinding.WRONG_ITEM));

    ReturnCaseSnapshot settled = returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();

    assertThat(settled.paidOut(PaymentKind.STORE_CREDIT)).isEqualTo(Money.of("45.00", "EUR"));
    assertThat(settled.paidOut(PaymentKind.REFUND).isZero()).isTrue();
  }

  @Test
  @DisplayName("counts a settlement still in progress against the next case of the order")
  void settlingCaseCountsInLedger() {
    OrderSnapshot order = base.add(base.order("O-1").shipping("5.00")
        .line("L-1", "SKU-SHIRT", "apparel", 1, "40.00")
        .line("L-2", "SKU-BELT", "apparel", 1, "25.00")
        .line("L-3", "SKU-COAT", "apparel", 1, "200.00").build());
    List<ReturnId> ids = new ArrayList<>();
    for (String l : List.of("L-1", "L-2")) {
      ReturnId id = returns.request(request(order, RequestedLine.of(line(l), 1,
          ReturnReason.WRONG_ITEM_SHIPPED, Resolution.REFUND))).returnCase().id();
      ShipThrough.facade(returns, base, id);
      base.inspect(id, InspectedLine.of(line(l), 1, ItemGrade.A, InspectionFinding.WRONG_ITEM));
      ids.add(id);
    }
    flaky.failBefore.add("R-1/OUTBOUND_SHIPPING_REFUND");
    assertThatThrownBy(() -> returns.settle(ids.get(0), TestShop.SETTLEMENT_JOB))
        .isInstanceOf(PaymentUnavailableException.class);

    returns.settle(ids.get(1), TestShop.SETTLEMENT_JOB);
    returns.settle(ids.get(0), TestShop.SETTLEMENT_JOB);

    assertThat(base.find(ids.get(0)).outboundShippingRefund())
        .isEqualTo(Money.of("5.00", "EUR"));
    assertThat(base.find(ids.get(1)).outboundShippingRefund().isZero()).isTrue();
    assertThat(flaky.provider.totalPaidOut("PAY-O-1")).contains(Money.of("70.00", "EUR"));
  }

  @Nested
  @DisplayName("with a policy that asks for too much")
  class GreedyPolicy {

    /** Refunds ten times the price, takes a negative fee, refunds EUR 100 of shipping. */
    final ReturnPolicies greedy = new ReturnPolicies(TestPolicies::eligibility,
        TestPolicies::liability, TestPolicies::disposition, facts -> {
          List<LineSettlement> lines = new ArrayList<>();
          for (SettlementLineFacts line : facts.lines()) {
            lines.add(new LineSettlement(line.orderLineId(), line.paidForAccepted().times(10),
                Money.of("-3.00", "EUR"), Resolution.REFUND, Rationale.of("GENEROUS", "greedy")));
          }
          return new SettlementDecision(lines, Money.of("0", "EUR"), Money.of("100", "EUR"),
              Rationale.NONE);
        }, TestPolicies.access());

    @Test
    @DisplayName("is clamped to what was paid, and the history says so")
    void clamped() {
      TestShop shop = new TestShop(greedy);
      ReturnId id = inspectedCase(shop.returns, shop);

      ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();

      assertThat(settled.line(line("L-1")).orElseThrow().money().itemRefund())
          .isEqualTo(Money.of("80.00", "EUR"));
      assertThat(settled.outboundShippingRefund()).isEqualTo(Money.of("5.00", "EUR"));
      assertThat(shop.ports.payments().totalPaidOut("PAY-O-1"))
          .contains(Money.of("110.00", "EUR"));
      HistoryEntry planned = shop.returns.history(id).stream()
          .filter(e -> e.command() == ReturnCommand.BEGIN_SETTLEMENT).findFirst().orElseThrow();
      assertThat(planned.reasonCodes()).containsExactly("GENEROUS",
          "ITEM_REFUND_CLAMPED:L-1", "RESTOCKING_FEE_CLAMPED:L-1",
          "ITEM_REFUND_CLAMPED:L-2", "RESTOCKING_FEE_CLAMPED:L-2",
          "OUTBOUND_SHIPPING_REFUND_CLAMPED");
      assertThat(planned.rules()).containsExactly("greedy");
    }

    @Test
    @DisplayName("across two cases of one order never refunds an order line or its shipping "
        + "beyond what was paid")
    void acrossCases() {
      TestShop shop = new TestShop(greedy);
      OrderSnapshot order = shop.add(shop.order("O-1").shipping("5.00")
          .line("L-1", "SKU-SHIRT", "apparel", 2, "40.00").build());
      List<ReturnId> ids = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        ReturnId id = shop.returns.request(request(order, RequestedLine.of(line("L-1"), 1,
            ReturnReason.WRONG_ITEM_SHIPPED, Resolution.REFUND))).returnCase().id();
        shop.shipAndReceiveAll(id);
        shop.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.A,
            InspectionFinding.WRONG_ITEM));
        // Settled before the next request: an open case on the line would send it to review.
        shop.returns.settle(id, TestShop.SETTLEMENT_JOB);
        ids.add(id);
      }

      assertThat(shop.ports.payments().totalPaidOut("PAY-O-1"))
          .contains(Money.of("85.00", "EUR"));
      assertThat(shop.find(ids.get(0)).outboundShippingRefund())
          .isEqualTo(Money.of("5.00", "EUR"));
      assertThat(shop.find(ids.get(1)).outboundShippingRefund().isZero()).isTrue();
    }
  }

  /** Ships, scans and receives every approved unit through a given facade. */
  static final class ShipThrough {
    static void facade(Returns facade, TestShop shop, ReturnId id) {
      facade.arrangeShipment(id, new ShipmentOptions(ShippingMethod.LABEL, TestShop.CUSTOMER));
      ReturnCaseSnapshot arranged = facade.find(id).orElseThrow();
      facade.receive(id, new GoodsReceipt(TestShop.WAREHOUSE, arranged.lines().stream()
          .map(l -> new ReceivedLine(l.orderLineId(), l.quantities().approved())).toList()));
    }
  }
}
