package dev.returnkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.inventory.MovementOutcome;
import dev.returnkit.spi.inventory.StockMovement;
import dev.returnkit.spi.vocabulary.Disposition;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link InventoryGateway} contract as tests. returnkit re-sends stock movements after a
 * crash rather than track whether the inventory system got them, so counting a movement twice
 * would put phantom units on the shelf; these tests check that each key moves units once, also
 * when calls race.
 *
 * <p>To use it, extend it in the adapter's tests and say how many units really moved, read
 * from the inventory system rather than through the port:
 *
 * <pre>{@code
 * class MyInventoryGatewayTest extends InventoryGatewayContract {
 *   protected InventoryGateway newGateway() {
 *     return new MyInventoryGateway(warehouseClient);
 *   }
 *
 *   protected int unitsMoved(InventoryGateway gateway, Sku sku, Disposition disposition) {
 *     return warehouseClient.unitsBooked(sku, disposition);
 *   }
 * }
 * }</pre>
 *
 * <p>Every test uses keys and SKUs of its own, made unique per run, so an adapter against a
 * shared test system sees no units from earlier runs.
 */
public abstract class InventoryGatewayContract {

  private InventoryGateway gateway;
  private String run;
  private Sku sku;

  /** For subclasses. */
  protected InventoryGatewayContract() {}

  /**
   * The gateway under test. Called once before every test.
   *
   * @return a gateway
   */
  protected abstract InventoryGateway newGateway();

  /**
   * How many units of a SKU were moved with a disposition, in total, as the inventory system
   * records it.
   *
   * @param gateway the gateway the test used
   * @param sku the product
   * @param disposition the disposition
   * @return the units, 0 if none
   */
  protected abstract int unitsMoved(InventoryGateway gateway, Sku sku, Disposition disposition);

  @BeforeEach
  void createGateway() {
    gateway = newGateway();
    run = "tck-" + UUID.randomUUID().toString().substring(0, 8);
    sku = Sku.of(run + "-SKU");
  }

  @Nested
  @DisplayName("Applying a movement")
  class Applying {

    @Test
    @DisplayName("the first time applies it")
    void firstTimeApplies() {
      assertThat(gateway.apply(movement("m1", 2, Disposition.RESTOCK)))
          .isEqualTo(MovementOutcome.APPLIED);

      assertThat(unitsMoved(gateway, sku, Disposition.RESTOCK)).isEqualTo(2);
    }

    @Test
    @DisplayName("again with the same key and content reports it applied before, counted once")
    void againIsAlreadyApplied() {
      StockMovement movement = movement("m1", 2, Disposition.RESTOCK);
      gateway.apply(movement);

      assertThat(gateway.apply(movement)).isEqualTo(MovementOutcome.ALREADY_APPLIED);
      assertThat(gateway.apply(movement("m1", 2, Disposition.RESTOCK)))
          .isEqualTo(MovementOutcome.ALREADY_APPLIED);

      assertThat(unitsMoved(gateway, sku, Disposition.RESTOCK)).isEqualTo(2);
    }

    @Test
    @DisplayName("movements with different keys add up")
    void differentKeysAddUp() {
      gateway.apply(movement("m1", 2, Disposition.RESTOCK));
      gateway.apply(movement("m2", 3, Disposition.RESTOCK));

      assertThat(unitsMoved(gateway, sku, Disposition.RESTOCK)).isEqualTo(5);
    }

    @Test
    @DisplayName("each disposition is counted on its own")
    void dispositionsAreSeparate() {
      gateway.apply(movement("m1", 2, Disposition.RESTOCK));
      gateway.apply(movement("m2", 1, Disposition.SCRAP));

      assertThat(unitsMoved(gateway, sku, Disposition.RESTOCK)).isEqualTo(2);
      assertThat(unitsMoved(gateway, sku, Disposition.SCRAP)).isEqualTo(1);
      assertThat(unitsMoved(gateway, sku, Disposition.REFURBISH)).isZero();
    }
  }

  @Nested
  @DisplayName("A key reused for a different movement")
  class ReusedKey {

    @BeforeEach
    void applyOnce() {
      gateway.apply(movement("m1", 2, Disposition.RESTOCK));
    }

    @Test
    @DisplayName("with another quantity is refused and moves nothing")
    void anotherQuantity() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> gateway.apply(movement("m1", 3, Disposition.RESTOCK)));

      assertThat(unitsMoved(gateway, sku, Disposition.RESTOCK)).isEqualTo(2);
    }

    @Test
    @DisplayName("with another disposition is refused and moves nothing")
    void anotherDisposition() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> gateway.apply(movement("m1", 2, Disposition.SCRAP)));

      assertThat(unitsMoved(gateway, sku, Disposition.RESTOCK)).isEqualTo(2);
      assertThat(unitsMoved(gateway, sku, Disposition.SCRAP)).isZero();
    }

    @Test
    @DisplayName("with another SKU is refused and moves nothing")
    void anotherSku() {
      Sku other = Sku.of(run + "-OTHER");
      StockMovement reuse = new StockMovement(key("m1"), ReturnId.of("R-1"),
          OrderLineId.of("L-1"), other, 2, Disposition.RESTOCK);

      assertThatIllegalArgumentException().isThrownBy(() -> gateway.apply(reuse));

      assertThat(unitsMoved(gateway, other, Disposition.RESTOCK)).isZero();
      assertThat(unitsMoved(gateway, sku, Disposition.RESTOCK)).isEqualTo(2);
    }
  }

  @Nested
  @DisplayName("Racing calls")
  class RacingCalls {

    @Test
    @DisplayName("with the same key apply it exactly once")
    void sameKeyAppliesOnce() {
      for (int round = 0; round < Race.ROUNDS; round++) {
        StockMovement movement = movement("m" + round, 2, Disposition.RESTOCK_OPEN_BOX);

        List<Race.Outcome<MovementOutcome>> outcomes =
            Race.run(Race.THREADS, racer -> gateway.apply(movement));

        assertThat(Race.failures(outcomes)).isEmpty();
        assertThat(Race.values(outcomes)).as("outcomes of round %d", round)
            .containsOnlyOnce(MovementOutcome.APPLIED)
            .containsOnly(MovementOutcome.APPLIED, MovementOutcome.ALREADY_APPLIED);
        assertThat(unitsMoved(gateway, sku, Disposition.RESTOCK_OPEN_BOX))
            .as("units after round %d", round).isEqualTo(2 * (round + 1));
      }
    }

    @Test
    @DisplayName("with different keys apply every one")
    void differentKeysAllApply() {
      for (int round = 0; round < Race.ROUNDS; round++) {
        String keys = "m" + round + "-";

        List<Race.Outcome<MovementOutcome>> outcomes = Race.run(Race.THREADS,
            racer -> gateway.apply(movement(keys + racer, 1, Disposition.RESTOCK)));

        assertThat(Race.values(outcomes)).as("outcomes of round %d", round)
            .hasSize(Race.THREADS).containsOnly(MovementOutcome.APPLIED);
        assertThat(unitsMoved(gateway, sku, Disposition.RESTOCK))
            .as("units after round %d", round).isEqualTo(Race.THREADS * (round + 1));
      }
    }
  }

  private StockMovement movement(String key, int quantity, Disposition disposition) {
    return new StockMovement(key(key), ReturnId.of("R-1"), OrderLineId.of("L-1"), sku,
        quantity, disposition);
  }

  private String key(String name) {
    return run + "/" + name;
  }
}
