package dev.returnkit.bench.probe;

import dev.returnkit.bench.decision.CaseGenerator;
import dev.returnkit.core.decision.EligibilityDecision;
import dev.returnkit.core.decision.ReturnPolicies;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.engine.DefaultRules;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Run in a fresh JVM by {@link StartupProbe}: loads the default rules (precompiled, or compiled
 * from their DRL), makes one decision, and prints how long after JVM start that was and how
 * much heap the loaded rules hold.
 *
 * <p>Usage: {@code FirstDecision precompiled|drl}. Prints one line:
 * {@code firstDecisionMillis=<ms since JVM start> heapBytes=<bytes> verdict=<first line's>}.
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
    var request = CaseGenerator.generate(1, 1).get(0).eligibility();
    long heapBefore = usedHeapAfterGc();
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
    long heap = usedHeapAfterGc() - heapBefore;
    System.out.printf(Locale.ROOT, "firstDecisionMillis=%d heapBytes=%d verdict=%s%n", uptime,
        heap, decision.lines().get(0).verdict());
    // Keep the rules reachable until the heap was measured.
    if (policies.toString().isEmpty()) {
      System.out.println();
    }
  }

  private static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
