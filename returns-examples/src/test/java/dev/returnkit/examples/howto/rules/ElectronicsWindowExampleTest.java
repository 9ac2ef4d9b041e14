package dev.returnkit.examples.howto.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.request.EligibilityPreview;
import dev.returnkit.examples.howto.ExampleShop;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.verify.VerifyCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Overriding a default rule: electronics get 15 days")
class ElectronicsWindowExampleTest {

  private final ExampleShop ours = new ExampleShop(ElectronicsWindowExample.policies().policies());
  private final ExampleShop defaults = new ExampleShop(DroolsPolicies.defaults().policies());

  @Test
  @DisplayName("refuses electronics returned for the customer's own reasons after 15 days")
  void electronicsAfterFifteenDays() {
    EligibilityPreview preview =
        ElectronicsWindowExample.decide(ours, 16, "electronics", ReturnReason.CHANGED_MIND);

    assertThat(preview.status()).isEqualTo(ReturnStatus.REJECTED);
    assertThat(preview.decision().lines()).singleElement()
        .satisfies(line -> assertThat(line.rationale().reasonCodes())
            .containsExactly("RETURN_WINDOW_EXPIRED"));
    assertThat(ElectronicsWindowExample.decide(defaults, 16, "electronics",
        ReturnReason.CHANGED_MIND).status()).as("the default window is 30 days")
        .isEqualTo(ReturnStatus.APPROVED);
  }

  @Test
  @DisplayName("takes electronics back within 15 days")
  void electronicsWithinFifteenDays() {
    assertThat(ElectronicsWindowExample.decide(ours, 15, "electronics",
        ReturnReason.CHANGED_MIND).status()).isEqualTo(ReturnStatus.APPROVED);
  }

  @Test
  @DisplayName("keeps the usual window for faulty electronics and for other categories")
  void faultsAndOtherCategoriesKeepTheWindow() {
    assertThat(ElectronicsWindowExample.decide(ours, 20, "electronics", ReturnReason.DEFECTIVE)
        .status()).isEqualTo(ReturnStatus.APPROVED);
    assertThat(ElectronicsWindowExample.decide(ours, 20, "apparel", ReturnReason.CHANGED_MIND)
        .status()).isEqualTo(ReturnStatus.APPROVED);
    assertThat(ElectronicsWindowExample.decide(ours, 31, "apparel", ReturnReason.CHANGED_MIND)
        .status()).isEqualTo(ReturnStatus.REJECTED);
  }

  @Test
  @DisplayName("as a policy directory, fails the built-in case it changes on purpose, and passes "
      + "with the scenario file that says so")
  void policyDirectoryVerifies() throws URISyntaxException {
    Path directory = resource(ElectronicsWindowExample.POLICY_DIRECTORY);
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    int alone = VerifyCommand.run(directory, null, null, out);

    // The built-in scenarios notice the change: day 20 of electronics is no longer in time.
    assertThat(alone).isEqualTo(VerifyCommand.FAILED);
    assertThat(printed.toString(StandardCharsets.UTF_8)).contains("1 file(s) replaced")
        .contains("electronics-in-window        FAIL    REJECTED RETURN_WINDOW_EXPIRED")
        .endsWith(" passed, 1 failed\n");

    printed.reset();
    int withScenarios = VerifyCommand.run(directory, null,
        resource("policies/electronics-15-days-scenarios.csv"), out);

    assertThat(withScenarios).as(printed.toString(StandardCharsets.UTF_8))
        .isEqualTo(VerifyCommand.PASSED);
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .contains("Built-in cases your scenario file replaces: electronics-in-window\n")
        .contains("electronics-day-15 ", "faulty-electronics-day-20 ");
  }

  private Path resource(String name) throws URISyntaxException {
    return Path.of(Objects.requireNonNull(getClass().getClassLoader().getResource(name))
        .toURI());
  }
}
