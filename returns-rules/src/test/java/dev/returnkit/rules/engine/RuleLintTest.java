package dev.returnkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.rules.RuleProblem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Reading a policy owner's rules for what cannot work")
class RuleLintTest {

  private static final String DISPOSITION = """
      package dev.returnkit.rules.disposition;

      import dev.returnkit.rules.fact.DispositionChoice;
      import dev.returnkit.rules.fact.DispositionLine;
      import dev.returnkit.spi.vocabulary.Disposition;

      """;

  private static List<String> warnings(String drl) {
    return RuleLint.warnings(DefaultRules.sources(), Map.of("ours.drl", DISPOSITION + drl))
        .stream().map(RuleProblem::toString).toList();
  }

  @Test
  @DisplayName("finds nothing in a guarded rule above the last default, nor in the defaults")
  void goodRule() {
    assertThat(warnings("""
        rule "drones"
            salience 75
        when
            $line : DispositionLine( $key : lineKey, category == "drones" )
            not DispositionChoice( lineKey == $key )
        then
            insert(DispositionChoice.of($line, Disposition.REFURBISH, "DRONES"));
        end
        """)).isEmpty();
    assertThat(RuleLint.warnings(DefaultRules.sources(), DefaultRules.sources())).isEmpty();
  }

  @Test
  @DisplayName("names a rule without the guard: it competes with the defaults")
  void competes() {
    assertThat(warnings("""
        // A comment with then and insert( in it changes nothing.
        rule "drones"
            salience 75
        when
            $line : DispositionLine( category == "drones" )
        then
            insert(DispositionChoice.of($line, Disposition.REFURBISH, "DRONES"));
        end
        """)).singleElement().asString().startsWith("ours.drl:8: rule "
        + "disposition/drones decides a line's disposition without checking that no rule did "
        + "first, so it competes with the defaults");
  }

  @Test
  @DisplayName("names a guarded rule that comes after the default deciding every line, and one "
      + "at the same salience")
  void neverDecides() {
    String late = """
        rule "drones"
            salience %d
        when
            $line : DispositionLine( $key : lineKey, category == "drones" )
            not DispositionChoice( lineKey == $key )
        then
            insert(DispositionChoice.of($line, Disposition.REFURBISH, "DRONES"));
        end
        """;
    assertThat(warnings(late.formatted(10))).containsExactly("ours.drl:7: rule "
        + "disposition/drones never decides: its salience 10 is not above 40, where the default "
        + "disposition/needs-work has decided every line's disposition; give it a salience "
        + "above 40");
    assertThat(warnings(late.formatted(40))).hasSize(1);
    assertThat(warnings(late.formatted(41))).isEmpty();
    // Without a salience a rule has 0: still after needs-work.
    assertThat(warnings(late.replace("    salience %d\n", ""))).singleElement().asString()
        .contains("its salience 0 is not above 40");
  }

  @Test
  @DisplayName("names a rule in a decision's package that inserts no outcome")
  void decidesNothing() {
    assertThat(warnings("""
        rule "drones"
        when
            $line : DispositionLine( category == "drones" )
        then
            System.out.println($line);
        end
        """)).containsExactly("ours.drl:7: rule disposition/drones decides nothing: a rule "
        + "decides by inserting an outcome (Verdict.reject(...), LiabilityFinding.of(...), ...) "
        + "after 'then'");
  }
}
