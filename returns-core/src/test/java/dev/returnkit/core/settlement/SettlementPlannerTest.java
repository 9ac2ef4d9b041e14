package dev.returnkit.core.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.storage.LineMoney;
import dev.returnkit.spi.storage.LineQuantities;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The settlement planner on its own, table-driven: each row is a case's lines, what the policy
 * said and what the order's other cases refunded, with the plan expected for it written out:
 * the money of each line, the payments in order, the outbound shipping refunded and the clamp
 * codes.
 */
@DisplayName("The settlement planner")
class SettlementPlannerTest {

  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
  private static final OrderLineId L1 = OrderLineId.of("L-1");
  private static final OrderLineId L2 = OrderLineId.of("L-2");

  /** A line of the case: price paid per unit, units bought, units accepted. */
  record CaseLine(OrderLineId id, String price, int bought, int accepted) {}

  /** What the policy said for a line. */
  record Said(OrderLineId id, String refund, String fee, Resolution method) {}

  /** The line money the plan must have: item refund, fee, shipping charge. */
  record Expected(OrderLineId id, Resolution method, String refund, String fee, String charge) {}

  /** A payment the plan must make, in order. */
  record Pays(OrderLineId line, PaymentKind kind, String amount) {}

  record Row(String name, String currency, List<CaseLine> lines, List<Said> said, String charge,
      String outbound, String shippingPaid, String refundedBefore, String shippingRefundedBefore,
      List<Expected> expected, List<Pays> payments, String outboundRefunded,
      List<String> clamps) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Row> rows() {
    Resolution refund = Resolution.REFUND;
    Resolution credit = Resolution.STORE_CREDIT;
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("a full refund pays what the policy said", "EUR",
        List.of(new CaseLine(L1, "30.00", 2, 2)), List.of(new Said(L1, "60.00", "0.00", refund)),
        "0.00", "0.00", "4.95", null, null,
        List.of(new Expected(L1, refund, "60.00", "0.00", "0.00")),
        List.of(new Pays(L1, PaymentKind.REFUND, "60.00")), "0.00", List.of()));
    rows.add(new Row("a refund above what was paid for the accepted units is clamped", "EUR",
        List.of(new CaseLine(L1, "30.00", 2, 1)), List.of(new Said(L1, "60.00", "0.00", refund)),
        "0.00", "0.00", "4.95", null, null,
        List.of(new Expected(L1, refund, "30.00", "0.00", "0.00")),
        List.of(new Pays(L1, PaymentKind.REFUND, "30.00")), "0.00",
        List.of("ITEM_REFUND_CLAMPED:L-1")));
    rows.add(new Row("a negative refund and a negative fee become zero", "EUR",
        List.of(new CaseLine(L1, "30.00", 2, 2)),
        List.of(new Said(L1, "-5.00", "-1.00", refund)),
        "0.00", "0.00", "4.95", null, null,
        List.of(new Expected(L1, refund, "0.00", "0.00", "0.00")), List.of(), "0.00",
        List.of("ITEM_REFUND_CLAMPED:L-1", "RESTOCKING_FEE_CLAMPED:L-1")));
    rows.add(new Row("a fee above the refund takes all of it and nothing is paid", "EUR",
        List.of(new CaseLine(L1, "10.00", 1, 1)), List.of(new Said(L1, "10.00", "12.00", refund)),
        "0.00", "0.00", "4.95", null, null,
        List.of(new Expected(L1, refund, "10.00", "10.00", "0.00")), List.of(), "0.00",
        List.of("RESTOCKING_FEE_CLAMPED:L-1")));
    rows.add(new Row("the return shipping charge is taken line by line from what fees leave",
        "EUR", List.of(new CaseLine(L1, "10.00", 1, 1), new CaseLine(L2, "20.00", 1, 1)),
        List.of(new Said(L1, "10.00", "2.00", refund), new Said(L2, "20.00", "0.00", refund)),
        "12.00", "0.00", "4.95", null, null,
        List.of(new Expected(L1, refund, "10.00", "2.00", "8.00"),
            new Expected(L2, refund, "20.00", "0.00", "4.00")),
        List.of(new Pays(L2, PaymentKind.REFUND, "16.00")), "0.00", List.of()));
    rows.add(new Row("a charge larger than every refund is waived for the rest", "EUR",
        List.of(new CaseLine(L1, "3.00", 1, 1)), List.of(new Said(L1, "3.00", "0.00", refund)),
        "5.95", "0.00", "4.95", null, null,
        List.of(new Expected(L1, refund, "3.00", "0.00", "3.00")), List.of(), "0.00",
        List.of("RETURN_SHIPPING_CHARGE_WAIVED")));
    rows.add(new Row("a negative charge charges nothing", "EUR",
        List.of(new CaseLine(L1, "30.00", 1, 1)), List.of(new Said(L1, "30.00", "0.00", refund)),
        "-5.95", "0.00", "4.95", null, null,
        List.of(new Expected(L1, refund, "30.00", "0.00", "0.00")),
        List.of(new Pays(L1, PaymentKind.REFUND, "30.00")), "0.00",
        List.of("RETURN_SHIPPING_CHARGE_CLAMPED")));
    rows.add(new Row("what other cases refunded on the order line caps this one", "EUR",
        List.of(new CaseLine(L1, "10.00", 3, 1)), List.of(new Said(L1, "10.00", "0.00", refund)),
        "0.00", "0.00", "4.95", "25.00", null,
        List.of(new Expected(L1, refund, "5.00", "0.00", "0.00")),
        List.of(new Pays(L1, PaymentKind.REFUND, "5.00")), "0.00",
        List.of("ITEM_REFUND_CLAMPED:L-1")));
    rows.add(new Row("outbound shipping is refunded to the original payment", "EUR",
        List.of(new CaseLine(L1, "30.00", 1, 1)), List.of(new Said(L1, "30.00", "0.00", refund)),
        "0.00", "4.95", "4.95", null, null,
        List.of(new Expected(L1, refund, "30.00", "0.00", "0.00")),
        List.of(new Pays(L1, PaymentKind.REFUND, "30.00"), new Pays(null, PaymentKind.REFUND,
            "4.95")), "4.95", List.of()));
    rows.add(new Row("outbound shipping is refunded once per order and never above what was "
        + "paid", "EUR", List.of(new CaseLine(L1, "30.00", 1, 1)),
        List.of(new Said(L1, "30.00", "0.00", refund)), "0.00", "9.90", "4.95", null, "2.00",
        List.of(new Expected(L1, refund, "30.00", "0.00", "0.00")),
        List.of(new Pays(L1, PaymentKind.REFUND, "30.00"), new Pays(null, PaymentKind.REFUND,
            "2.95")), "2.95", List.of("OUTBOUND_SHIPPING_REFUND_CLAMPED")));
    rows.add(new Row("shipping goes back as store credit when every line does", "EUR",
        List.of(new CaseLine(L1, "30.00", 1, 1)), List.of(new Said(L1, "30.00", "0.00", credit)),
        "0.00", "4.95", "4.95", null, null,
        List.of(new Expected(L1, credit, "30.00", "0.00", "0.00")),
        List.of(new Pays(L1, PaymentKind.STORE_CREDIT, "30.00"),
            new Pays(null, PaymentKind.STORE_CREDIT, "4.95")), "4.95", List.of()));
    rows.add(new Row("shipping goes to the original payment when lines are mixed", "EUR",
        List.of(new CaseLine(L1, "30.00", 1, 1), new CaseLine(L2, "10.00", 1, 1)),
        List.of(new Said(L1, "30.00", "0.00", credit), new Said(L2, "10.00", "0.00", refund)),
        "0.00", "4.95", "4.95", null, null,
        List.of(new Expected(L1, credit, "30.00", "0.00", "0.00"),
            new Expected(L2, refund, "10.00", "0.00", "0.00")),
        List.of(new Pays(L1, PaymentKind.STORE_CREDIT, "30.00"),
            new Pays(L2, PaymentKind.REFUND, "10.00"), new Pays(null, PaymentKind.REFUND,
                "4.95")), "4.95", List.of()));
    rows.add(new Row("an exchange pays no money whatever amount the policy named", "EUR",
        List.of(new CaseLine(L1, "30.00", 1, 1)),
        List.of(new Said(L1, "30.00", "5.00", Resolution.EXCHANGE)), "5.95", "0.00", "4.95",
        null, null, List.of(new Expected(L1, Resolution.EXCHANGE, "0.00", "0.00", "0.00")),
        List.of(), "0.00", List.of("RETURN_SHIPPING_CHARGE_WAIVED")));
    rows.add(new Row("a line with nothing accepted is not settled", "EUR",
        List.of(new CaseLine(L1, "30.00", 1, 1), new CaseLine(L2, "10.00", 1, 0)),
        List.of(new Said(L1, "30.00", "0.00", refund)), "0.00", "0.00", "4.95", null, null,
        List.of(new Expected(L1, refund, "30.00", "0.00", "0.00")),
        List.of(new Pays(L1, PaymentKind.REFUND, "30.00")), "0.00", List.of()));
    rows.add(new Row("a currency without minor units is planned in whole units", "JPY",
        List.of(new CaseLine(L1, "3000", 2, 2)), List.of(new Said(L1, "6000", "450", refund)),
        "0", "0", "500", null, null, List.of(new Expected(L1, refund, "6000", "450", "0")),
        List.of(new Pays(L1, PaymentKind.REFUND, "5550")), "0", List.of()));
    return rows.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void plans(Row row) {
    String currency = row.currency();
    List<ReturnLineSnapshot> lines = row.lines().stream().map(line -> line(line, currency))
        .toList();
    ReturnCaseSnapshot inspected = snapshot("R-1", ReturnStatus.INSPECTED, lines,
        money(row.shippingPaid(), currency), null);
    List<ReturnCaseSnapshot> others = new ArrayList<>();
    if (row.refundedBefore() != null || row.shippingRefundedBefore() != null) {
      others.add(otherCase(row, currency));
    }
    SettlementDecision decision = new SettlementDecision(row.said().stream()
        .map(said -> new LineSettlement(said.id(), money(said.refund(), currency),
            money(said.fee(), currency), said.method(), Rationale.of("SAID", "rule")))
        .toList(), money(row.charge(), currency), money(row.outbound(), currency),
        Rationale.of("CASE", "case-rule"));
    OrderSnapshot order = order(row, currency);

    SettlementPlan plan = SettlementPlanner.plan(inspected, decision, order,
        OrderReturnLedger.of(others, inspected.id()));

    assertThat(plan.lines()).containsExactlyElementsOf(row.expected().stream()
        .map(e -> new SettlementPlan.Line(e.id(), e.method(), new LineMoney(
            money(e.refund(), currency), money(e.fee(), currency), money(e.charge(), currency),
            Money.zero(money("0", currency).currency()))))
        .toList());
    assertThat(plan.payments()).containsExactlyElementsOf(row.payments().stream()
        .map(p -> new SettlementPlan.Payment(p.line(), p.line() == null
            ? PaymentPurpose.OUTBOUND_SHIPPING_REFUND : PaymentPurpose.ITEM_REFUND, p.kind(),
            money(p.amount(), currency),
            // The order's one payment, a card that captured all of it.
            p.kind() == PaymentKind.REFUND ? order.tenders().get(0) : null))
        .toList());
    assertThat(plan.outboundShippingRefund()).isEqualTo(money(row.outboundRefunded(), currency));
    List<String> codes = new ArrayList<>(List.of("SAID", "CASE"));
    codes.addAll(row.clamps());
    assertThat(plan.rationale().reasonCodes()).containsExactlyElementsOf(codes);
    assertThat(plan.rationale().rules()).containsExactly("rule", "case-rule");
  }

