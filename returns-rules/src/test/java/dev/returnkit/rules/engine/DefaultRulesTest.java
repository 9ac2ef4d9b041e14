package dev.returnkit.rules.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The default rules")
class DefaultRulesTest {

  @Test
  @DisplayName("list every DRL file the module ships, and nothing else")
  void fileListMatchesResources() throws IOException {
    Path resources = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .resolve("src/main/resources");
    try (Stream<Path> files = Files.walk(resources)) {
      assertThat(files.filter(p -> p.toString().endsWith(".drl"))
          .map(p -> resources.relativize(p).toString().replace('\\', '/')))
          .containsExactlyInAnyOrderElementsOf(DefaultRules.FILES);
    }
    assertThat(DefaultRules.sources()).containsOnlyKeys(DefaultRules.FILES);
  }

  @Test
  @DisplayName("are precompiled: the jar's KieBase holds them without compiling DRL")
  void precompiled() {
    assertThat(RuleSet.ruleIdsOf(DefaultRules.precompiled()))
        .contains("eligibility/return-window", "liability/seller-by-default",
            "disposition/open-box", "settlement/item-refund");
    assertThat(DefaultRules.precompiled()).isSameAs(DefaultRules.precompiled());
  }
}
