package dev.returnkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.rules.fact.CaseFact;
import dev.returnkit.rules.fact.LineFact;
import dev.returnkit.rules.fact.LineKeyed;
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

  record Line(int caseKey, int lineKey, String lineId) implements LineFact {}

  record Outcome(int caseKey, int lineKey, String code) implements LineKeyed {
    Outcome(String code) {
      this(0, 1, code);
    }
  }

  record CaseOutcome(int caseKey, String code) implements CaseFact {}

  private static final Line LINE = new Line(0, 1, "1");

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

    assertThat(fired.outcomesOfLine(1)).containsExactly(new Outcome("NON_RETURNABLE"),
        new Outcome("ORDER_NOT_DELIVERED"));
    assertThat(fired.rulesOfLine(1))
        .containsExactly("eligibility/non-returnable-category", "eligibility/not-delivered");
    assertThat(fired.rulesOfCase(0))
        .containsExactly("eligibility/non-returnable-category", "eligibility/not-delivered");
  }

  @Test
  @DisplayName("lists higher salience first, and one rule's outcomes in the order it inserted them")
  void salienceThenInsertionOrder() {
    FiredRules fired = new FiredRules();
    fire(fired, "eligible", -100, 1, new Outcome("ELIGIBLE"));
    fire(fired, "high-value", 10, 9, new Outcome("B"), new Outcome("A"));

    assertThat(fired.outcomesOfLine(1)).containsExactly(new Outcome("B"), new Outcome("A"),
        new Outcome("ELIGIBLE"));
    assertThat(fired.rulesOfLine(1))
        .containsExactly("eligibility/high-value", "eligibility/eligible");
  }

  @Test
  @DisplayName("keeps the firing order of engines that report it themselves")
  void otherEnginesKeepTheirOrder() {
    FiredRules fired = new FiredRules();
    fired.recordFiring("eligibility/z-rule", List.of(LINE));
    fired.recordOutcome(new Outcome("Z"));
    fired.recordFiring("eligibility/a-rule", List.of(LINE));
    fired.recordOutcome(new Outcome("A"));

    assertThat(fired.outcomesOfLine(1)).containsExactly(new Outcome("Z"), new Outcome("A"));
    assertThat(fired.rulesOfLine(1))
        .containsExactly("eligibility/z-rule", "eligibility/a-rule");
    assertThat(fired.rulesOfLine(9)).isEmpty();
    // 16 is where the record's first array ends: asking past what was recorded is no error.
    assertThat(fired.rulesOfLine(16)).isEmpty();
    assertThat(fired.outcomesOfCase(16)).isEmpty();
  }

  @Test
  @DisplayName("keeps rules of equal salience in rule-id order when they fire in that order too")
  void equalSalienceAlreadyInOrder() {
    FiredRules fired = new FiredRules();
    fire(fired, "already-returned", 0, 1, new Outcome("ALREADY_RETURNED"));
    fire(fired, "not-delivered", 0, 2, new Outcome("ORDER_NOT_DELIVERED"));

    assertThat(fired.rulesOfLine(1))
        .containsExactly("eligibility/already-returned", "eligibility/not-delivered");
    assertThat(fired.outcomesOfLine(1)).containsExactly(new Outcome("ALREADY_RETURNED"),
        new Outcome("ORDER_NOT_DELIVERED"));
  }

  @Test
  @DisplayName("keeps each line's and case's outcomes apart, no input among them, a rule once")
  void outcomesByLineAndCase() {
    FiredRules fired = new FiredRules();
    insertInput(fired, LINE);
    fire(fired, "high-value", 10, 1, new Outcome(0, 1, "ON_ONE"), new Outcome(0, 2, "ON_TWO"),
        new CaseOutcome(0, "ON_CASE"), "not a case's fact", new CaseOutcome(0, "THEN_THIS"));
    fire(fired, "high-value", 10, 1, new Outcome(0, 1, "AGAIN"));

    assertThat(fired.outcomesOfLine(1)).containsExactly(new Outcome(0, 1, "ON_ONE"),
        new Outcome(0, 1, "AGAIN"));
    assertThat(fired.outcomesOfLine(2)).containsExactly(new Outcome(0, 2, "ON_TWO"));
    assertThat(fired.outcomesOfCase(0)).containsExactly(new CaseOutcome(0, "ON_CASE"),
        new CaseOutcome(0, "THEN_THIS"));
    assertThat(fired.outcomesOfCase(1)).isEmpty();
    assertThat(fired.rulesOfLine(1)).containsExactly("eligibility/high-value");
    assertThat(fired.rulesOfLine(2)).isEmpty();
    assertThat(fired.rulesOfCase(0)).containsExactly("eligibility/high-value");
  }

  @Test
  @DisplayName("refuses a key below 0, naming it")
  void negativeKey() {
    FiredRules fired = new FiredRules();
    assertThatThrownBy(() -> fired.recordOutcome(new Outcome(0, -1, "X")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a case or line key is a run's own number, 0 or more, not -1");
  }
}
