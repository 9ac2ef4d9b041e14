package dev.returnkit.examples.demo;

import static dev.returnkit.spi.vocabulary.ReturnReason.CHANGED_MIND;
import static dev.returnkit.spi.vocabulary.ReturnReason.DAMAGED_IN_TRANSIT;
import static dev.returnkit.spi.vocabulary.ReturnReason.DEFECTIVE;
import static dev.returnkit.spi.vocabulary.ReturnReason.DOES_NOT_FIT;
import static dev.returnkit.spi.vocabulary.ReturnReason.EXPIRED;
import static dev.returnkit.spi.vocabulary.ReturnReason.LATE_DELIVERY;
import static dev.returnkit.spi.vocabulary.ReturnReason.MISSING_PARTS;
import static dev.returnkit.spi.vocabulary.ReturnReason.NOT_AS_DESCRIBED;
import static dev.returnkit.spi.vocabulary.ReturnReason.ORDERED_BY_MISTAKE;
import static dev.returnkit.spi.vocabulary.ReturnReason.OTHER;
import static dev.returnkit.spi.vocabulary.ReturnReason.WRONG_ITEM_SHIPPED;

import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.examples.demo.CaseScript.Finding;
import dev.returnkit.examples.demo.CaseScript.Parcel;
import dev.returnkit.examples.demo.CaseScript.Review;
import dev.returnkit.examples.demo.CaseScript.Shipment;
import dev.returnkit.examples.demo.CaseScript.Warehouse;
import dev.returnkit.examples.demo.Catalogue.Product;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.Allocation;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Draws the demo's world from a seed: customers (a few of them abusive), their orders, and one
 * {@link CaseScript} per return requested during the month.
 *
 * <p>The proportions are those of a mid-sized European fashion, electronics and home shop:
 * most returns are customer reasons (fit, changed mind), most goods come back resellable, a few
 * requests come too late or for goods that cannot be returned, a few parcels get lost. They are
 * plausible, not calibrated; change them here to explore.
 */
final class ShopGenerator {

  /** The month of requests. */
  static final Instant MONTH_START = Instant.parse("2026-03-01T00:00:00Z");
  static final Instant MONTH_END = Instant.parse("2026-04-01T00:00:00Z");

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Money SHIPPING_FEE = Money.of("4.95", "EUR");
  private static final Money FREE_SHIPPING_FROM = Money.of("50.00", "EUR");
  private static final BigDecimal SALE_PRICE = new BigDecimal("0.70");
  private static final double COUPON_SHARE = 0.12;
  private static final double PROMOTION_SHARE = 0.25;
  private static final Money PROMOTION = Money.of("10.00", "EUR");
  private static final Money PROMOTION_FROM = Money.of("100.00", "EUR");
  private static final double GIFT_CARD_SHARE = 0.10;
  private static final Money GIFT_CARD = Money.of("20.00", "EUR");

  /** Why people send things back, per kind of product; weights out of 100. */
  private static final Map<String, Map<ReturnReason, Integer>> REASONS = Map.of(
      "fashion", weights(DOES_NOT_FIT, 45, CHANGED_MIND, 15, NOT_AS_DESCRIBED, 10,
          WRONG_ITEM_SHIPPED, 5, ORDERED_BY_MISTAKE, 5, DEFECTIVE, 5, DAMAGED_IN_TRANSIT, 3,
          LATE_DELIVERY, 4, MISSING_PARTS, 1, OTHER, 7),
      "tech", weights(DEFECTIVE, 30, NOT_AS_DESCRIBED, 14, CHANGED_MIND, 15,
          DAMAGED_IN_TRANSIT, 8, MISSING_PARTS, 8, WRONG_ITEM_SHIPPED, 5, ORDERED_BY_MISTAKE, 8,
          LATE_DELIVERY, 4, OTHER, 8),
      "home", weights(DAMAGED_IN_TRANSIT, 20, CHANGED_MIND, 20, NOT_AS_DESCRIBED, 15,
          DEFECTIVE, 10, MISSING_PARTS, 8, ORDERED_BY_MISTAKE, 10, WRONG_ITEM_SHIPPED, 5,
          LATE_DELIVERY, 4, OTHER, 8),
      "consumable", weights(EXPIRED, 20, CHANGED_MIND, 20, NOT_AS_DESCRIBED, 13,
          DAMAGED_IN_TRANSIT, 12, WRONG_ITEM_SHIPPED, 8, ORDERED_BY_MISTAKE, 12, DEFECTIVE, 5,
          LATE_DELIVERY, 2, OTHER, 8));

