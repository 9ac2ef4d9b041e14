package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentLine;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.CaseMoney;
import dev.returnkit.spi.storage.LineMoney;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The worked cases of the money of real orders (docs/domain.md, "Money of an order"), end to end
 * through the {@code Returns} facade, written once for any {@link ReturnPolicies}: core runs
 * them with its plain-Java test policies, returns-rules with the default Drools rules. The
 * expected amounts are the ones docs/money.md works out by hand.
 */
public abstract class WorkedMoneyCases {

  protected TestShop shop;

  /**
   * The policies the cases are decided by.
   *
   * @return the policies under test
   */
  protected abstract ReturnPolicies policies();

  /**
   * The same policies, set to claw back threshold promotions the goods kept no longer reach.
   *
   * @return the policies under test, clawing back
   */
  protected abstract ReturnPolicies policiesClawingBack();

  @BeforeEach
  void openShop() {
    shop = shop(policies());
  }

  /**
   * A shop deciding with the given policies; where its cases are stored is the subclass's.
   *
   * @param policies the policies
   * @return the shop
   */
  protected TestShop shop(ReturnPolicies policies) {
    return new TestShop(policies);
  }

  /** An order of customer C-1, delivered two days before the shop's clock, no shipping. */
  protected OrderSnapshot.Builder order(String id) {
    return OrderSnapshot.builder(id, "C-1", "EUR")
        .placedAt(shop.clock.instant().minus(Duration.ofDays(4)))
        .deliveredAt(shop.clock.instant().minus(Duration.ofDays(2)));
  }

  /**
   * Requests units of L-1 back as the wrong item shipped, receives and inspects them (unless
   * they are cheap enough to be refunded without coming back), and settles.
   */
  protected ReturnCaseSnapshot returnWrongItem(OrderSnapshot order, int units) {
    return returnWrongItem(order, "L-1", units);
  }

  /** As {@link #returnWrongItem(OrderSnapshot, int)}, for units of another line. */
  protected ReturnCaseSnapshot returnWrongItem(OrderSnapshot order, String lineId, int units) {
    ReturnCaseSnapshot requested = shop.returns.request(request(order, RequestedLine.of(
        line(lineId), units, ReturnReason.WRONG_ITEM_SHIPPED, Resolution.REFUND))).returnCase();
    ReturnId id = requested.id();
    if (requested.status() != ReturnStatus.INSPECTED) {
      shop.shipAndReceiveAll(id);
      shop.inspect(id, InspectedLine.of(line(lineId), units, ItemGrade.A,
          InspectionFinding.WRONG_ITEM));
    }
    return shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();
  }

  @Test
  @DisplayName("3 x EUR 100.00 on one line with a 10 % order coupon, 2 returned: EUR 180.00 "
      + "back, not 200")
  void discountedLinePartlyReturned() {
    OrderSnapshot order = shop.add(order("O-M1").line("L-1", "SKU-SHIRT", "apparel", 3, "100.00")
        .orderDiscount("TEN-PERCENT", "30.00").paymentReference("PAY-O-M1").build());

    ReturnCaseSnapshot settled = returnWrongItem(order, 2);

    assertThat(settled.lines().get(0).money().itemRefund()).isEqualTo(Money.of("180.00", "EUR"));
    assertThat(settled.refunded()).isEqualTo(Money.of("180.00", "EUR"));
    assertThat(shop.ports.payments().totalPaidOut("PAY-O-M1"))
        .contains(Money.of("180.00", "EUR"));
  }

  @Test
  @DisplayName("one line of 3 units for EUR 10.00 in all, returned one by one over three "
      + "cases: 3.33, 3.33, 3.34")
  void unitsOneByOne() {
    OrderSnapshot order = shop.add(order("O-M2").line("L-1", "SKU-PEN", "office", 3, "5.00")
        .lineDiscount("5.00").paymentReference("PAY-O-M2").build());

    List<Money> refunds = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      refunds.add(returnWrongItem(order, 1).refunded());
      shop.clock.advance(Duration.ofHours(1));
    }

