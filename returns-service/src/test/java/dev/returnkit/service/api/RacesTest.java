package dev.returnkit.service.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A command that lost a race")
class RacesTest {

  private static final ReturnId ID = ReturnId.of("R-1");

  @Test
  @DisplayName("runs once more, and answers what the second run answers")
  void once() {
    AtomicInteger runs = new AtomicInteger();
    String answer = Races.retryOnce(() -> {
      if (runs.incrementAndGet() == 1) {
        throw new ConcurrentReturnUpdateException(ID, 3, 4);
      }
      return "stored";
    });
    assertThat(answer).isEqualTo("stored");
    assertThat(runs).hasValue(2);
  }

  @Test
  @DisplayName("is refused when it loses twice, and other refusals are not run again")
  void notTwice() {
    AtomicInteger runs = new AtomicInteger();
    assertThatExceptionOfType(ConcurrentReturnUpdateException.class).isThrownBy(() ->
        Races.retryOnce(() -> {
          runs.incrementAndGet();
          throw new ConcurrentReturnUpdateException(ID, 3, 4);
        }));
    assertThat(runs).hasValue(2);

    AtomicInteger refused = new AtomicInteger();
    assertThatExceptionOfType(IllegalReturnTransitionException.class).isThrownBy(() ->
        Races.retryOnce(() -> {
          refused.incrementAndGet();
          throw new IllegalReturnTransitionException(ID, ReturnStatus.APPROVED,
              ReturnCommand.APPROVE, "approved already");
        }));
    assertThat(refused).hasValue(1);
  }
}