  private static final List<String> OTHER_NOTES = List.of(
      "Bought two sizes, keeping the other one",
      "Arrived after the birthday it was for",
      "The colour is not what the photos show",
      "Found it cheaper in a store nearby",
      "Gift, the recipient already has one");

  private final Draw draw;
  private final int cases;
  private final long seed;
  private final List<DemoCustomer> customers = new ArrayList<>();
  private final List<OrderSnapshot> orders = new ArrayList<>();

  private ShopGenerator(int cases, long seed) {
    this.cases = cases;
    this.seed = seed;
    this.draw = new Draw(seed);
  }

  /**
   * Draws a world.
   *
   * @param cases how many returns are requested during the month
   * @param seed the seed; the same seed gives the same world
   * @return the shop data and one script per return, in order of request time
   */
  static DemoWorld generate(int cases, long seed) {
    return new ShopGenerator(cases, seed).generate();
  }

  private DemoWorld generate() {
    List<DemoCustomer> returning = returningCustomers();
    List<Instant> requestTimes = new ArrayList<>();
    for (int i = 0; i < cases; i++) {
      requestTimes.add(requestTime());
    }
    requestTimes.sort(Comparator.naturalOrder());
    List<CaseScript> scripts = new ArrayList<>();
    Map<DemoCustomer, Instant> firstRequest = new LinkedHashMap<>();
    for (int i = 0; i < cases; i++) {
      DemoCustomer customer = returning.get(i);
      Instant requestAt = requestTimes.get(i);
      firstRequest.putIfAbsent(customer, requestAt);
      scripts.add(script(i + 1, customer, requestAt));
    }
    // Orders kept: most customers buy more than they return, which their return rate shows.
    for (DemoCustomer customer : customers) {
      Instant before = firstRequest.getOrDefault(customer, MONTH_END);
      int kept = customer.abusive() ? draw.between(0, 1) : draw.between(0, 3);
      for (int i = 0; i < kept; i++) {
        Instant placedAt = before.minus(draw.hours(24 * 5, 24 * 80));
        keptOrder(customer, placedAt);
      }
    }
    return new DemoWorld(new ShopData(MONTH_START, MONTH_END, customers, orders, cases, seed),
        scripts);
  }

  /**
   * The customer behind each return, shuffled: abusive customers return four to seven times a
   * month, everybody else once or twice.
   */
  private List<DemoCustomer> returningCustomers() {
    int customerCount = Math.max(1, (int) Math.round(cases * 0.75));
    int abusive = cases >= 25 ? Math.max(1, (int) Math.round(customerCount * 0.03)) : 0;
    for (int i = 1; i <= customerCount; i++) {
      customers.add(new DemoCustomer(CustomerId.of(String.format("C-%05d", i)), i <= abusive));
    }
    List<DemoCustomer> byCase = new ArrayList<>();
    for (int i = 0; i < abusive && byCase.size() < cases / 3; i++) {
      int returns = draw.between(4, 7);
      for (int r = 0; r < returns; r++) {
        byCase.add(customers.get(i));
      }
    }
    List<DemoCustomer> regular = customers.subList(abusive, customers.size());
    while (byCase.size() < cases) {
      byCase.add(regular.isEmpty() ? customers.get(0) : draw.any(regular));
    }
    // Fisher-Yates with the seeded draws, so an abusive customer's returns spread over the month.
    for (int i = byCase.size() - 1; i > 0; i--) {
      int j = draw.between(0, i);
      DemoCustomer swap = byCase.get(i);
      byCase.set(i, byCase.get(j));
      byCase.set(j, swap);
    }
    return byCase.subList(0, cases);
  }

  private Instant requestTime() {
    Duration intoMonth = Duration.ofDays(draw.between(0, 30)).plus(draw.hours(7, 23));
    return MONTH_START.plus(intoMonth);
  }