    assertThat(refunds).containsExactly(Money.of("3.33", "EUR"), Money.of("3.33", "EUR"),
        Money.of("3.34", "EUR"));
    assertThat(shop.ports.payments().totalPaidOut("PAY-O-M2"))
        .contains(Money.of("10.00", "EUR"));
  }

  @Test
  @DisplayName("EUR 120 paid as a EUR 20 gift card and EUR 100 on a card: EUR 50 of goods "
      + "back go to the card; the remaining EUR 70, EUR 50 to the card and EUR 20 to the gift "
      + "card")
  void splitTender() {
    OrderSnapshot order = shop.add(order("O-M4").line("L-1", "SKU-LAMP", "home", 1, "50.00")
        .line("L-2", "SKU-RUG", "home", 1, "70.00")
        .tender(TenderType.GIFT_CARD, "GC-M4", "20.00").tender(TenderType.CARD, "PSP-M4",
            "100.00").build());

    ReturnCaseSnapshot first = returnWrongItem(order, "L-1", 1);
    shop.clock.advance(Duration.ofHours(1));
    ReturnCaseSnapshot second = returnWrongItem(order, "L-2", 1);

    assertThat(first.payments()).extracting(p -> p.tender().reference(), p -> p.amount())
        .containsExactly(tuple("PSP-M4", Money.of("50.00", "EUR")));
    assertThat(second.payments()).extracting(p -> p.tender().reference(), p -> p.amount())
        .containsExactly(tuple("PSP-M4", Money.of("50.00", "EUR")),
            tuple("GC-M4", Money.of("20.00", "EUR")));
    assertThat(second.payments()).extracting(SettlementPayment::idempotencyKey).containsExactly(
        second.id().value() + "/L-2/ITEM_REFUND/PSP-M4",
        second.id().value() + "/L-2/ITEM_REFUND/GC-M4");
    assertThat(second.money().toTenders()).containsExactly(
        entry("PSP-M4", Money.of("50.00", "EUR")), entry("GC-M4", Money.of("20.00", "EUR")));
    assertThat(shop.returns.history(second.id())).filteredOn(
        entry -> entry.command() == ReturnCommand.BEGIN_SETTLEMENT).singleElement()
        .satisfies(entry -> assertThat(entry.note()).endsWith(
            ", to GC-M4 EUR 20.00, to PSP-M4 EUR 50.00"));
    assertThat(shop.ports.payments().totalPaidOut("PSP-M4")).contains(Money.of("100.00", "EUR"));
    assertThat(shop.ports.payments().totalPaidOut("GC-M4")).contains(Money.of("20.00", "EUR"));
    assertThat(shop.ports.payments().calls()).extracting(PaymentInstruction::paymentReference,
        PaymentInstruction::tender, PaymentInstruction::limit).containsExactly(
        tuple("PSP-M4", TenderType.CARD, Money.of("100.00", "EUR")),
        tuple("PSP-M4", TenderType.CARD, Money.of("100.00", "EUR")),
        tuple("GC-M4", TenderType.GIFT_CARD, Money.of("20.00", "EUR")));
  }

  @Test
  @DisplayName("JPY 1,100 with 10 % tax included, customer liable, grade B, 15 % restocking fee "
      + "charged gross: fee JPY 165, refund JPY 935, of which tax JPY 85")
  void taxWithAGrossFee() {
    OrderSnapshot order = shop.add(OrderSnapshot.builder("O-M5", "C-1", "JPY")
        .placedAt(shop.clock.instant().minus(Duration.ofDays(4)))
        .deliveredAt(shop.clock.instant().minus(Duration.ofDays(2)))
        .line("L-1", "SKU-KETTLE", "home", 1, "1100").taxRate("10")
        .paymentReference("PSP-M5").build());
    ReturnCaseSnapshot requested = shop.returns.request(request(order, RequestedLine.of(
        line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND))).returnCase();
    ReturnId id = requested.id();
    // No review threshold is set in yen: a person looks at the request first.
    assertThat(requested.status()).isEqualTo(ReturnStatus.IN_REVIEW);
    shop.returns.approve(id, new Approval(TestShop.SUPERVISOR, null));
    shop.shipAndReceiveAll(id);
    shop.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.B,
        InspectionFinding.SIGNS_OF_USE));

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();

    LineMoney money = settled.lines().get(0).money();
    assertThat(money.restockingFee()).isEqualTo(Money.of("165", "JPY"));
    assertThat(money.due()).isEqualTo(Money.of("935", "JPY"));
    assertThat(money.refundTax()).isEqualTo(Money.of("85", "JPY"));
    CaseMoney total = settled.money();
    assertThat(total.gross()).isEqualTo(Money.of("935", "JPY"));
    assertThat(total.net()).isEqualTo(Money.of("850", "JPY"));
    assertThat(total.tax()).isEqualTo(Money.of("85", "JPY"));
    assertThat(total.restockingFees()).isEqualTo(Money.of("165", "JPY"));
    assertThat(total.paidToTenders()).containsExactly(entry("PSP-M5", Money.of("935", "JPY")));
    assertThat(shop.ports.payments().calls()).singleElement().satisfies(call ->
        assertThat(call.lines()).containsExactly(new PaymentLine(line("L-1"), 1,
            Money.of("850", "JPY"), Money.of("85", "JPY"), Money.of("935", "JPY"))));
  }

  @Test
  @DisplayName("EUR 10 off orders of EUR 100 or more, A EUR 60 + B EUR 50 paid EUR 100 (shares "
      + "5.45 and 4.55); B returned with clawback on: EUR 40.00 back, the kept A has cost 60.00")
  void promotionClawedBack() {
    shop = shop(policiesClawingBack());
    OrderSnapshot order = shop.add(promotionOrder("O-M3"));

    ReturnCaseSnapshot settled = returnWrongItem(order, "L-B", 1);

    assertThat(settled.lines().get(0).money().itemRefund()).isEqualTo(Money.of("45.45", "EUR"));
    assertThat(settled.lines().get(0).money().clawback()).isEqualTo(Money.of("5.45", "EUR"));
    assertThat(settled.money().clawback()).isEqualTo(Money.of("5.45", "EUR"));
    assertThat(settled.money().discountShare()).isEqualTo(Money.of("4.55", "EUR"));
    assertThat(settled.refunded()).isEqualTo(Money.of("40.00", "EUR"));
    Money keptCost = order.totalPaid().minus(settled.refunded());
    assertThat(keptCost).isEqualTo(Money.of("60.00", "EUR"));
    assertThat(shop.returns.history(settled.id())).filteredOn(
        entry -> entry.command() == ReturnCommand.BEGIN_SETTLEMENT).singleElement()
        .satisfies(entry -> assertThat(entry.reasonCodes())
            .contains("PROMOTION_CLAWED_BACK:TEN-OFF-100"));
  }

  @Test
  @DisplayName("with clawback off (the default), B returned gives back what was paid for it: "
      + "EUR 45.45; with it on, returning A as well claws back nothing more")
  void promotionKeptOrClawedBackOnce() {
    OrderSnapshot order = shop.add(promotionOrder("O-M3B"));
    assertThat(returnWrongItem(order, "L-B", 1).refunded()).isEqualTo(Money.of("45.45", "EUR"));

    shop = shop(policiesClawingBack());
    OrderSnapshot again = shop.add(promotionOrder("O-M3C"));
    ReturnCaseSnapshot first = returnWrongItem(again, "L-B", 1);
    shop.clock.advance(Duration.ofHours(1));
    ReturnCaseSnapshot second = returnWrongItem(again, "L-A", 1);
    assertThat(first.refunded()).isEqualTo(Money.of("40.00", "EUR"));
    // A comes back too: nothing is kept, and 5.45 was clawed back already.
    assertThat(second.refunded()).isEqualTo(Money.of("60.00", "EUR"));
    assertThat(first.refunded().plus(second.refunded())).isEqualTo(again.totalPaid());
  }

  @Test
  @DisplayName("exchange a EUR 55 shirt for a EUR 40 one: EUR 15 refunded; for one at the same "
      + "price: no money moves")
  void exchangesForLessOrTheSame() {
    assertThat(exchange("O-X1", "55.00", "40.00").refunded()).isEqualTo(
        Money.of("15.00", "EUR"));
    ReturnCaseSnapshot even = exchange("O-X2", "55.00", "55.00");
    assertThat(even.payments()).isEmpty();
    assertThat(shop.returns.history(even.id())).filteredOn(
        entry -> entry.command() == ReturnCommand.BEGIN_SETTLEMENT).singleElement()
        .satisfies(entry -> assertThat(entry.reasonCodes()).contains("EXCHANGE_EVEN:L-1"));
  }

  @Test
  @DisplayName("exchange a EUR 40 shirt for a EUR 55 one: EUR 15 charged to the card, with its "
      + "tax, and nothing refunded")
  void exchangeForMore() {
    OrderSnapshot order = shop.add(order("O-X3").taxIncluded()
        .line("L-1", "SKU-SHIRT-M", "apparel", 1, "40.00").taxRate("25")
        .tender(TenderType.GIFT_CARD, "GC-X3", "10.00").tender(TenderType.CARD, "PSP-X3", "30.00")
        .build());
    ReturnCaseSnapshot dearer = exchange(order, "55.00");

    assertThat(dearer.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(dearer.refunded()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(dearer.payments()).singleElement().satisfies(charge -> {
      assertThat(charge.kind()).isEqualTo(PaymentKind.CHARGE);
      assertThat(charge.purpose()).isEqualTo(PaymentPurpose.EXCHANGE_DIFFERENCE);
      assertThat(charge.amount()).isEqualTo(Money.of("15.00", "EUR"));
      assertThat(charge.tender().reference()).isEqualTo("PSP-X3");
      assertThat(charge.isPaid()).isTrue();
    });
    assertThat(dearer.money().charged()).containsExactly(
        entry("PSP-X3", Money.of("15.00", "EUR")));
    assertThat(dearer.money().toTenders()).isEmpty();
    // The charge carries tax at the shirt's 25 %: 15.00 * 8.00 / 40.00.
    assertThat(shop.ports.payments().calls()).singleElement().satisfies(call -> {
      assertThat(call.kind()).isEqualTo(PaymentKind.CHARGE);
      assertThat(call.paymentReference()).isEqualTo("PSP-X3");
      assertThat(call.limit()).isEqualTo(Money.of("15.00", "EUR"));
      assertThat(call.tender()).isEqualTo(TenderType.CARD);
      assertThat(call.lines()).containsExactly(new PaymentLine(line("L-1"), 1,
          Money.of("12.00", "EUR"), Money.of("3.00", "EUR"), Money.of("15.00", "EUR")));
    });
    assertThat(shop.returns.history(dearer.id())).filteredOn(
        entry -> entry.command() == ReturnCommand.BEGIN_SETTLEMENT).singleElement()
        .satisfies(entry -> assertThat(entry.reasonCodes())
            .contains("EXCHANGE_DIFFERENCE_CHARGED:L-1"));
    assertThat(shop.ports.payments().receipts()).singleElement()
        .satisfies(receipt -> assertThat(receipt.kind()).isEqualTo(PaymentKind.CHARGE));
  }

  /** The wrong size shipped, exchanged for another shirt at another price. */
  private ReturnCaseSnapshot exchange(String orderId, String paid, String replacement) {
    return exchange(shop.add(order(orderId).line("L-1", "SKU-SHIRT-M", "apparel", 1, paid)
        .paymentReference("PAY-" + orderId).build()), replacement);
  }

  private ReturnCaseSnapshot exchange(OrderSnapshot order, String replacement) {
    ReturnId id = shop.returns.request(request(order, RequestedLine.exchange(line("L-1"), 1,
        ReturnReason.WRONG_ITEM_SHIPPED, new ReplacementItem(Sku.of("SKU-SHIRT-L"), 1,
            Money.of(replacement, "EUR"))))).id();
    shop.shipAndReceiveAll(id);
    shop.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.A,
        InspectionFinding.WRONG_ITEM));
    shop.clock.advance(Duration.ofMinutes(1));
    return shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();
  }

  private OrderSnapshot promotionOrder(String id) {
    return order(id).line("L-A", "SKU-A", "home", 1, "60.00").line("L-B", "SKU-B", "home", 1,
        "50.00").promotion("TEN-OFF-100", "10.00", "100.00").paymentReference("PAY-" + id)
        .build();
  }
}