  private static Money money(String amount, String currency) {
    return Money.of(amount, currency);
  }

  private static ReturnLineSnapshot line(CaseLine line, String currency) {
    return ReturnLineSnapshot.builder().orderLineId(line.id()).sku(Sku.of("SKU-" + line.id()))
        .category("home").unitPrice(money(line.price(), currency)).orderedQuantity(line.bought())
        .reason(ReturnReason.DEFECTIVE).resolution(Resolution.REFUND)
        .verdict(LineVerdict.APPROVED)
        // A line with nothing accepted still asked for (and received) a unit.
        .quantities(new LineQuantities(Math.max(1, line.accepted()),
            Math.max(1, line.accepted()), Math.max(1, line.accepted()), line.accepted()))
        .liability(Liability.SELLER).build();
  }

  private static ReturnCaseSnapshot snapshot(String id, ReturnStatus status,
      List<ReturnLineSnapshot> lines, Money shippingPaid, Money shippingRefunded) {
    return ReturnCaseSnapshot.builder().id(ReturnId.of(id)).historyHead(HistoryHead.EMPTY)
        .orderId(OrderId.of("O-1")).customerId(CustomerId.of("C-1")).status(status)
        .requestedAt(T0).updatedAt(T0).returnShippingPaidBy(ReturnShippingPayer.SELLER)
        .lines(lines).outboundShippingPaid(shippingPaid).outboundShippingRefund(shippingRefunded)
        .build();
  }

