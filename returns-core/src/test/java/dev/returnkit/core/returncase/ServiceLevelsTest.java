package dev.returnkit.core.returncase;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Service levels")
class ServiceLevelsTest {

  private static final Duration DAY = Duration.ofDays(1);

  @Test
  @DisplayName("refuse a missing, zero or negative deadline, naming which")
  void positive() {
    String[] names = {"review", "shipment", "transit", "inspection", "settlement"};
    for (int i = 0; i < names.length; i++) {
      Duration[] levels = {DAY, DAY, DAY, DAY, DAY};
      levels[i] = null;
      Duration[] missing = levels.clone();
      assertThatNullPointerException().isThrownBy(() -> of(missing)).withMessage(names[i]);
      levels[i] = Duration.ZERO;
      Duration[] zero = levels.clone();
      assertThatIllegalArgumentException().isThrownBy(() -> of(zero))
          .withMessage(names[i] + " service level must be positive: PT0S");
      levels[i] = Duration.ofHours(-1);
      Duration[] negative = levels.clone();
      assertThatIllegalArgumentException().isThrownBy(() -> of(negative))
          .withMessage(names[i] + " service level must be positive: PT-1H");
    }
  }

  private static ServiceLevels of(Duration[] levels) {
    return new ServiceLevels(levels[0], levels[1], levels[2], levels[3], levels[4]);
  }
}