  private CaseScript script(int number, DemoCustomer customer, Instant requestAt) {
    OrderSnapshot order = returnedOrder(customer, requestAt);
    List<RequestedLine> lines = requestedLines(customer, order);
    Review review = customer.abusive()
        ? new Review(draw.hours(2, 40), draw.chance(0.3), "SUSPECTED_ABUSE")
        : new Review(draw.hours(2, 40), draw.chance(0.9), "CLAIM_NOT_SUPPORTED");
    boolean exchange = lines.stream().anyMatch(l -> l.resolution() == Resolution.EXCHANGE);
    return new CaseScript(number, customer, order, requestAt, lines, review, shipment(exchange),
        parcel(), warehouse(customer, order, lines), draw.hours(0.2, 12));
  }

  /** The order a return is requested from: delivered some days before, or too long ago. */
  private OrderSnapshot returnedOrder(DemoCustomer customer, Instant requestAt) {
    if (draw.chance(0.01)) {
      // Asked to return before the parcel even arrived.
      return order(customer, requestAt.minus(draw.hours(24 * 3, 24 * 8)), null);
    }
    int daysSinceDelivery;
    if (draw.chance(0.08)) {
      daysSinceDelivery = draw.between(31, 50); // late; still inside the toys' 60 days
    } else if (draw.chance(0.7)) {
      daysSinceDelivery = draw.between(1, 10);
    } else {
      daysSinceDelivery = draw.between(11, 30);
    }
    Instant deliveredAt = requestAt.minus(Duration.ofDays(daysSinceDelivery))
        .minus(draw.hours(0, 12));
    return order(customer, deliveredAt.minus(draw.hours(24, 24 * 4)), deliveredAt);
  }

  private void keptOrder(DemoCustomer customer, Instant placedAt) {
    order(customer, placedAt, placedAt.plus(draw.hours(24, 24 * 4)));
  }

  /**
   * An order as shops take them: VAT included at its category's rate, now and then a coupon or
   * a threshold promotion, and some paid partly with a gift card.
   */
  private OrderSnapshot order(DemoCustomer customer, Instant placedAt, Instant deliveredAt) {
    int lineCount = draw.chance(0.55) ? 1 : draw.chance(0.65) ? 2 : 3;
    List<Product> products = new ArrayList<>();
    while (products.size() < lineCount) {
      Product product = draw.weighted(Catalogue.PRODUCTS, Product::weight);
      if (!products.contains(product)) {
        products.add(product);
      }
    }
    int number = orders.size() + 1;
    OrderSnapshot.Builder builder = OrderSnapshot.builder(
        OrderId.of(String.format("O-%06d", number)), customer.id(), EUR)
        .placedAt(placedAt).deliveredAt(deliveredAt).taxIncluded();
    Money subtotal = Money.zero(EUR);
    int lines = 0;
    for (Product product : products) {
      int quantity = draw.chance(0.85) ? 1 : draw.chance(0.8) ? 2 : 3;
      boolean finalSale = draw.chance(0.05);
      Money price = finalSale
          ? Money.rounded(product.price().amount().multiply(SALE_PRICE), EUR) : product.price();
      String lineId = String.valueOf(++lines);
      String unit = price.amount().toPlainString();
      (finalSale ? builder.finalSaleLine(lineId, product.sku().value(), product.category(),
          quantity, unit) : builder.line(lineId, product.sku().value(), product.category(),
          quantity, unit)).taxRate(vatRate(product.category()));
      subtotal = subtotal.plus(price.times(quantity));
    }
    Money discounts = Money.zero(EUR);
    if (draw.chance(COUPON_SHARE)) {
      Money coupon = subtotal.percent(BigDecimal.TEN);
      builder.orderDiscount("SPRING10", coupon.amount().toPlainString());
      discounts = discounts.plus(coupon);
    } else if (!subtotal.isLessThan(PROMOTION_FROM) && draw.chance(PROMOTION_SHARE)) {
      builder.promotion("TEN-OFF-100", PROMOTION.amount().toPlainString(),
          PROMOTION_FROM.amount().toPlainString());
      discounts = discounts.plus(PROMOTION);
    }
    Money shipping = subtotal.isLessThan(FREE_SHIPPING_FROM) ? SHIPPING_FEE : Money.zero(EUR);
    Money total = subtotal.minus(discounts).plus(shipping);
    builder.shipping(shipping);
    String card = String.format("PSP-%06d", number);
    if (draw.chance(GIFT_CARD_SHARE) && total.isGreaterThan(GIFT_CARD)) {
      builder.tender(TenderType.GIFT_CARD, String.format("GC-%06d", number),
          GIFT_CARD.amount().toPlainString());
      builder.tender(TenderType.CARD, card, total.minus(GIFT_CARD).amount().toPlainString());
    } else {
      builder.paymentReference(card);
    }
    OrderSnapshot order = builder.build();
    orders.add(order);
    return order;
  }

