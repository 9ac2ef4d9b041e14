package dev.returnkit.spi.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A carrier's report")
class CarrierEventTest {

  private static final Instant AT = Instant.parse("2026-03-10T10:00:00Z");

  @Test
  @DisplayName("has a named factory for each thing a carrier reports")
  void factories() {
    assertThat(CarrierEvent.inTransit("RK1", AT, "Hub Leipzig"))
        .isEqualTo(new CarrierEvent(CarrierEventType.IN_TRANSIT, "RK1", AT, "Hub Leipzig"));
    assertThat(CarrierEvent.deliveredToWarehouse("RK1", AT))
        .isEqualTo(new CarrierEvent(CarrierEventType.DELIVERED_TO_WAREHOUSE, "RK1", AT, null));
    assertThat(CarrierEvent.lost("RK1", AT))
        .isEqualTo(new CarrierEvent(CarrierEventType.LOST, "RK1", AT, null));
  }
}
