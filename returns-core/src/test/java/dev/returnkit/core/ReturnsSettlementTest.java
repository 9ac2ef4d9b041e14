package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.command.GoodsReceipt;
import dev.returnkit.core.command.InspectedLine;
import dev.returnkit.core.command.InspectionReport;
import dev.returnkit.core.command.ReceivedLine;
import dev.returnkit.core.command.RequestedLine;
import dev.returnkit.core.command.ShipmentOptions;
import dev.returnkit.core.decision.LineSettlement;
import dev.returnkit.core.decision.Rationale;
import dev.returnkit.core.decision.ReturnPolicies;
import dev.returnkit.core.decision.SettlementDecision;
import dev.returnkit.core.decision.SettlementLineFacts;
import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.inmemory.InMemoryPaymentGateway;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.returncase.IllegalReturnTransitionException;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.payment.PaymentRejectedException;
import dev.returnkit.spi.payment.PaymentUnavailableException;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
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

    ReturnResult result = returns.settle(id, TestShop.AGENT);

    assertThat(result.returnCase().status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(flaky.provider.receipts()).extracting(PaymentReceipt::idempotencyKey)
        .containsExactly(KEY_L1, KEY_L2, KEY_SHIPPING);
    assertThat(flaky.provider.totalPaidOut("PAY-O-1")).contains(Money.of("110.00", "EUR"));
    assertThat(flaky.provider.calls()).allSatisfy(instruction ->
        assertThat(instruction.limit()).isEqualTo(Money.of("110.00", "EUR")));
    assertThat(returns.history(id)).extracting(HistoryEntry::command).endsWith(
        ReturnCommand.BEGIN_SETTLEMENT, ReturnCommand.RECORD_PAYMENT,
        ReturnCommand.RECORD_PAYMENT, ReturnCommand.RECORD_PAYMENT,
        ReturnCommand.COMPLETE_SETTLEMENT);
  }

  @Test
  @DisplayName("resumed after the provider paid but its answer was lost, pays nothing twice")
  void lostAnswer() {
    ReturnId id = inspectedCase(returns, base);
    flaky.failAfter.add(KEY_L2);

    assertThatThrownBy(() -> returns.settle(id, TestShop.AGENT))
        .isInstanceOf(PaymentUnavailableException.class);
    ReturnCaseSnapshot interrupted = base.find(id);
    assertThat(interrupted.status()).isEqualTo(ReturnStatus.SETTLING);
    assertThat(interrupted.payments()).extracting(p -> p.isPaid())
        .containsExactly(true, false, false);
    assertThat(flaky.provider.receipts()).hasSize(2);

    ReturnResult resumed = returns.settle(id, TestShop.AGENT);

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

    assertThatThrownBy(() -> returns.settle(id, TestShop.AGENT))
        .isInstanceOf(PaymentUnavailableException.class);
    assertThat(base.find(id).status()).isEqualTo(ReturnStatus.SETTLING);
    assertThat(base.find(id).payments()).hasSize(3).noneMatch(p -> p.isPaid());

    assertThat(returns.settle(id, TestShop.AGENT).returnCase().status())
        .isEqualTo(ReturnStatus.COMPLETED);
    assertThat(flaky.provider.receipts()).hasSize(3);
  }

  @Test
  @DisplayName("called again after completion is refused and pays nothing")
  void duplicateCall() {
    ReturnId id = inspectedCase(returns, base);
    returns.settle(id, TestShop.AGENT);

    assertThatThrownBy(() -> returns.settle(id, TestShop.AGENT))
        .isInstanceOf(IllegalReturnTransitionException.class)
        .hasMessageContaining("COMPLETED").hasMessageContaining("BEGIN_SETTLEMENT");
    assertThat(flaky.provider.calls()).hasSize(3);
  }

  @Test
  @DisplayName("refused by the provider, stays settling with what was paid recorded")
  void refused() {
    ReturnId id = inspectedCase(returns, base);
    flaky.refuse.add(KEY_L2);

    assertThatThrownBy(() -> returns.settle(id, TestShop.AGENT))
        .isInstanceOf(PaymentRejectedException.class)
        .hasMessage("account closed");
    ReturnCaseSnapshot stuck = base.find(id);
    assertThat(stuck.status()).isEqualTo(ReturnStatus.SETTLING);
    assertThat(stuck.line(line("L-1")).orElseThrow().money().paidOut())
        .isEqualTo(Money.of("80.00", "EUR"));
    assertThat(stuck.line(line("L-2")).orElseThrow().money().paidOut().isZero()).isTrue();
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
        });

    @Test
    @DisplayName("is clamped to what was paid, and the history says so")
    void clamped() {
      TestShop shop = new TestShop(greedy);
      ReturnId id = inspectedCase(shop.returns, shop);

      ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.AGENT).returnCase();

      assertThat(settled.line(line("L-1")).orElseThrow().money().itemRefund())
          .isEqualTo(Money.of("80.00", "EUR"));
      assertThat(settled.outboundShippingRefund()).isEqualTo(Money.of("5.00", "EUR"));
      assertThat(shop.ports.payments().totalPaidOut("PAY-O-1"))
          .contains(Money.of("110.00", "EUR"));
      HistoryEntry planned = shop.returns.history(id).stream()
          .filter(e -> e.command() == ReturnCommand.BEGIN_SETTLEMENT).findFirst().orElseThrow();
      assertThat(planned.reasonCodes()).contains("ITEM_REFUND_CLAMPED:L-1",
          "ITEM_REFUND_CLAMPED:L-2", "RESTOCKING_FEE_CLAMPED:L-1",
          "OUTBOUND_SHIPPING_REFUND_CLAMPED", "GENEROUS");
      assertThat(planned.rules()).contains("greedy");
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
        shop.returns.settle(id, TestShop.AGENT);
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