  /** A completed case of the same order that refunded part of L-1 and of the shipping. */
  private static ReturnCaseSnapshot otherCase(Row row, String currency) {
    Money zero = money("0", currency);
    Money refunded = row.refundedBefore() == null ? zero : money(row.refundedBefore(), currency);
    CaseLine first = row.lines().get(0);
    ReturnLineSnapshot line = line(new CaseLine(first.id(), first.price(), first.bought(), 1),
        currency).withSettlement(Resolution.REFUND, new LineMoney(refunded, zero, zero, zero));
    Money shipping = row.shippingRefundedBefore() == null ? zero
        : money(row.shippingRefundedBefore(), currency);
    return snapshot("R-0", ReturnStatus.COMPLETED, List.of(line),
        money(row.shippingPaid(), currency), shipping);
  }

  private static OrderSnapshot order(Row row, String currency) {
    List<OrderLine> lines = row.lines().stream()
        .map(line -> new OrderLine(line.id(), Sku.of("SKU-" + line.id()), "home", line.bought(),
            money(line.price(), currency), false))
        .toList();
    return new OrderSnapshot(OrderId.of("O-1"), CustomerId.of("C-1"),
        money("0", currency).currency(), T0, T0, lines, money(row.shippingPaid(), currency),
        "PAY-1");
  }
}
