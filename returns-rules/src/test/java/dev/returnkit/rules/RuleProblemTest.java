package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** How problems with a rule set read to a policy owner. */
@DisplayName("A rule set's problems")
class RuleProblemTest {

  @Test
  @DisplayName("name the file, and the line when there is one")
  void fileAndLine() {
    assertThat(new RuleProblem("eligibility/return-window.drl", 12, "unknown field 'dayz'"))
        .hasToString("eligibility/return-window.drl:12: unknown field 'dayz'");
    assertThat(new RuleProblem("disabled-rules.txt", 0, "there is no rule 'x'"))
        .hasToString("disabled-rules.txt: there is no rule 'x'");
  }

  @Test
  @DisplayName("are counted in the exception's message, one per line")
  void counted() {
    RuleProblem first = new RuleProblem("a.drl", 1, "broken");
    RuleProblem second = new RuleProblem("b.drl", 0, "missing");

    assertThat(new InvalidRuleSetException(List.of(first)))
        .hasMessage("the rule set has 1 problem:\n  a.drl:1: broken");
    assertThat(new InvalidRuleSetException(List.of(first, second)))
        .hasMessage("the rule set has 2 problems:\n  a.drl:1: broken\n  b.drl: missing");
  }
}
