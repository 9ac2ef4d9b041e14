package dev.returnkit.rules;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.CustomerHistory;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.EligibilityPolicy;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.RequestedLineFacts;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.PurchaseSummary;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The default rule {@code eligibility/advance-exchange} and its two settings: off by default;
 * with a value limit, exchanges of customers in good standing go out ahead of their goods.
 */
@DisplayName("The advance-exchange rule")
class AdvanceExchangeRuleTest {

  private static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");
  private static final EligibilityPolicy ON = DroolsPolicies.builder()
      .setting("advance-exchange.value-limit", "EUR 100.00")
      .setting("advance-exchange.max-return-rate", "0.2").build().policies().eligibility();

  @Nested
  @DisplayName("decides")
  class Decides {

    @Test
    @DisplayName("nothing ahead with the default settings")
    void offByDefault() {
      LineEligibility line = DroolsPolicies.defaults().policies().eligibility()
          .decide(facts("40.00", Resolution.EXCHANGE, 0, 0)).lines().get(0);

      assertThat(line.advanceExchange()).isFalse();
      assertThat(line.rationale().reasonCodes()).doesNotContain("ADVANCE_EXCHANGE");
    }

    @Test
    @DisplayName("an exchange ahead, with its reason code and rule, for a customer in good "
        + "standing within the limit")
    void granted() {
      LineEligibility line = ON.decide(facts("100.00", Resolution.EXCHANGE, 10, 2)).lines()
          .get(0);

      assertThat(line.advanceExchange()).isTrue();
      assertThat(line.rationale().reasonCodes()).contains("ELIGIBLE", "ADVANCE_EXCHANGE");
      assertThat(line.rationale().rules()).contains("eligibility/advance-exchange");
    }

    @Test
    @DisplayName("no refund ahead, no request over the limit, no customer above the rate")
    void refused() {
      assertThat(ON.decide(facts("40.00", Resolution.REFUND, 0, 0)).lines().get(0)
          .advanceExchange()).isFalse();
      assertThat(ON.decide(facts("100.01", Resolution.EXCHANGE, 0, 0)).lines().get(0)
          .advanceExchange()).isFalse();
      // 3 units returned of 10 bought: 30 % > 20 %.
      assertThat(ON.decide(facts("40.00", Resolution.EXCHANGE, 10, 3)).lines().get(0)
          .advanceExchange()).isFalse();
    }
  }

  @Test
  @DisplayName("through the library: sent when the label exists, charged when the goods never "
      + "come back")
  void endToEnd() {
    TestShop shop = new TestShop(DroolsPolicies.builder()
        .setting("advance-exchange.value-limit", "EUR 100.00").build().policies());
    OrderSnapshot order = shop.add(OrderSnapshot.builder("O-A1", "C-1", "EUR")
        .placedAt(shop.clock.instant().minus(Duration.ofDays(4)))
        .deliveredAt(shop.clock.instant().minus(Duration.ofDays(2)))
        .line("L-1", "SKU-SHIRT-M", "apparel", 1, "40.00").paymentReference("PSP-A1").build());
    ReturnId id = shop.returns.request(request(order, RequestedLine.exchange(line("L-1"), 1,
        ReturnReason.DOES_NOT_FIT, new ReplacementItem(Sku.of("SKU-SHIRT-L"), 1,
            Money.of("40.00", "EUR"))))).id();
    shop.returns.arrangeShipment(id, new ShipmentOptions(ShippingMethod.LABEL,
        TestShop.CUSTOMER));
    assertThat(shop.ports.replacements().placed()).singleElement()
        .satisfies(placed -> assertThat(placed.advance()).isTrue());

    shop.clock.advance(Duration.ofDays(30));
    shop.returns.expireOverdue(shop.clock.instant(), TestShop.SETTLEMENT_JOB);

    ReturnCaseSnapshot charged = shop.find(id);
    assertThat(charged.status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(charged.payments()).extracting(SettlementPayment::purpose,
        SettlementPayment::amount).containsExactly(tuple(
            PaymentPurpose.ADVANCE_REPLACEMENT, Money.of("40.00", "EUR")));
  }

  /** A one-line request by a customer who bought and returned so many units. */
  private static EligibilityFacts facts(String price, Resolution resolution, int bought,
      int returned) {
    OrderLine line = new OrderLine(OrderLineId.of("L-1"), Sku.of("SKU-1"), "apparel", 1,
        Money.of(price, "EUR"), false);
    OrderSnapshot order = new OrderSnapshot(OrderId.of("O-1"), CustomerId.of("C-1"),
        line.paid().currency(), NOW.minus(Duration.ofDays(7)), NOW.minus(Duration.ofDays(5)),
        List.of(line), Money.of("4.95", "EUR"), "PAY-1");
    return new EligibilityFacts(NOW, order, List.of(new RequestedLineFacts(line, 1,
        ReturnReason.DOES_NOT_FIT, resolution, null, 0, 0)),
        new CustomerHistory(CustomerId.of("C-1"), NOW.minus(Duration.ofDays(90)),
            returned == 0 ? 0 : 1, returned, new PurchaseSummary(bought == 0 ? 0 : 1, bought)));
  }
}
