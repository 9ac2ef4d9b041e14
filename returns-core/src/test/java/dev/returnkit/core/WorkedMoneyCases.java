package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
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

  @BeforeEach
  void openShop() {
    shop = new TestShop(policies());
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
    ReturnCaseSnapshot requested = shop.returns.request(request(order, RequestedLine.of(
        line("L-1"), units, ReturnReason.WRONG_ITEM_SHIPPED, Resolution.REFUND))).returnCase();
    ReturnId id = requested.id();
    if (requested.status() != ReturnStatus.INSPECTED) {
      shop.shipAndReceiveAll(id);
      shop.inspect(id, InspectedLine.of(line("L-1"), units, ItemGrade.A,
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
}
