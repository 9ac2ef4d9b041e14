package dev.returnkit.examples.howto;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.examples.howto.host.HostApplicationExample;
import dev.returnkit.examples.howto.payment.PaymentAdapterExample;
import dev.returnkit.examples.howto.rules.ElectronicsWindowExample;
import dev.returnkit.examples.howto.settings.RestockingFeeExample;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every how-to example runs as a program and prints what its javadoc promises. */
@DisplayName("The how-to examples, run as programs")
class ExampleMainsTest {

  @Test
  @DisplayName("the rule override shows electronics refused after 15 days")
  void ruleOverride() {
    assertThat(run(ElectronicsWindowExample::main)).contains(
        "headphones, changed mind       APPROVED   REJECTED",
        "headphones, defective          APPROVED   APPROVED");
  }

  @Test
  @DisplayName("the settings change shows the lower fee")
  void settingsChange() {
    assertThat(run(RestockingFeeExample::main)).contains("fee EUR 18.00", "fee EUR 12.00");
  }

  @Test
  @DisplayName("the payment adapter rides out the outage")
  void paymentAdapter() {
    assertThat(run(PaymentAdapterExample::main))
        .contains("Acme Pay is down (retryable)", "R-1 COMPLETED, Acme Pay refunded");
  }

  @Test
  @DisplayName("the host application answers 400, 201, 409 and 404")
  void hostApplication() {
    assertThat(run(HostApplicationExample::main)).contains("-> 400", "-> 201", "-> 409",
        "-> 404", "lines[0].reason: must not be null");
  }

  private static String run(Consumer<String[]> main) {
    PrintStream original = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      main.accept(new String[0]);
    } finally {
      System.setOut(original);
    }
    return printed.toString(StandardCharsets.UTF_8);
  }
}