  /** Germany's VAT: 7 % on food and food supplements, 19 % on the rest. */
  private static String vatRate(String category) {
    return category.equals("perishables") || category.equals("health") ? "7" : "19";
  }

  private List<RequestedLine> requestedLines(DemoCustomer customer, OrderSnapshot order) {
    List<RequestedLine> requested = new ArrayList<>();
    for (OrderLine line : order.lines()) {
      boolean returned = requested.isEmpty() || customer.abusive() || draw.chance(0.35);
      if (!returned) {
        continue;
      }
      int quantity = customer.abusive() || draw.chance(0.8)
          ? line.quantity() : draw.between(1, line.quantity());
      ReturnReason reason = draw.weighted(List.copyOf(REASONS.get(kind(line.category()))
          .keySet()), r -> REASONS.get(kind(line.category())).get(r));
      String note = reason == OTHER && draw.chance(0.5) ? draw.any(OTHER_NOTES) : null;
      Resolution resolution = resolution(reason, line.category());
      requested.add(resolution == Resolution.EXCHANGE && draw.chance(0.6)
          ? RequestedLine.exchange(line.id(), quantity, reason, replacement(line, quantity))
          : new RequestedLine(line.id(), quantity, reason, resolution, note));
    }
    return requested;
  }

  /**
   * Another size or colour of the item: mostly at the same price as the unit paid, some dearer
   * (the difference is charged), some cheaper (the difference refunded).
   */
  private ReplacementItem replacement(OrderLine line, int quantity) {
    Money unitPaid = Allocation.units(line.paid(), line.quantity(), 0, 1);
    BigDecimal factor = draw.chance(0.5) ? BigDecimal.ONE
        : draw.chance(0.5) ? new BigDecimal("1.25") : new BigDecimal("0.80");
    return new ReplacementItem(Sku.of(line.sku().value() + "-ALT"), quantity,
        Money.rounded(unitPaid.amount().multiply(factor), EUR));
  }

  private Resolution resolution(ReturnReason reason, String category) {
    if (reason == DOES_NOT_FIT && draw.chance(0.4)) {
      return Resolution.EXCHANGE;
    }
    if (reason == WRONG_ITEM_SHIPPED && draw.chance(0.3)) {
      return Resolution.EXCHANGE;
    }
    if (reason == DEFECTIVE && kind(category).equals("tech") && draw.chance(0.35)) {
      return Resolution.REPAIR;
    }
    return draw.chance(0.8) ? Resolution.REFUND : Resolution.STORE_CREDIT;
  }

  private Shipment shipment(boolean exchange) {
    ShippingMethod method = draw.chance(0.8) ? ShippingMethod.LABEL : ShippingMethod.PICKUP;
    Duration arrangeAfter = draw.hours(0.1, 6);
    if (draw.chance(0.02)) {
      return new Shipment(method, arrangeAfter, null, draw.hours(12, 24 * 4));
    }
    // Customers who already have their replacement (an advance exchange) keep the goods more
    // often: the known cost of sending ahead, which the deadline then charges.
    if (draw.chance(exchange ? 0.08 : 0.03)) {
      return new Shipment(method, arrangeAfter, null, null); // never sent: expires
    }
    return new Shipment(method, arrangeAfter, draw.exponentialHours(36, 24 * 12).plusHours(4),
        null);
  }

  private Parcel parcel() {
    List<Duration> gaps = new ArrayList<>();
    gaps.add(Duration.ZERO); // the drop-off scan
    int hubs = draw.between(0, 2);
    for (int i = 0; i < hubs; i++) {
      gaps.add(draw.hours(6, 30));
    }
    Duration delay = draw.chance(0.06) ? draw.hours(24 * 2, 24 * 6) : Duration.ZERO;
    return new Parcel(gaps, draw.hours(10, 40), delay, draw.chance(0.012), draw.chance(0.02),
        draw.chance(0.03));
  }

