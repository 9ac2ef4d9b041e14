package dev.returnkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The demo's shop generator")
class ShopGeneratorTest {

  private final DemoWorld world = ShopGenerator.generate(2000, 42);

  @Test
  @DisplayName("draws the same world from the same seed, and another from another seed")
  void deterministic() {
    assertThat(ShopGenerator.generate(2000, 42)).isEqualTo(world);
    assertThat(ShopGenerator.generate(2000, 43).shop().orders())
        .isNotEqualTo(world.shop().orders());
  }

  @Test
  @DisplayName("requests fall in the month, in time order, after the order was placed")
  void requestsAreWellFormed() {
    assertThat(world.scripts()).hasSize(2000);
    Instant previous = Instant.MIN;
    for (CaseScript script : world.scripts()) {
      assertThat(script.requestAt()).isAfterOrEqualTo(previous)
          .isAfterOrEqualTo(ShopGenerator.MONTH_START).isBefore(ShopGenerator.MONTH_END);
      previous = script.requestAt();
      OrderSnapshot order = script.order();
      assertThat(order.placedAt()).isBefore(script.requestAt());
      assertThat(order.customerId()).isEqualTo(script.customer().id());
      for (RequestedLine line : script.lines()) {
        OrderLine bought = order.line(line.orderLineId()).orElseThrow();
        assertThat(line.quantity()).isBetween(1, bought.quantity());
        assertThat(script.warehouse().findings()).containsKey(line.orderLineId());
      }
    }
  }

  @Test
  @DisplayName("has plausible shares of late, undelivered, final-sale and abusive cases")
  void proportionsArePlausible() {
    long late = world.scripts().stream().filter(s -> s.order().isDelivered()
        && Duration.between(s.order().deliveredAt(), s.requestAt()).toDays() > 30).count();
    long undelivered = world.scripts().stream().filter(s -> !s.order().isDelivered()).count();
    long finalSaleLines = world.shop().orders().stream().flatMap(o -> o.lines().stream())
        .filter(OrderLine::finalSale).count();
    long lines = world.shop().orders().stream().mapToLong(o -> o.lines().size()).sum();
    long abusiveCases = world.scripts().stream().filter(s -> s.customer().abusive()).count();

    assertThat(late).isBetween(100L, 220L); // about 8 %
    assertThat(undelivered).isBetween(5L, 45L); // about 1 %
    assertThat(finalSaleLines * 100 / lines).isBetween(3L, 8L); // about 5 %
    assertThat(world.shop().abusiveCustomers()).isPositive();
    assertThat(abusiveCases).isGreaterThanOrEqualTo(4 * world.shop().abusiveCustomers());
  }

  @Test
  @DisplayName("gives every abusive customer at least four returns")
  void abusiveCustomersReturnOften() {
    world.shop().customers().stream().filter(DemoCustomer::abusive).forEach(customer ->
        assertThat(world.scripts().stream().filter(s -> s.customer().equals(customer)).count())
            .as("returns of %s", customer.id()).isBetween(4L, 7L));
  }

  @Test
  @DisplayName("works for a single case")
  void singleCase() {
    DemoWorld tiny = ShopGenerator.generate(1, 1);
    assertThat(tiny.scripts()).hasSize(1);
    assertThat(tiny.shop().customers()).hasSize(1);
  }

  @Test
  @DisplayName("refuses to run outside 1 to the maximum of cases")
  void optionsAreChecked() {
    assertThatThrownBy(() -> new Demo.Options(0, 1, null, null))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not 0");
    assertThatThrownBy(() -> new Demo.Options(Demo.MAX_CASES + 1, 1, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
