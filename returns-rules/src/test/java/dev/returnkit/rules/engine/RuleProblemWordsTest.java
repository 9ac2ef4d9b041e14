package dev.returnkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.rules.RuleProblem;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Drools' messages in a policy owner's words")
class RuleProblemWordsTest {

  private static final String MONEY =
      "Comparison operation requires compatible types. Found class "
          + "dev.returnkit.spi.money.Money and int";

  @Test
  @DisplayName("an amount comparison reported in generated Java is traced to the host's file "
      + "first, skipping comments; a located one keeps its place")
  void amountComparisonLocated() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("default.drl", "rule \"a\"\nwhen\n  X( value > 1 )\nthen\nend\n");
    sources.put("ours.drl", "// value > 3 in a comment\nrule \"b\"\nwhen\n  X( value >= 2 )\n"
        + "then\nend\n");

    RuleProblem traced = RuleProblemWords.explain(new RuleProblem("(rules)", 0, MONEY),
        sources);
    RuleProblem kept = RuleProblemWords.explain(new RuleProblem("default.drl", 3, MONEY),
        sources);
    RuleProblem nowhere = RuleProblemWords.explain(new RuleProblem("(rules)", 0, MONEY),
        Map.of("a.drl", "rule \"a\"\nwhen\n  X( amount > 1 )\nthen\nend\n"));

    assertThat(traced.file()).isEqualTo("ours.drl");
    assertThat(traced.line()).isEqualTo(4);
    assertThat(traced.message()).startsWith("an amount is compared with a number or text");
    assertThat(kept.file()).isEqualTo("default.drl");
    assertThat(kept.line()).isEqualTo(3);
    assertThat(nowhere.file()).isEqualTo("(rules)");
    assertThat(nowhere.line()).isZero();
  }

  @Test
  @DisplayName("a field is looked for in the fact of its own pattern, on its line or above; a "
      + "field the fact has, or a line before any fact, passes the message on")
  void unknownFieldsFact() {
    String drl = "rule \"a\"\nwhen\n  $s : PolicySettings()\n  $l : EligibilityLine(\n"
        + "      categori == \"x\" )\nthen\nend\n";
    Map<String, String> sources = Map.of("a.drl", drl);
    String left = "Unable to parse left part of expression: ";

    RuleProblem below = RuleProblemWords.explain(new RuleProblem("a.drl", 5,
        left + "categori == \"x\""), sources);
    RuleProblem known = RuleProblemWords.explain(new RuleProblem("a.drl", 5,
        left + "category == \"x\""), sources);
    RuleProblem firstLine = RuleProblemWords.explain(new RuleProblem("a.drl", 1,
        left + "categori == \"x\""), sources);
    RuleProblem noLine = RuleProblemWords.explain(new RuleProblem("a.drl", 0,
        left + "categori == \"x\""), sources);

    assertThat(below.message()).startsWith("EligibilityLine has no field 'categori'");
    assertThat(known.message()).startsWith("Unable to parse left part");
    assertThat(firstLine.message()).startsWith("Unable to parse left part");
    assertThat(noLine.message()).startsWith("Unable to parse left part");
  }

  @Test
  @DisplayName("a type not imported is placed at its first use outside the import lines")
  void firstUse() {
    String drl = "package x;\nimport dev.returnkit.rules.fact.EligibilityLine;\nrule \"a\"\n"
        + "when\n  Verdict()\nthen\nend\n";

    RuleProblem problem = RuleProblemWords.explain(new RuleProblem("a.drl", 0,
        "Unable to find class: Verdict"), Map.of("a.drl", drl));

    assertThat(problem.line()).isEqualTo(5);
    assertThat(problem.message()).contains("'import dev.returnkit.rules.fact.Verdict;'");
  }
}