  private Warehouse warehouse(DemoCustomer customer, OrderSnapshot order,
      List<RequestedLine> lines) {
    Map<OrderLineId, Integer> missing = new LinkedHashMap<>();
    if (draw.chance(0.03)) {
      missing.put(draw.any(lines).orderLineId(), 1);
    }
    Map<OrderLineId, Finding> findings = new LinkedHashMap<>();
    for (RequestedLine line : lines) {
      String category = order.line(line.orderLineId()).orElseThrow().category();
      findings.put(line.orderLineId(), finding(customer, line.reason(), category));
    }
    return new Warehouse(draw.hours(1, 30), missing, draw.hours(2, 48), findings);
  }

  /** What the inspector finds, given why the customer said they returned it. */
  private Finding finding(DemoCustomer customer, ReturnReason reason, String category) {
    if (customer.abusive() && draw.chance(0.5)) {
      return draw.chance(0.8) ? found(ItemGrade.C, InspectionFinding.SIGNS_OF_USE)
          : new Finding(ItemGrade.B, EnumSet.of(InspectionFinding.WRONG_ITEM), true);
    }
    return switch (reason) {
      case DEFECTIVE -> draw.chance(0.75)
          ? found(draw.chance(0.7) ? ItemGrade.C : ItemGrade.D, InspectionFinding.FUNCTIONAL_FAULT)
          : found(ItemGrade.A, InspectionFinding.NO_FAULT_FOUND);
      case DAMAGED_IN_TRANSIT -> draw.chance(0.4)
          ? found(ItemGrade.D, InspectionFinding.ITEM_DAMAGED,
              InspectionFinding.PACKAGING_DAMAGED)
          : draw.chance(0.67) ? found(ItemGrade.C, InspectionFinding.ITEM_DAMAGED)
          : found(ItemGrade.B, InspectionFinding.PACKAGING_DAMAGED);
      case MISSING_PARTS -> draw.chance(0.8)
          ? found(ItemGrade.B, InspectionFinding.MISSING_ACCESSORIES)
          : found(ItemGrade.A, InspectionFinding.NO_FAULT_FOUND);
      case EXPIRED -> draw.chance(0.85) ? found(ItemGrade.D, InspectionFinding.EXPIRED)
          : found(ItemGrade.A, InspectionFinding.SEAL_INTACT);
      case WRONG_ITEM_SHIPPED -> found(ItemGrade.A, InspectionFinding.SEAL_INTACT);
      default -> customerReturnFinding(category);
    };
  }

  /** Goods sent back for the customer's own reasons: mostly as new. */
  private Finding customerReturnFinding(String category) {
    if (kind(category).equals("tech") && draw.chance(0.05)) {
      return draw.chance(0.6) ? found(ItemGrade.B, InspectionFinding.MISSING_ACCESSORIES)
          : new Finding(ItemGrade.A, EnumSet.of(InspectionFinding.SERIAL_MISMATCH), true);
    }
    int roll = draw.between(1, 100);
    if (roll <= 30) {
      return found(ItemGrade.A, InspectionFinding.SEAL_INTACT);
    } else if (roll <= 65) {
      return found(ItemGrade.A);
    } else if (roll <= 80) {
      return found(ItemGrade.B, InspectionFinding.PACKAGING_DAMAGED);
    } else if (roll <= 92) {
      return found(ItemGrade.B, InspectionFinding.SIGNS_OF_USE);
    } else if (roll <= 98) {
      return found(ItemGrade.C, InspectionFinding.SIGNS_OF_USE);
    }
    return found(ItemGrade.D, InspectionFinding.ITEM_DAMAGED);
  }

  private static Finding found(ItemGrade grade, InspectionFinding... findings) {
    Set<InspectionFinding> set = EnumSet.noneOf(InspectionFinding.class);
    set.addAll(List.of(findings));
    return new Finding(grade, set, false);
  }

  private static String kind(String category) {
    return switch (category) {
      case "apparel", "shoes", "swimwear", "underwear" -> "fashion";
      case "electronics", "earbuds", "appliances" -> "tech";
      case "cosmetics", "health", "perishables" -> "consumable";
      default -> "home";
    };
  }

  private static Map<ReturnReason, Integer> weights(Object... reasonsAndWeights) {
    Map<ReturnReason, Integer> weights = new LinkedHashMap<>();
    for (int i = 0; i < reasonsAndWeights.length; i += 2) {
      weights.put((ReturnReason) reasonsAndWeights[i], (Integer) reasonsAndWeights[i + 1]);
    }
    return weights;
  }
}
