package dev.returnkit.bench.decision;

import dev.returnkit.core.request.CustomerHistory;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.RequestedLineFacts;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.settlement.SettlementLineFacts;
import dev.returnkit.core.warehouse.DispositionFacts;
import dev.returnkit.core.warehouse.DispositionLineFacts;
import dev.returnkit.core.warehouse.LiabilityFacts;
import dev.returnkit.core.warehouse.LiabilityLineFacts;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.PurchaseSummary;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates decision facts for benchmarks and the cross-check: deterministic from a seed, and
 * spread so that every default rule has cases to fire on (every category with its own window
 * or treatment, every reason, grade and finding, late and undelivered orders, final sale,
 * lines already returned or open elsewhere, high values, high return rates, currencies the
 * settings do and do not know). Plausible rather than realistic: the demo's generator is the
 * realistic one; this one is for coverage.
 */
public final class CaseGenerator {

  private static final String[] CATEGORIES = {"apparel", "apparel", "shoes", "electronics",
      "electronics", "appliances", "furniture", "toys", "kitchen", "books", "underwear",
      "swimwear", "cosmetics", "earbuds", "perishables", "gift-cards", "personalised"};
  private static final String[] CURRENCIES = {"EUR", "EUR", "EUR", "EUR", "EUR", "EUR", "EUR",
      "EUR", "USD", "GBP", "CHF"};
  private static final Instant NOW = Instant.parse("2026-03-15T10:00:00Z");

  private final Random random;

  private CaseGenerator(long seed) {
    this.random = new Random(seed);
  }

  /**
   * Generates cases.
   *
   * @param count how many
   * @param seed the seed: the same seed gives the same cases
   * @return the cases
   */
  public static List<DecisionCase> generate(int count, long seed) {
    CaseGenerator generator = new CaseGenerator(seed);
    List<DecisionCase> cases = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      cases.add(generator.next(i));
    }
    return cases;
  }

  private DecisionCase next(int number) {
    ReturnId returnId = ReturnId.of(String.format("R-%07d", number));
    Currency currency = Currency.getInstance(pick(CURRENCIES));
    int lineCount = 1 + random.nextInt(3);
    List<OrderLine> orderLines = new ArrayList<>();
    for (int l = 1; l <= lineCount; l++) {
      int cents = random.nextInt(10) == 0 ? 30_000 + random.nextInt(90_000)
          : 500 + random.nextInt(12_000);
      orderLines.add(new OrderLine(OrderLineId.of("L-" + l), Sku.of("SKU-" + random.nextInt(500)),
          pick(CATEGORIES), 1 + random.nextInt(3), money(cents, currency),
          random.nextInt(20) == 0));
    }
    Instant placedAt = NOW.minus(Duration.ofDays(5 + random.nextInt(90)));
    Instant deliveredAt = random.nextInt(25) == 0 ? null
        : placedAt.plus(Duration.ofDays(1 + random.nextInt(5)));
    OrderSnapshot order = new OrderSnapshot(OrderId.of("O-" + number),
        CustomerId.of("C-" + random.nextInt(5000)), currency, placedAt, deliveredAt,
        orderLines, money(random.nextBoolean() ? 0 : 495, currency), "PAY-" + number);

    List<RequestedLineFacts> requested = new ArrayList<>();
    List<LiabilityLineFacts> liabilityLines = new ArrayList<>();
    List<DispositionLineFacts> dispositionLines = new ArrayList<>();
    List<SettlementLineFacts> settlementLines = new ArrayList<>();
    boolean lost = random.nextInt(60) == 0;
    for (OrderLine line : orderLines) {
      ReturnReason reason = pick(ReturnReason.values());
      Resolution resolution = pick(Resolution.values());
      int alreadyReturned = random.nextInt(12) == 0 ? line.quantity() : 0;
      int quantity = 1 + random.nextInt(line.quantity());
      String note = reason == ReturnReason.OTHER && random.nextBoolean() ? "see photos" : null;
      requested.add(new RequestedLineFacts(line, quantity, reason, resolution, note,
          alreadyReturned, random.nextInt(30) == 0 ? 1 : 0));

      boolean returnless = !lost && random.nextInt(15) == 0;
      Inspection inspection = lost || returnless ? null : inspection(reason);
      liabilityLines.add(new LiabilityLineFacts(line.id(), line.sku(), line.category(), reason,
          inspection, returnless, lost));
      Liability liability = pick(Liability.values());
      Inspection inspected = inspection == null ? inspection(reason) : inspection;
      dispositionLines.add(new DispositionLineFacts(line.id(), line.sku(), line.category(),
          reason, quantity, inspected, liability));
      settlementLines.add(new SettlementLineFacts(line.id(), line.sku(), line.category(),
          reason, resolution, line.value().units(line.quantity(), 0, quantity), quantity,
          inspection, liability,
          inspection == null ? null : pick(Disposition.values()), returnless));
    }
    int returnCases = random.nextInt(6);
    int bought = 1 + random.nextInt(20);
    CustomerHistory history = new CustomerHistory(order.customerId(),
        NOW.minus(Duration.ofDays(90)), returnCases,
        Math.min(bought * 2, returnCases * (1 + random.nextInt(3))),
        new PurchaseSummary(1 + random.nextInt(8), bought));
    Instant requestedAt = deliveredAt == null ? placedAt.plus(Duration.ofDays(2))
        : deliveredAt.plus(Duration.ofDays(random.nextInt(75)))
            .plus(Duration.ofHours(random.nextInt(24)));
    return new DecisionCase(
        new EligibilityFacts(requestedAt, order, requested, history),
        new LiabilityFacts(returnId, liabilityLines),
        new DispositionFacts(returnId, dispositionLines),
        new SettlementFacts(returnId, lost, pick(ReturnShippingPayer.values()),
            order.shippingPaid(), settlementLines));
  }

  /** A grade and findings that fit the reason more often than not. */
  private Inspection inspection(ReturnReason reason) {
    ItemGrade grade = pick(ItemGrade.values());
    Set<InspectionFinding> findings = EnumSet.noneOf(InspectionFinding.class);
    switch (reason) {
      case DEFECTIVE -> findings.add(random.nextInt(3) == 0 ? InspectionFinding.NO_FAULT_FOUND
          : InspectionFinding.FUNCTIONAL_FAULT);
      case DAMAGED_IN_TRANSIT -> findings.add(InspectionFinding.PACKAGING_DAMAGED);
      case WRONG_ITEM_SHIPPED -> findings.add(InspectionFinding.WRONG_ITEM);
      case EXPIRED -> findings.add(InspectionFinding.EXPIRED);
      default -> {
        if (random.nextBoolean()) {
          findings.add(InspectionFinding.SEAL_INTACT);
        }
      }
    }
    int extra = random.nextInt(3);
    for (int i = 0; i < extra; i++) {
      findings.add(pick(InspectionFinding.values()));
    }
    return new Inspection(grade, findings, null);
  }

  private Money money(int cents, Currency currency) {
    return Money.of(BigDecimal.valueOf(cents, 2), currency);
  }

  private <T> T pick(T[] values) {
    return values[random.nextInt(values.length)];
  }
}
