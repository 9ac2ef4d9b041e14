package dev.returnkit.bench.probe;

import dev.returnkit.core.ReturnPolicies;
import dev.returnkit.core.request.CustomerHistory;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.RequestedLineFacts;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.engine.DefaultRules;
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
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Run in a fresh JVM by {@link StartupProbe}: loads the default rules (precompiled, or compiled
 * from their DRL), makes one decision, and prints how long after JVM start that was, or how much
 * heap the loaded rules hold.
 *
 * <p>Usage: {@code FirstDecision precompiled|drl [heap]}. Prints one line:
 * {@code firstDecisionMillis=<ms since JVM start> heapBytes=<bytes, or -1 without "heap">
 * verdict=<first line's> rules=<where they came from>}. With {@code heap} the JVM forces GC
 * around loading the rules to measure the heap they hold (which includes what loading them
 * needed: classes' static data, Drools' own caches), and its time is not a start-up time.
 */
public final class FirstDecision {

  private FirstDecision() {}

  /**
   * Runs the probe.
   *
   * @param args {@code precompiled} or {@code drl}
   */
  public static void main(String[] args) {
    boolean fromDrl = args.length > 0 && args[0].equals("drl");
    boolean measureHeap = args.length > 1 && args[1].equals("heap");
    // One request built by hand, as a shop's own code would: generating it with the
    // benchmarks' CaseGenerator cost about 75 ms of class loading and random numbers that
    // were then counted as returnkit's start-up.
    EligibilityFacts request = request();
    // Forcing GC costs time: only the heap runs do it, and their time is not reported.
    long heapBefore = measureHeap ? usedHeapAfterGc() : 0;
    DroolsPolicies policies;
    if (fromDrl) {
      // The same default rules, compiled at run time: replacing a file with its own text makes
      // the builder compile every default file from DRL instead of loading the precompiled set.
      String first = DroolsPolicies.Builder.defaultRuleFiles().get(0);
      policies = DroolsPolicies.builder().replace(first, DefaultRules.sources().get(first))
          .build();
    } else {
      policies = DroolsPolicies.defaults();
    }
    ReturnPolicies returnPolicies = policies.policies();
    EligibilityDecision decision = returnPolicies.eligibility().decide(request);
    long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
    long heap = measureHeap ? usedHeapAfterGc() - heapBefore : -1;
    System.out.printf(Locale.ROOT, "firstDecisionMillis=%d heapBytes=%d verdict=%s rules=%s%n",
        uptime, heap, decision.lines().get(0).verdict(), policies.description());
  }

  /** A shirt bought 12 days ago, delivered 10 days ago, returned for not fitting. */
  private static EligibilityFacts request() {
    Instant now = Instant.parse("2026-03-16T10:00:00Z");
    OrderLine shirt = new OrderLine(OrderLineId.of("L-1"), Sku.of("SKU-TEE-M"), "apparel", 1,
        Money.of("29.90", "EUR"), false);
    OrderSnapshot order = new OrderSnapshot(OrderId.of("O-1"), CustomerId.of("C-1"),
        Currency.getInstance("EUR"), now.minus(Duration.ofDays(12)),
        now.minus(Duration.ofDays(10)), List.of(shirt), Money.of("4.95", "EUR"), "PAY-1");
    RequestedLineFacts line = new RequestedLineFacts(shirt, 1, ReturnReason.DOES_NOT_FIT,
        Resolution.REFUND, null, 0, 0);
    CustomerHistory history = new CustomerHistory(order.customerId(),
        now.minus(Duration.ofDays(90)), 0, 0, new PurchaseSummary(1, 1));
    return new EligibilityFacts(now, order, List.of(line), history);
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
