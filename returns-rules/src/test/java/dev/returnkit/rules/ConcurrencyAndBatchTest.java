package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.rules.engine.DefaultRules;
import dev.returnkit.rules.engine.RuleDecisions;
import dev.returnkit.rules.engine.RuleEngine;
import dev.returnkit.rules.engine.RuleSet;
import dev.returnkit.rules.fact.EligibilityCase;
import dev.returnkit.rules.settings.PolicySettings;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One shared rule set, many callers: decisions in one batch equal the same decisions one at a
 * time, and decisions from many threads at once equal them too (no state leaks between
 * executions).
 */
@DisplayName("Deciding in batches and from many threads")
class ConcurrencyAndBatchTest {

  private static final DroolsPolicies RULES = DroolsPolicies.defaults();

  /** A mix of requests that end approved, returnless, in review and rejected. */
  private static List<EligibilityFacts> requests() {
    return requests(200);
  }

  /** {@code count} requests of the same mix. */
  private static List<EligibilityFacts> requests(int count) {
    List<EligibilityFacts> requests = new ArrayList<>();
    ReturnReason[] reasons = ReturnReason.values();
    String[] categories = {"apparel", "electronics", "underwear", "furniture", "home"};
    String[] prices = {"9.99", "49.00", "899.00", "15.00"};
    for (int i = 0; i < count; i++) {
      requests.add(Facts.request(categories[i % categories.length], prices[i % prices.length],
          (i * 7) % 50, reasons[i % reasons.length]));
    }
    return requests;
  }

  @Test
  @DisplayName("one batch decides exactly what single decisions decide")
  void batchEqualsSingle() {
    List<EligibilityFacts> requests = requests();

    List<EligibilityDecision> batch = RULES.decideEligibility(requests);

    assertThat(batch).hasSize(requests.size());
    for (int i = 0; i < requests.size(); i++) {
      assertThat(batch.get(i)).as("request " + i).isEqualTo(RULES.decide(requests.get(i)));
    }
    assertThat(batch.stream().map(d -> d.lines().get(0).verdict()).distinct().count())
        .isEqualTo(3);
  }

  @Test
  @DisplayName("many threads deciding at once each get their own, correct decisions")
  void concurrentDecisions() throws Exception {
    List<EligibilityFacts> requests = requests();
    List<EligibilityDecision> expected = requests.stream().map(RULES::decide).toList();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<EligibilityDecision>>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int offset = t;
        results.add(pool.submit(() -> {
          start.await();
          List<EligibilityDecision> decided = new ArrayList<>();
          for (int i = 0; i < requests.size(); i++) {
            // Each thread walks the requests from its own starting point.
            decided.add(RULES.decide(requests.get((i + offset * 25) % requests.size())));
          }
          return decided;
        }));
      }
      start.countDown();
      for (int t = 0; t < threads; t++) {
        List<EligibilityDecision> decided = results.get(t).get(60, TimeUnit.SECONDS);
        for (int i = 0; i < requests.size(); i++) {
          assertThat(decided.get(i)).isEqualTo(expected.get((i + t * 25) % requests.size()));
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @ParameterizedTest(name = "{0} cases run as {1}")
  @CsvSource(delimiter = ';', value = {
      "1; 1",
      "200; 200",
      "201; 200,1",
      "400; 200,200",
      "450; 200,200,50"})
  @DisplayName("a batch runs the rules over at most 200 cases at a time, and decides in order")
  void batchesRunInRunsOf200(int count, String runs) {
    List<EligibilityFacts> requests = requests(count);
    List<Integer> casesPerRun = new CopyOnWriteArrayList<>();
    RuleSet rules = new RuleSet(DefaultRules.precompiled(), Set.of(), PolicySettings.defaults(),
        "the defaults");
    RuleEngine counting = facts -> {
      casesPerRun.add((int) facts.stream().filter(EligibilityCase.class::isInstance).count());
      return rules.run(facts);
    };

    List<EligibilityDecision> batch = RuleDecisions.eligibility(counting, requests);

    assertThat(casesPerRun).containsExactly(Arrays.stream(runs.split(","))
        .map(Integer::valueOf).toArray(Integer[]::new));
    assertThat(batch).hasSize(count);
    for (int i = 0; i < count; i++) {
      assertThat(batch.get(i)).as("request " + i).isEqualTo(RULES.decide(requests.get(i)));
    }
  }
}
