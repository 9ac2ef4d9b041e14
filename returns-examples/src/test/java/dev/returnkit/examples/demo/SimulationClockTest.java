package dev.returnkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The simulation clock")
class SimulationClockTest {

  @Test
  @DisplayName("moves forward and refuses to go back")
  void onlyForward() {
    Instant start = Instant.parse("2026-03-01T00:00:00Z");
    SimulationClock clock = new SimulationClock(start);
    clock.set(start.plusSeconds(60));
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(60));
    clock.set(start.plusSeconds(60));

    assertThatThrownBy(() -> clock.set(start))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot go back");
    assertThat(clock.instant()).isEqualTo(start.plusSeconds(60));
  }
}
