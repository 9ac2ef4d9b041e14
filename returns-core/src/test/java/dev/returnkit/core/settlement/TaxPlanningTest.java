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
import dev.returnkit.spi.order.OrderSnapshot;
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
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The tax a settlement refunds: in proportion to the item, less the tax of a fee or charge that
 * carries tax. JPY 1,100 with 10 % included (JPY 100 of tax), a JPY 165 fee and a JPY 110
 * return-shipping charge.
 */
class TaxPlanningTest {

  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");
  private static final OrderLineId L1 = OrderLineId.of("L-1");
  private static final OrderSnapshot ORDER = OrderSnapshot.builder("O-1", "C-1", "JPY")
      .placedAt(T0).line("L-1", "SKU-1", "home", 1, "1100").taxRate("10")
      .paymentReference("PSP-1").build();

  @ParameterizedTest(name = "fee taxed {0}, charge taxed {1}: due {2}, tax {3}")
  @CsvSource({
      // 1100 - 165 - 110 = 825 due; the fee carries 15 of tax, the charge 10.
      "true, true, 825, 75",
      "false, true, 825, 90",
      "true, false, 825, 85",
      "false, false, 825, 100"})
  void taxRefunded(boolean feeTaxed, boolean chargeTaxed, String due, String tax) {
    SettlementDecision decision = new SettlementDecision(List.of(new LineSettlement(L1,
        yen("1100"), yen("165"), Resolution.REFUND, Rationale.NONE)), yen("110"), yen("0"),
        Rationale.NONE, new SettlementTerms(RefundRouting.CARD_FIRST,
            new FeeTax(feeTaxed, chargeTaxed), false, BigDecimal.ZERO));

    LineMoney money = SettlementPlanner.plan(inspected(), decision, ORDER,
        OrderReturnLedger.empty()).lines().get(0).money();

    assertThat(money.due()).isEqualTo(yen(due));
    assertThat(money.refundTax()).isEqualTo(yen(tax));
  }

  private static Money yen(String amount) {
    return Money.of(amount, "JPY");
  }

  private static ReturnCaseSnapshot inspected() {
    ReturnLineSnapshot line = ReturnLineSnapshot.builder().orderLineId(L1).sku(Sku.of("SKU-1"))
        .category("home").orderLinePaid(ORDER.lines().get(0).value()).orderedQuantity(1)
        .reason(ReturnReason.CHANGED_MIND).resolution(Resolution.REFUND)
        .verdict(LineVerdict.APPROVED).quantities(new LineQuantities(1, 1, 1, 1))
        .liability(Liability.CUSTOMER).build();
    return ReturnCaseSnapshot.builder().id(ReturnId.of("R-1")).historyHead(HistoryHead.EMPTY)
        .orderId(OrderId.of("O-1")).customerId(CustomerId.of("C-1"))
        .status(ReturnStatus.INSPECTED).requestedAt(T0).updatedAt(T0)
        .returnShippingPaidBy(ReturnShippingPayer.CUSTOMER).lines(List.of(line))
        .outboundShippingPaid(yen("0")).build();
  }
}
