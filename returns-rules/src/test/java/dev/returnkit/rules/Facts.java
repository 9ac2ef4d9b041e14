package dev.returnkit.rules;

import dev.returnkit.core.decision.CustomerHistory;
import dev.returnkit.core.decision.EligibilityFacts;
import dev.returnkit.core.decision.RequestedLineFacts;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.PurchaseSummary;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Eligibility facts for the rules' tests, built in one line. */
final class Facts {

  static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

  private Facts() {}

  /** A one-line request, delivered {@code daysAgo} days before, by a first-time customer. */
  static EligibilityFacts request(String category, String price, int daysAgo,
      ReturnReason reason) {
    OrderLine line = new OrderLine(OrderLineId.of("L-1"), Sku.of("SKU-1"), category, 1,
        Money.of(price, "EUR"), false);
    OrderSnapshot order = new OrderSnapshot(OrderId.of("O-1"), CustomerId.of("C-1"),
        line.unitPricePaid().currency(), NOW.minus(Duration.ofDays(daysAgo + 2)),
        NOW.minus(Duration.ofDays(daysAgo)), List.of(line), Money.of("4.95", "EUR"), "PAY-1");
    return new EligibilityFacts(NOW, order,
        List.of(new RequestedLineFacts(line, 1, reason, Resolution.REFUND, null, 0, 0)),
        new CustomerHistory(CustomerId.of("C-1"), NOW.minus(Duration.ofDays(90)), 0, 0,
            PurchaseSummary.NONE));
  }
}
