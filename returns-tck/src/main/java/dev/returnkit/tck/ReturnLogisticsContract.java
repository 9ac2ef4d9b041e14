package dev.returnkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.ReturnLogistics;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.logistics.ShipmentItem;
import dev.returnkit.spi.logistics.ShipmentRequest;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link ReturnLogistics} contract as tests. returnkit arranges a shipment before it saves
 * the case, so after a crash or a lost race it asks again; a carrier integration that booked a
 * second label each time would leave the customer with two labels and the shop with two bills.
 * These tests check that an arrangement is complete, that asking again for a case returns the
 * first arrangement, and that cancelling can be repeated safely.
 *
 * <p>To use it, extend it in the adapter's tests:
 *
 * <pre>{@code
 * class MyReturnLogisticsTest extends ReturnLogisticsContract {
 *   protected ReturnLogistics newLogistics() {
 *     return new MyCarrierLogistics(carrierSandbox);
 *   }
 * }
 * }</pre>
 *
 * <p>Every test uses return ids of its own, made unique per run, so an adapter against a
 * carrier's sandbox that remembers earlier runs gets new bookings.
 */
public abstract class ReturnLogisticsContract {

  private static final Instant REQUESTED_AT = TckCases.REQUESTED_AT;

  private ReturnLogistics logistics;
  private String run;

  /** For subclasses. */
  protected ReturnLogisticsContract() {}

  /**
   * The logistics port under test. Called once before every test.
   *
   * @return the port
   */
  protected abstract ReturnLogistics newLogistics();

  @BeforeEach
  void createLogistics() {
    logistics = newLogistics();
    run = "tck-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Nested
  @DisplayName("Arranging a shipment")
  class Arranging {

    @Test
    @DisplayName("with a label names the carrier, the tracking number, the label and a deadline")
    void labelArrangement() {
      ShipmentArrangement arrangement = logistics.arrange(request("R-1", ShippingMethod.LABEL));

      assertThat(arrangement.carrier()).isNotBlank();
      assertThat(arrangement.trackingNumber()).isNotBlank();
      assertThat(arrangement.method()).isEqualTo(ShippingMethod.LABEL);
      assertThat(arrangement.labelUrl()).as("label url").isNotBlank();
      assertThat(arrangement.dropOffDeadline()).isAfter(REQUESTED_AT);
    }

    @Test
    @DisplayName("with a pickup names the carrier, the tracking number and a deadline")
    void pickupArrangement() {
      ShipmentArrangement arrangement =
          logistics.arrange(request("R-1", ShippingMethod.PICKUP));

      assertThat(arrangement.carrier()).isNotBlank();
      assertThat(arrangement.trackingNumber()).isNotBlank();
      assertThat(arrangement.method()).isEqualTo(ShippingMethod.PICKUP);
      assertThat(arrangement.dropOffDeadline()).isAfter(REQUESTED_AT);
    }

    @Test
    @DisplayName("again for the same case returns the first arrangement")
    void againReturnsTheFirstArrangement() {
      ShipmentRequest request = request("R-1", ShippingMethod.LABEL);
      ShipmentArrangement first = logistics.arrange(request);

      assertThat(logistics.arrange(request)).isEqualTo(first);
    }

    @Test
    @DisplayName("again for the same case later, as a retry would, returns the first arrangement")
    void retryLaterReturnsTheFirstArrangement() {
      ShipmentArrangement first = logistics.arrange(request("R-1", ShippingMethod.LABEL));
      ShipmentRequest retry = new ShipmentRequest(id("R-1"), OrderId.of("O-1"),
          CustomerId.of("C-1"), ShippingMethod.LABEL, ReturnShippingPayer.SELLER,
          List.of(new ShipmentItem(Sku.of("SKU-1"), 1)), REQUESTED_AT.plus(Duration.ofHours(1)));

      assertThat(logistics.arrange(retry)).isEqualTo(first);
    }

    @Test
    @DisplayName("for different cases gives different tracking numbers")
    void differentCasesDifferentTrackingNumbers() {
      List<String> trackingNumbers = IntStream.rangeClosed(1, 5)
          .mapToObj(n -> logistics.arrange(request("R-" + n, ShippingMethod.LABEL)))
          .map(ShipmentArrangement::trackingNumber)
          .toList();

      assertThat(trackingNumbers).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("for the same case from racing threads returns one arrangement to all")
    void racingArrangementsAgree() {
      for (int round = 0; round < Race.ROUNDS; round++) {
        ShipmentRequest request = request("R-race-" + round, ShippingMethod.LABEL);

        List<Race.Outcome<ShipmentArrangement>> outcomes =
            Race.run(Race.THREADS, racer -> logistics.arrange(request));

        assertThat(Race.failures(outcomes)).isEmpty();
        List<ShipmentArrangement> arrangements = Race.values(outcomes);
        assertThat(arrangements).as("arrangements of round %d", round)
            .hasSize(Race.THREADS).containsOnly(arrangements.get(0));
        assertThat(logistics.arrange(request)).isEqualTo(arrangements.get(0));
      }
    }
  }

  @Nested
  @DisplayName("Cancelling a shipment")
  class Cancelling {

    @Test
    @DisplayName("twice does not fail")
    void twice() {
      ShipmentArrangement arrangement = logistics.arrange(request("R-1", ShippingMethod.LABEL));

      assertThatCode(() -> logistics.cancel(id("R-1"), arrangement.trackingNumber()))
          .doesNotThrowAnyException();
      assertThatCode(() -> logistics.cancel(id("R-1"), arrangement.trackingNumber()))
          .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("that was never arranged does not fail")
    void unknownShipment() {
      assertThatCode(() -> logistics.cancel(id("R-404"), run + "-NO-SUCH-PARCEL"))
          .doesNotThrowAnyException();
    }
  }

  private ShipmentRequest request(String returnId, ShippingMethod method) {
    return new ShipmentRequest(id(returnId), OrderId.of("O-1"), CustomerId.of("C-1"), method,
        ReturnShippingPayer.SELLER, List.of(new ShipmentItem(Sku.of("SKU-1"), 1)),
        REQUESTED_AT);
  }

  private ReturnId id(String name) {
    return ReturnId.of(run + "-" + name);
  }
}
