package dev.returnkit.rules;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.ReturnResult;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The nine worked cases of DOMAIN.md, end to end through the {@code Returns} facade with the
 * real default rules.
 */
@DisplayName("The worked cases, decided by the default rules")
class WorkedCasesTest {

  private static final DroolsPolicies DEFAULTS = DroolsPolicies.defaults();

  private final TestShop shop = new TestShop(DEFAULTS.policies());

  private HistoryEntry entry(ReturnId id, ReturnCommand command) {
    return shop.returns.history(id).stream().filter(e -> e.command() == command).findFirst()
        .orElseThrow();
  }

  @Test
  @DisplayName("1. Changed mind on day 10, sealed: customer liable, restocked as new, refund "
      + "minus return shipping")
  void changedMindSealed() {
    OrderSnapshot order = shop.add(shop.order("O-1")
        .deliveredDaysBefore(shop.clock.instant(), 10)
        .line("L-1", "SKU-JACKET", "apparel", 1, "89.90").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)))
        .returnCase().id();
    assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.APPROVED);
    assertThat(shop.find(id).lines().get(0).verdictCodes()).containsExactly("ELIGIBLE");

    shop.shipAndReceiveAll(id);
    ReturnLineSnapshot jacket = shop.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.A,
        InspectionFinding.SEAL_INTACT)).lines().get(0);
    assertThat(jacket.liability()).isEqualTo(Liability.CUSTOMER);
    assertThat(jacket.disposition()).isEqualTo(Disposition.RESTOCK);
    assertThat(entry(id, ReturnCommand.INSPECT).rules())
        .contains("liability/customer-reason", "disposition/sealed-as-new");

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.AGENT).returnCase();
    assertThat(settled.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(settled.paidOut(PaymentKind.REFUND)).isEqualTo(Money.of("83.95", "EUR"));
    assertThat(entry(id, ReturnCommand.BEGIN_SETTLEMENT).reasonCodes())
        .contains("ITEM_PRICE_REFUNDED", "RETURN_SHIPPING_CHARGED")
        .doesNotContain("RESTOCKING_FEE");
  }

  @Test
  @DisplayName("2. Arrived broken in a crushed box: carrier liable, scrapped, full refund with "
      + "original shipping, carrier claim recorded")
  void brokenInTransit() {
    OrderSnapshot order = shop.add(shop.order("O-2").shipping("6.90")
        .line("L-1", "SKU-VASE", "home", 1, "59.00").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DAMAGED_IN_TRANSIT, Resolution.REFUND)))
        .returnCase().id();
    shop.shipAndReceiveAll(id);
    ReturnLineSnapshot vase = shop.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.D,
        InspectionFinding.PACKAGING_DAMAGED, InspectionFinding.ITEM_DAMAGED)).lines().get(0);
    assertThat(vase.liability()).isEqualTo(Liability.CARRIER);
    assertThat(vase.disposition()).isEqualTo(Disposition.SCRAP);

    ReturnResult settled = shop.returns.settle(id, TestShop.AGENT);
    assertThat(settled.returnCase().paidOut(PaymentKind.REFUND))
        .isEqualTo(Money.of("65.90", "EUR"));
    assertThat(settled.events()).filteredOn(ReturnEvent.CarrierClaimRecorded.class::isInstance)
        .hasSize(1);
  }

  @Test
  @DisplayName("3. Claimed defective, no fault and signs of use: customer liable, open box, "
      + "refund minus restocking fee")
  void noFaultFound() {
    OrderSnapshot order = shop.add(shop.order("O-3")
        .line("L-1", "SKU-HEADSET", "audio", 1, "120.00").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND)))
        .returnCase().id();
    shop.shipAndReceiveAll(id);
    ReturnLineSnapshot headset = shop.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.B,
        InspectionFinding.NO_FAULT_FOUND, InspectionFinding.SIGNS_OF_USE)).lines().get(0);
    assertThat(headset.liability()).isEqualTo(Liability.CUSTOMER);
    assertThat(headset.disposition()).isEqualTo(Disposition.RESTOCK_OPEN_BOX);
    assertThat(entry(id, ReturnCommand.INSPECT).reasonCodes())
        .contains("NO_FAULT_SIGNS_OF_USE", "OPEN_BOX", "MARKDOWN_20_PERCENT");

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.AGENT).returnCase();
    assertThat(settled.lines().get(0).money().restockingFee()).isEqualTo(Money.of("18.00", "EUR"));
    assertThat(settled.lines().get(0).money().returnShippingCharge().isZero()).isTrue();
    assertThat(settled.paidOut(PaymentKind.REFUND)).isEqualTo(Money.of("102.00", "EUR"));
  }

  @Test
  @DisplayName("4. Wrong item shipped: seller liable, back to stock as new, full refund or an "
      + "exchange, no charge")
  void wrongItemShipped() {
    OrderSnapshot order = shop.add(shop.order("O-4")
        .line("L-1", "SKU-SHOE-42", "shoes", 1, "75.00")
        .line("L-2", "SKU-SHOE-43", "shoes", 1, "75.00").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.WRONG_ITEM_SHIPPED, Resolution.REFUND),
        RequestedLine.of(line("L-2"), 1, ReturnReason.WRONG_ITEM_SHIPPED,
            Resolution.EXCHANGE))).returnCase().id();
    shop.shipAndReceiveAll(id);
    ReturnCaseSnapshot inspected = shop.inspect(id,
        InspectedLine.of(line("L-1"), 1, ItemGrade.A, InspectionFinding.WRONG_ITEM),
        InspectedLine.of(line("L-2"), 1, ItemGrade.A, InspectionFinding.WRONG_ITEM));
    assertThat(inspected.lines()).extracting(ReturnLineSnapshot::liability)
        .containsOnly(Liability.SELLER);
    assertThat(inspected.lines()).extracting(ReturnLineSnapshot::disposition)
        .containsOnly(Disposition.RESTOCK);

    ReturnResult settled = shop.returns.settle(id, TestShop.AGENT);
    assertThat(settled.returnCase().paidOut(PaymentKind.REFUND))
        .isEqualTo(Money.of("79.95", "EUR"));
    assertThat(settled.events()).filteredOn(ReturnEvent.ExchangeOrdered.class::isInstance)
        .singleElement()
        .satisfies(e -> assertThat(((ReturnEvent.ExchangeOrdered) e).item().sku())
            .isEqualTo(Sku.of("SKU-SHOE-43")));
  }

  @Test
  @DisplayName("5. Day 45 of a 30-day window is rejected RETURN_WINDOW_EXPIRED")
  void windowExpired() {
    OrderSnapshot order = shop.add(shop.order("O-5")
        .deliveredDaysBefore(shop.clock.instant(), 45)
        .line("L-1", "SKU-LAMP", "home", 1, "39.00").build());

    ReturnCaseSnapshot c = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)))
        .returnCase();

    assertThat(c.status()).isEqualTo(ReturnStatus.REJECTED);
    assertThat(c.lines().get(0).verdictCodes()).containsExactly("RETURN_WINDOW_EXPIRED");
    assertThat(entry(c.id(), ReturnCommand.REQUEST).rules())
        .contains("eligibility/return-window");
  }

  @Test
  @DisplayName("6. Final-sale and hygiene items are rejected NON_RETURNABLE")
  void nonReturnable() {
    OrderSnapshot order = shop.add(shop.order("O-6")
        .finalSaleLine("L-1", "SKU-CLEARANCE", "apparel", 1, "9.90")
        .line("L-2", "SKU-BRIEFS", "underwear", 3, "7.90").build());

    ReturnCaseSnapshot c = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND),
        RequestedLine.of(line("L-2"), 3, ReturnReason.DOES_NOT_FIT, Resolution.REFUND)))
        .returnCase();

    assertThat(c.status()).isEqualTo(ReturnStatus.REJECTED);
    assertThat(c.lines()).allSatisfy(l ->
        assertThat(l.verdictCodes()).containsExactly("NON_RETURNABLE"));
    assertThat(entry(c.id(), ReturnCommand.REQUEST).rules())
        .contains("eligibility/final-sale", "eligibility/non-returnable-category");
  }

  @Test
  @DisplayName("7. A high-value item, or a customer with an unusual return rate, goes to "
      + "manual review")
  void manualReview() {
    OrderSnapshot laptop = shop.add(shop.order("O-7")
        .line("L-1", "SKU-LAPTOP", "electronics", 1, "1299.00").build());
    ReturnCaseSnapshot highValue = shop.returns.request(request(laptop,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)))
        .returnCase();
    assertThat(highValue.status()).isEqualTo(ReturnStatus.IN_REVIEW);
    assertThat(highValue.lines().get(0).verdictCodes()).containsExactly("HIGH_VALUE");

    for (int i = 1; i <= 3; i++) {
      OrderSnapshot earlier = shop.add(shop.order("O-8" + i).customer("C-9")
          .line("L-1", "SKU-SHIRT-" + i, "apparel", 1, "29.00").build());
      shop.returns.request(request(earlier,
          RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)));
    }
    OrderSnapshot fourth = shop.add(shop.order("O-84").customer("C-9")
        .line("L-1", "SKU-SCARF", "apparel", 1, "19.00").build());
    ReturnCaseSnapshot frequent = shop.returns.request(request(fourth,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)))
        .returnCase();
    assertThat(frequent.status()).isEqualTo(ReturnStatus.IN_REVIEW);
    assertThat(frequent.lines().get(0).verdictCodes()).containsExactly("HIGH_RETURN_RATE");
  }

  @Test
  @DisplayName("8. Expired goods on arrival: seller liable, scrapped, full refund")
  void expiredOnArrival() {
    OrderSnapshot order = shop.add(shop.order("O-9")
        .line("L-1", "SKU-VITAMINS", "health", 2, "24.50").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 2, ReturnReason.EXPIRED, Resolution.REFUND)))
        .returnCase().id();
    shop.shipAndReceiveAll(id);
    ReturnLineSnapshot vitamins = shop.inspect(id, InspectedLine.of(line("L-1"), 2, ItemGrade.C,
        InspectionFinding.EXPIRED)).lines().get(0);
    assertThat(vitamins.liability()).isIn(Liability.SELLER, Liability.SUPPLIER);
    assertThat(vitamins.disposition()).isEqualTo(Disposition.SCRAP);

    assertThat(shop.returns.settle(id, TestShop.AGENT).returnCase().paidOut(PaymentKind.REFUND))
        .isEqualTo(Money.of("53.95", "EUR"));
  }

  @Test
  @DisplayName("9. More units than bought is bad input and nothing is stored")
  void tooManyUnits() {
    OrderSnapshot order = shop.add(shop.order("O-10")
        .line("L-1", "SKU-SOCKS", "apparel", 3, "5.00").build());

    assertThatThrownBy(() -> shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 4, ReturnReason.DOES_NOT_FIT, Resolution.REFUND))))
        .isInstanceOf(InvalidReturnRequestException.class)
        .hasMessageContaining("lines[0].quantity: must be at most 3");
    assertThat(shop.ports.repository().size()).isZero();
  }

  @Test
  @DisplayName("A cheap defective cable is refunded without taking it back")
  void returnless() {
    OrderSnapshot order = shop.add(shop.order("O-11")
        .line("L-1", "SKU-CABLE", "electronics", 1, "9.99").build());

    ReturnCaseSnapshot c = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND)))
        .returnCase();

    assertThat(c.status()).isEqualTo(ReturnStatus.INSPECTED);
    assertThat(c.lines().get(0).verdictCodes()).contains("RETURNLESS_REFUND");
    assertThat(c.lines().get(0).liability()).isEqualTo(Liability.SELLER);
    assertThat(shop.returns.settle(c.id(), TestShop.AGENT).returnCase()
        .paidOut(PaymentKind.REFUND)).isEqualTo(Money.of("14.94", "EUR"));
    assertThat(List.of(c.returnShippingPaidBy().name())).containsExactly("SELLER");
  }
}
