package dev.returnkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.rules.fact.LineFact;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.runtime.rule.Match;

/**
 * The order outcomes and rules come out in does not depend on the order Drools fired them in:
 * Drools' own events are played here out of agenda order, as the engine was seen to fire them.
 */
@DisplayName("Fired rules")
class FiredRulesTest {

  record Line(String caseKey, String lineKey, String lineId) implements LineFact {}

  record Outcome(String code) {}

  private static final Line LINE = new Line("case-0", "case-0/1", "1");

  /** A stand-in for one of Drools' event or definition interfaces, answering by method name. */
  @SuppressWarnings("unchecked")
  private static <T> T stub(Class<T> type, Map<String, Object> answers) {
    return (T) Proxy.newProxyInstance(FiredRulesTest.class.getClassLoader(),
        new Class<?>[] {type}, (proxy, method, args) -> {
          if (!answers.containsKey(method.getName())) {
            throw new UnsupportedOperationException(method.getName());
          }
          return answers.get(method.getName());
        });
  }

  /** Plays one rule firing: before, the outcomes it inserts, after. */
  private static void fire(FiredRules fired, String name, int salience, int loadOrder,
      Object... outcomes) {
    Rule rule = stub(Rule.class, Map.of("getPackageName", "dev.returnkit.rules.eligibility",
        "getName", name, "getLoadOrder", loadOrder));
    Match match = stub(Match.class, Map.of("getRule", rule, "getSalience", salience,
        "getObjects", List.of(LINE)));
    fired.beforeMatchFired(stub(BeforeMatchFiredEvent.class, Map.of("getMatch", match)));
    for (Object outcome : outcomes) {
      fired.objectInserted(stub(ObjectInsertedEvent.class, Map.of("getObject", outcome,
          "getRule", rule)));
    }
    fired.afterMatchFired(stub(AfterMatchFiredEvent.class, Map.of("getMatch", match)));
  }

  private static void insertInput(FiredRules fired, Object fact) {
    fired.objectInserted(stub(ObjectInsertedEvent.class, Map.of("getObject", fact)));
  }

  @Test
  @DisplayName("lists rules of equal salience by rule id, whichever fired first")
  void equalSalienceInRuleOrder() {
    FiredRules fired = new FiredRules();
    insertInput(fired, LINE);
    // Load order is the compiler's business: it must not decide the order either.
    fire(fired, "not-delivered", 0, 1, new Outcome("ORDER_NOT_DELIVERED"));
    fire(fired, "non-returnable-category", 0, 5, new Outcome("NON_RETURNABLE"));

    assertThat(fired.inserted()).containsExactly(LINE, new Outcome("NON_RETURNABLE"),
        new Outcome("ORDER_NOT_DELIVERED"));
    assertThat(fired.forLine("case-0/1"))
        .containsExactly("eligibility/non-returnable-category", "eligibility/not-delivered");
    assertThat(fired.forCase("case-0"))
        .containsExactly("eligibility/non-returnable-category", "eligibility/not-delivered");
  }

  @Test
  @DisplayName("lists higher salience first, and one rule's outcomes in the order it inserted them")
  void salienceThenInsertionOrder() {
    FiredRules fired = new FiredRules();
    fire(fired, "eligible", -100, 1, new Outcome("ELIGIBLE"));
    fire(fired, "high-value", 10, 9, new Outcome("B"), new Outcome("A"));

    assertThat(fired.inserted()).containsExactly(new Outcome("B"), new Outcome("A"),
        new Outcome("ELIGIBLE"));
    assertThat(fired.forLine("case-0/1"))
        .containsExactly("eligibility/high-value", "eligibility/eligible");
  }

  @Test
  @DisplayName("keeps the firing order of engines that report it themselves")
  void otherEnginesKeepTheirOrder() {
    FiredRules fired = new FiredRules();
    fired.recordInserted(LINE);
    fired.recordFiring("eligibility/z-rule", List.of(LINE));
    fired.recordInserted(new Outcome("Z"));
    fired.recordFiring("eligibility/a-rule", List.of(LINE));
    fired.recordInserted(new Outcome("A"));

    assertThat(fired.inserted()).containsExactly(LINE, new Outcome("Z"), new Outcome("A"));
    assertThat(fired.forLine("case-0/1"))
        .containsExactly("eligibility/z-rule", "eligibility/a-rule");
    assertThat(fired.forLine("case-9/1")).isEmpty();
  }
}
