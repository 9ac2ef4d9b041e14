package dev.returnkit.rules;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A bonus on store credit taken instead of a refund")
class StoreCreditBonusTest {

  private static ReturnCaseSnapshot returnForCredit(TestShop shop) {
    OrderSnapshot order = shop.add(OrderSnapshot.builder("O-B1", "C-1", "EUR")
        .placedAt(shop.clock.instant().minus(Duration.ofDays(4)))
        .deliveredAt(shop.clock.instant().minus(Duration.ofDays(2)))
        .line("L-1", "SKU-LAMP", "home", 1, "50.00").paymentReference("PSP-B1").build());
    ReturnId id = shop.returns.request(request(order, RequestedLine.of(line("L-1"), 1,
        ReturnReason.WRONG_ITEM_SHIPPED, Resolution.STORE_CREDIT))).id();
    shop.shipAndReceiveAll(id);
    shop.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.A,
        InspectionFinding.WRONG_ITEM));
    return shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();
  }

  @Test
  @DisplayName("10 %: EUR 50.00 of goods give EUR 55.00 of credit, the bonus a payment of its "
      + "own beside what the line is due, with its reason code")
  void bonus() {
    TestShop shop = new TestShop(DroolsPolicies.builder()
        .setting("store-credit.bonus-percent", "10").build().policies());

    ReturnCaseSnapshot settled = returnForCredit(shop);

    assertThat(settled.payments()).extracting(SettlementPayment::purpose,
        SettlementPayment::kind, SettlementPayment::amount).containsExactly(
        tuple(PaymentPurpose.ITEM_REFUND, PaymentKind.STORE_CREDIT, Money.of("50.00", "EUR")),
        tuple(PaymentPurpose.STORE_CREDIT_BONUS, PaymentKind.STORE_CREDIT,
            Money.of("5.00", "EUR")));
    assertThat(settled.payments()).allSatisfy(p -> assertThat(p.isPaid()).isTrue());
    assertThat(settled.lines().get(0).money().paidOut()).isEqualTo(Money.of("50.00", "EUR"));
    assertThat(settled.money().storeCredit()).isEqualTo(Money.of("55.00", "EUR"));
    assertThat(settled.paidOut(PaymentKind.STORE_CREDIT)).isEqualTo(Money.of("55.00", "EUR"));
    assertThat(shop.ports.payments().calls()).extracting(PaymentInstruction::limit)
        .containsExactly(Money.of("50.00", "EUR"), Money.of("5.00", "EUR"));
    assertThat(shop.returns.history(settled.id())).filteredOn(
        entry -> entry.command() == ReturnCommand.BEGIN_SETTLEMENT).singleElement()
        .extracting(HistoryEntry::reasonCodes).asList().contains("STORE_CREDIT_BONUS");
  }

  @Test
  @DisplayName("by default there is none")
  void none() {
    ReturnCaseSnapshot settled = returnForCredit(new TestShop(DroolsPolicies.defaults()
        .policies()));

    assertThat(settled.payments()).extracting(SettlementPayment::purpose)
        .containsExactly(PaymentPurpose.ITEM_REFUND);
    assertThat(settled.money().storeCredit()).isEqualTo(Money.of("50.00", "EUR"));
  }
}
