package dev.returnkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.rules.InvalidRuleSetException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;

@DisplayName("The rule compiler")
class RuleSetCompilerTest {

  @Test
  @DisplayName("leaves nothing behind in Drools' repository, built or refused")
  void noLeak() {
    KieServices kie = KieServices.get();
    ReleaseId built = kie.newReleaseId("dev.returnkit.test", "leak-built", "1.0.0");
    ReleaseId refused = kie.newReleaseId("dev.returnkit.test", "leak-refused", "1.0.0");

    RuleSetCompiler.compile(DefaultRules.sources(), built);
    Map<String, String> broken = new LinkedHashMap<>(DefaultRules.sources());
    broken.put("x/broken.drl", "package x;\nrule \"b\" when\n  String( length > )\nthen end\n");
    try {
      RuleSetCompiler.compile(broken, refused);
    } catch (InvalidRuleSetException expected) {
      assertThat(expected.problems()).isNotEmpty();
    }

    assertThat(kie.getRepository().getKieModule(built)).isNull();
    assertThat(kie.getRepository().getKieModule(refused)).isNull();
  }

  @Test
  @DisplayName("ignores rules inside comments when looking for repeated names")
  void commentsAreNotRules() {
    Map<String, String> sources = new LinkedHashMap<>();
    sources.put("a.drl", "package p;\nrule \"one\" when then end\n");
    sources.put("b.drl", "package p;\n/* the old version:\nrule \"one\" when then end\n*/\n"
        + "// rule \"one\"\nrule \"two\" when then end\n");

    assertThat(RuleSetCompiler.duplicateRuleNames(sources)).isEmpty();

    sources.put("c.drl", "package p;\n\n\nrule 'one'\nwhen then end\n");
    assertThat(RuleSetCompiler.duplicateRuleNames(sources)).singleElement()
        .hasToString("c.drl:4: rule 'one' is already defined in package p at a.drl:2; rule "
            + "names must be unique in a package");
  }

  @Test
  @DisplayName("blanks comments but keeps lines and strings")
  void withoutComments() {
    assertThat(RuleSetCompiler.withoutComments("a /* b\nc */ d // e\n\"f // g\" h"))
        .isEqualTo("a     \n     d     \n\"f // g\" h");
  }
}
