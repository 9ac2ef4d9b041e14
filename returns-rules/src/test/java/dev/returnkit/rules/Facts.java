package dev.returnkit.rules;

import dev.returnkit.core.request.CustomerHistory;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.RequestedLineFacts;
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
import java.util.ArrayList;
import java.util.List;

/** Eligibility facts for the rules' tests, built in one line. */
final class Facts {

  static final Instant NOW = Instant.parse("2026-03-10T10:00:00Z");

  private Facts() {}

  /** A one-line request, delivered {@code daysAgo} days before, by a first-time customer. */
  static EligibilityFacts request(String category, String price, int daysAgo,
      ReturnReason reason) {
    return request(daysAgo, new Line(category, price, false, reason));
  }

  /** One line of a request. */
  record Line(String category, String price, boolean finalSale, ReturnReason reason) {}

  /** A request of several lines (L-1, L-2, ...), delivered {@code daysAgo} days before. */
  static EligibilityFacts request(int daysAgo, Line... lines) {
    List<OrderLine> orderLines = new ArrayList<>();
    List<RequestedLineFacts> requested = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Line line = lines[i];
      OrderLine orderLine = new OrderLine(OrderLineId.of("L-" + (i + 1)), Sku.of("SKU-" + i),
          line.category(), 1, Money.of(line.price(), "EUR"), line.finalSale());
      orderLines.add(orderLine);
      requested.add(new RequestedLineFacts(orderLine, 1, line.reason(), Resolution.REFUND, null,
          0, 0));
    }
    OrderSnapshot order = new OrderSnapshot(OrderId.of("O-1"), CustomerId.of("C-1"),
        orderLines.get(0).paid().currency(), NOW.minus(Duration.ofDays(daysAgo + 2)),
        NOW.minus(Duration.ofDays(daysAgo)), orderLines, Money.of("4.95", "EUR"), "PAY-1");
    return new EligibilityFacts(NOW, order, requested,
        new CustomerHistory(CustomerId.of("C-1"), NOW.minus(Duration.ofDays(90)), 0, 0,
            PurchaseSummary.NONE));
  }
}
