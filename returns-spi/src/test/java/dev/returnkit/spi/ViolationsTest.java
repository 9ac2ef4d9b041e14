package dev.returnkit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Collected violations")
class ViolationsTest {

  @Test
  @DisplayName("make one exception listing every problem, ordered by path")
  void exception() {
    InvalidReturnRequestException e = new Violations("goods receipt")
        .add("lines[1].quantity", "must be at most 2").add("lines[0].orderLineId", "unknown")
        .exception();

    assertThat(e.violations()).containsExactly(new Violation("lines[0].orderLineId", "unknown"),
        new Violation("lines[1].quantity", "must be at most 2"));
    assertThat(e).hasMessage("invalid goods receipt (2 problems): lines[0].orderLineId: unknown; "
        + "lines[1].quantity: must be at most 2");
  }

  @Test
  @DisplayName("refuse to make an exception of nothing")
  void nothing() {
    assertThatIllegalStateException().isThrownBy(() -> new Violations("approval").exception())
        .withMessage("no problem found in the approval");
  }
}
