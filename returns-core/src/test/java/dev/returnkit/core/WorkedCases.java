package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The nine worked cases of DOMAIN.md (and the returnless refund), end to end through the
 * {@code Returns} facade, written once for any {@link ReturnPolicies}: core runs them with its
 * plain-Java test policies, returns-rules with the default Drools rules. Both must give what
 * DOMAIN.md says: the same states, liabilities, dispositions and money.
 *
 * <p>What only one set of policies can say (which rule fired, its reason codes) is checked in
 * {@link #alsoCheck}, which each subclass answers for its own policies.
 */
public abstract class WorkedCases {

  /** The worked cases, by their number in DOMAIN.md; 10 is the returnless refund. */
  protected enum Case {
    CHANGED_MIND_SEALED, BROKEN_IN_TRANSIT, NO_FAULT_FOUND, WRONG_ITEM_SHIPPED,
    WINDOW_EXPIRED, NON_RETURNABLE, MANUAL_REVIEW, EXPIRED_ON_ARRIVAL, TOO_MANY_UNITS,
    RETURNLESS_REFUND
  }

  protected TestShop shop;

  /**
   * The policies the cases are decided by.
   *
   * @return the policies under test
   */
  protected abstract ReturnPolicies policies();

  /**
   * What the policies under test say beyond the outcome of a case: the rules and reason codes
   * in its history.
   *
   * @param workedCase the case
   * @param id the case's id (none for a refused request)
   * @param history the case's history
   */
  protected abstract void alsoCheck(Case workedCase, ReturnId id,
      List<HistoryEntry> history);

  @BeforeEach
  void openShop() {
    shop = new TestShop(policies());
  }

  /** Checks the reason codes and rules of a command's history entry, in their order. */
  protected static void expect(List<HistoryEntry> history, ReturnCommand command,
      List<String> reasonCodes, List<String> rules) {
    HistoryEntry entry = history.stream().filter(e -> e.command() == command).findFirst()
        .orElseThrow(() -> new AssertionError("no " + command + " in the history"));
    assertThat(entry.reasonCodes()).as(command + " reason codes").isEqualTo(reasonCodes);
    assertThat(entry.rules()).as(command + " rules").isEqualTo(rules);
  }

  private void done(Case workedCase, ReturnId id) {
    alsoCheck(workedCase, id, id == null ? List.of() : shop.returns.history(id));
  }

  @Test
  @DisplayName("1. Changed mind on day 10, sealed: customer liable, restocked as new, "
      + "refund minus return shipping")
  void case1ChangedMindSealedCustomerLiableRestockedRefundMinusReturnShipping() {
    OrderSnapshot order = shop.add(shop.order("O-1")
        .deliveredDaysBefore(shop.clock.instant(), 10)
        .line("L-1", "SKU-JACKET", "apparel", 1, "89.90").build());

    ReturnResult requested = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)));
    ReturnId id = requested.id();
    assertThat(requested.returnCase().status()).isEqualTo(ReturnStatus.APPROVED);
    assertThat(requested.returnCase().returnShippingPaidBy())
        .isEqualTo(ReturnShippingPayer.CUSTOMER);

    shop.shipAndReceiveAll(id);
    ReturnLineSnapshot jacket = shop.inspect(id,
        InspectedLine.of(line("L-1"), 1, ItemGrade.A, InspectionFinding.SEAL_INTACT))
        .lines().get(0);
    assertThat(jacket.liability()).isEqualTo(Liability.CUSTOMER);
    assertThat(jacket.disposition()).isEqualTo(Disposition.RESTOCK);

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();
    assertThat(settled.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(settled.lines().get(0).money().returnShippingCharge())
        .isEqualTo(Money.of("5.95", "EUR"));
    assertThat(settled.lines().get(0).money().restockingFee()).isEqualTo(Money.of("0", "EUR"));
    assertThat(settled.refunded()).isEqualTo(Money.of("83.95", "EUR"));
    assertThat(settled.outboundShippingRefund()).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(shop.ports.payments().totalPaidOut("PAY-O-1")).contains(Money.of("83.95", "EUR"));
    assertThat(shop.ports.inventory().units(Sku.of("SKU-JACKET"), Disposition.RESTOCK))
        .isEqualTo(1);
    assertThat(shop.ports.notifier().templatesFor(id)).containsExactly("return.approved",
        "return.label-ready", "return.received", "return.refund-issued", "return.completed");
    done(Case.CHANGED_MIND_SEALED, id);
  }

  @Test
  @DisplayName("2. Arrived broken in a crushed box: carrier liable, scrapped, full "
      + "refund with original shipping, carrier claim recorded")
  void case2BrokenInTransitCarrierLiableScrappedFullRefundWithShippingAndAClaim() {
    OrderSnapshot order = shop.add(shop.order("O-2").shipping("6.90")
        .line("L-1", "SKU-VASE", "home", 1, "59.00").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DAMAGED_IN_TRANSIT, Resolution.REFUND)))
        .id();

    ReturnCaseSnapshot received = shop.shipAndReceiveAll(id);
    ReturnLineSnapshot vase = shop.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.D,
        InspectionFinding.PACKAGING_DAMAGED, InspectionFinding.ITEM_DAMAGED)).lines().get(0);
    assertThat(vase.liability()).isEqualTo(Liability.CARRIER);
    assertThat(vase.disposition()).isEqualTo(Disposition.SCRAP);

    ReturnResult settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB);
    assertThat(settled.returnCase().refunded()).isEqualTo(Money.of("65.90", "EUR"));
    assertThat(settled.returnCase().outboundShippingRefund()).isEqualTo(Money.of("6.90", "EUR"));
    assertThat(settled.events()).filteredOn(ReturnEvent.CarrierClaimRecorded.class::isInstance)
        .singleElement().satisfies(event -> {
          ReturnEvent.CarrierClaimRecorded claim = (ReturnEvent.CarrierClaimRecorded) event;
          assertThat(claim.amount()).isEqualTo(Money.of("59.00", "EUR"));
          // The goods came back broken: the outbound carrier's claim, which the host knows;
          // not the return carrier's, whose parcel arrived.
          assertThat(claim.carrier()).isNull();
          assertThat(claim.trackingNumber()).isNull();
        });
    assertThat(received.shipment()).isNotNull();
    done(Case.BROKEN_IN_TRANSIT, id);
  }

  @Test
  @DisplayName("3. Claimed defective, no fault and signs of use: customer liable, open "
      + "box, refund minus restocking fee")
  void case3NoFaultAndSignsOfUseCustomerLiableOpenBoxRefundMinusRestockingFee() {
    OrderSnapshot order = shop.add(shop.order("O-3")
        .line("L-1", "SKU-HEADSET", "audio", 1, "120.00").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND))).id();

    shop.shipAndReceiveAll(id);
    ReturnLineSnapshot headset = shop.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.B,
        InspectionFinding.NO_FAULT_FOUND, InspectionFinding.SIGNS_OF_USE)).lines().get(0);
    assertThat(headset.liability()).isEqualTo(Liability.CUSTOMER);
    assertThat(headset.disposition()).isEqualTo(Disposition.RESTOCK_OPEN_BOX);

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();
    assertThat(settled.lines().get(0).money().restockingFee()).isEqualTo(Money.of("18.00", "EUR"));
    // The seller prepaid the label for a claimed defect: nothing is charged for it.
    assertThat(settled.lines().get(0).money().returnShippingCharge())
        .isEqualTo(Money.of("0.00", "EUR"));
    assertThat(settled.refunded()).isEqualTo(Money.of("102.00", "EUR"));
    assertThat(settled.outboundShippingRefund()).isEqualTo(Money.of("0.00", "EUR"));
    done(Case.NO_FAULT_FOUND, id);
  }

  @Test
  @DisplayName("4. Wrong item shipped: seller liable, back to stock as new, full "
      + "refund or an exchange, no charge")
  void case4WrongItemShippedSellerLiableRestockedFullRefundOrExchangeNoCharge() {
    OrderSnapshot order = shop.add(shop.order("O-4")
        .line("L-1", "SKU-SHOE-42", "shoes", 1, "75.00")
        .line("L-2", "SKU-SHOE-43", "shoes", 1, "75.00").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.WRONG_ITEM_SHIPPED, Resolution.REFUND),
        RequestedLine.of(line("L-2"), 1, ReturnReason.WRONG_ITEM_SHIPPED,
            Resolution.EXCHANGE))).id();

    shop.shipAndReceiveAll(id);
    ReturnCaseSnapshot inspected = shop.inspect(id,
        InspectedLine.of(line("L-1"), 1, ItemGrade.A, InspectionFinding.WRONG_ITEM),
        InspectedLine.of(line("L-2"), 1, ItemGrade.A, InspectionFinding.WRONG_ITEM));
    assertThat(inspected.lines()).extracting(ReturnLineSnapshot::liability)
        .containsExactly(Liability.SELLER, Liability.SELLER);
    assertThat(inspected.lines()).extracting(ReturnLineSnapshot::disposition)
        .containsExactly(Disposition.RESTOCK, Disposition.RESTOCK);

    ReturnResult settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB);
    ReturnCaseSnapshot done = settled.returnCase();
    assertThat(done.lines()).allSatisfy(l -> {
      assertThat(l.money().restockingFee().isZero()).isTrue();
      assertThat(l.money().returnShippingCharge().isZero()).isTrue();
    });
    assertThat(done.lines()).extracting(ReturnLineSnapshot::settlementMethod)
        .containsExactly(Resolution.REFUND, Resolution.EXCHANGE);
    assertThat(done.refunded()).isEqualTo(Money.of("79.95", "EUR"));
    assertThat(settled.events()).filteredOn(ReturnEvent.ExchangeOrdered.class::isInstance)
        .singleElement()
        .satisfies(event -> assertThat(((ReturnEvent.ExchangeOrdered) event).item().sku())
            .isEqualTo(Sku.of("SKU-SHOE-43")));
    done(Case.WRONG_ITEM_SHIPPED, id);
  }

  @Test
  @DisplayName("5. A request on day 45 of a 30-day window is rejected "
      + "RETURN_WINDOW_EXPIRED")
  void case5Day45OfA30DayWindowIsRejectedReturnWindowExpired() {
    OrderSnapshot order = shop.add(shop.order("O-5")
        .deliveredDaysBefore(shop.clock.instant(), 45)
        .line("L-1", "SKU-LAMP", "home", 1, "39.00").build());

    ReturnResult result = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)));

    assertThat(result.returnCase().status()).isEqualTo(ReturnStatus.REJECTED);
    assertThat(result.returnCase().lines().get(0).verdictCodes())
        .containsExactly("RETURN_WINDOW_EXPIRED");
    assertThat(shop.ports.notifier().templatesFor(result.id()))
        .containsExactly("return.rejected");
    done(Case.WINDOW_EXPIRED, result.id());
  }

  @Test
  @DisplayName("6. Final-sale and hygiene items are rejected NON_RETURNABLE")
  void case6FinalSaleAndHygieneItemsAreRejectedNonReturnable() {
    OrderSnapshot order = shop.add(shop.order("O-6")
        .finalSaleLine("L-1", "SKU-CLEARANCE", "apparel", 1, "9.90")
        .line("L-2", "SKU-BRIEFS", "underwear", 3, "7.90").build());

    ReturnResult result = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND),
        RequestedLine.of(line("L-2"), 3, ReturnReason.DOES_NOT_FIT, Resolution.REFUND)));

    assertThat(result.returnCase().status()).isEqualTo(ReturnStatus.REJECTED);
    assertThat(result.returnCase().lines()).allSatisfy(l ->
        assertThat(l.verdictCodes()).containsExactly("NON_RETURNABLE"));
    assertThat(result.events()).filteredOn(ReturnEvent.ReturnRejected.class::isInstance)
        .singleElement()
        .satisfies(e -> assertThat(((ReturnEvent.ReturnRejected) e).reasonCodes())
            .containsExactly("NON_RETURNABLE"));
    done(Case.NON_RETURNABLE, result.id());
  }

  @Test
  @DisplayName("7. A high-value item, or a customer with an unusual return rate, goes "
      + "to manual review")
  void case7HighValueOrAnUnusualReturnRateGoesToManualReview() {
    OrderSnapshot laptop = shop.add(shop.order("O-7")
        .line("L-1", "SKU-LAPTOP", "electronics", 1, "1299.00").build());
    ReturnResult highValue = shop.returns.request(request(laptop,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)));
    assertThat(highValue.returnCase().status()).isEqualTo(ReturnStatus.IN_REVIEW);
    assertThat(highValue.returnCase().lines().get(0).verdictCodes())
        .containsExactly("HIGH_VALUE");

    // A customer who returned three of four things bought in the last 90 days.
    for (int i = 1; i <= 3; i++) {
      OrderSnapshot earlier = shop.add(shop.order("O-8" + i).customer("C-9")
          .line("L-1", "SKU-SHIRT-" + i, "apparel", 1, "29.00").build());
      shop.returns.request(request(earlier,
          RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)));
    }
    OrderSnapshot fourth = shop.add(shop.order("O-84").customer("C-9")
        .line("L-1", "SKU-SCARF", "apparel", 1, "19.00").build());
    ReturnResult frequent = shop.returns.request(request(fourth,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)));
    assertThat(frequent.returnCase().status()).isEqualTo(ReturnStatus.IN_REVIEW);
    assertThat(frequent.returnCase().lines().get(0).verdictCodes())
        .containsExactly("HIGH_RETURN_RATE");
    assertThat(shop.ports.notifier().templatesFor(frequent.id()))
        .containsExactly("return.in-review");
    done(Case.MANUAL_REVIEW, highValue.id());
  }

  @Test
  @DisplayName("8. Expired goods on arrival: seller or supplier liable, scrapped, full "
      + "refund")
  void case8ExpiredGoodsOnArrivalSellerOrSupplierLiableScrappedFullRefund() {
    OrderSnapshot order = shop.add(shop.order("O-9")
        .line("L-1", "SKU-VITAMINS", "health", 2, "24.50").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 2, ReturnReason.EXPIRED, Resolution.REFUND))).id();

    shop.shipAndReceiveAll(id);
    ReturnLineSnapshot vitamins = shop.inspect(id, InspectedLine.of(line("L-1"), 2, ItemGrade.C,
        InspectionFinding.EXPIRED)).lines().get(0);
    assertThat(vitamins.liability()).isIn(Liability.SELLER, Liability.SUPPLIER);
    assertThat(vitamins.disposition()).isEqualTo(Disposition.SCRAP);

    ReturnCaseSnapshot settled = shop.returns.settle(id, TestShop.SETTLEMENT_JOB).returnCase();
    assertThat(settled.refunded()).isEqualTo(Money.of("53.95", "EUR"));
    assertThat(shop.ports.inventory().units(Sku.of("SKU-VITAMINS"), Disposition.SCRAP))
        .isEqualTo(2);
    done(Case.EXPIRED_ON_ARRIVAL, id);
  }

  @Test
  @DisplayName("9. More units than bought, or than remain unreturned, is bad input and "
      + "nothing is stored")
  void case9MoreUnitsThanBoughtOrUnreturnedIsBadInputAndNothingIsStored() {
    OrderSnapshot order = shop.add(shop.order("O-10")
        .line("L-1", "SKU-SOCKS", "apparel", 3, "5.00").build());

    assertThatThrownBy(() -> shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 4, ReturnReason.DOES_NOT_FIT, Resolution.REFUND))))
        .isInstanceOf(InvalidReturnRequestException.class)
        .satisfies(e -> assertThat(((InvalidReturnRequestException) e).violations())
            .containsExactly(new Violation("lines[0].quantity",
                "must be at most 3 (bought 3, already returned or being returned 0)")));
    assertThat(shop.ports.repository().size()).isZero();

    shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 2, ReturnReason.DOES_NOT_FIT, Resolution.REFUND)));
    shop.clock.advance(Duration.ofHours(1));
    assertThatThrownBy(() -> shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 2, ReturnReason.DOES_NOT_FIT, Resolution.REFUND))))
        .isInstanceOf(InvalidReturnRequestException.class)
        .hasMessageContaining("lines[0].quantity: must be at most 1");
    assertThat(shop.ports.repository().size()).isEqualTo(1);
    assertThat(shop.ports.events().eventsOf(ReturnEvent.ReturnRequested.class)).hasSize(1);
    done(Case.TOO_MANY_UNITS, null);
  }

  @Test
  @DisplayName("10. A cheap defective item is refunded without taking it back")
  void case10ACheapDefectiveItemIsRefundedWithoutTakingItBack() {
    OrderSnapshot order = shop.add(shop.order("O-11")
        .line("L-1", "SKU-CABLE", "electronics", 1, "9.99").build());

    ReturnCaseSnapshot c = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND)))
        .returnCase();

    assertThat(c.status()).isEqualTo(ReturnStatus.INSPECTED);
    assertThat(c.shipment()).isNull();
    assertThat(c.lines().get(0).liability()).isEqualTo(Liability.SELLER);
    assertThat(c.lines().get(0).quantities().accepted()).isEqualTo(1);
    assertThat(c.returnShippingPaidBy()).isEqualTo(ReturnShippingPayer.SELLER);
    assertThat(shop.returns.settle(c.id(), TestShop.SETTLEMENT_JOB).returnCase().refunded())
        .isEqualTo(Money.of("14.94", "EUR"));
    // Two refunds: the cable, and the outbound shipping (the seller's fault).
    assertThat(shop.ports.notifier().templatesFor(c.id())).containsExactly("return.approved",
        "return.keep-the-item", "return.refund-issued", "return.refund-issued",
        "return.completed");
    done(Case.RETURNLESS_REFUND, c.id());
  }
}
