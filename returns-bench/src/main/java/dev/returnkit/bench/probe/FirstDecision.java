package dev.returnkit.bench.probe;

import dev.returnkit.bench.decision.CaseGenerator;
import dev.returnkit.core.ReturnPolicies;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.engine.DefaultRules;
import java.lang.management.ManagementFactory;
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
    var request = CaseGenerator.generate(1, 1).get(0).eligibility();
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

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
