package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Expiring overdue cases")
class ExpiryTest {

  private final TestShop shop = new TestShop();

  @Test
  @DisplayName("goes through more overdue cases than one batch holds, each once")
  void moreThanOneBatch() {
    List<ReturnId> awaiting = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      OrderSnapshot order = shop.add(shop.order("O-" + i).customer("C-" + i)
          .line("L-1", "SKU-" + i, "home", 1, "25.00").build());
      ReturnId id = shop.returns.request(request(order,
          RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND))).id();
      shop.returns.arrangeShipment(id, ShipmentOptions.label(Actor.customer("C-" + i)));
      awaiting.add(id);
    }
    shop.clock.advance(Duration.ofDays(15));

    List<ReturnResult> expired = shop.returns.expireOverdue(shop.clock.instant(), Actor.SYSTEM);

    assertThat(expired).extracting(ReturnResult::id).containsExactlyInAnyOrderElementsOf(awaiting);
    assertThat(awaiting).allSatisfy(id ->
        assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.EXPIRED));
    assertThat(shop.ports.logistics().cancelled()).hasSize(250);
    assertThat(shop.returns.expireOverdue(shop.clock.instant(), Actor.SYSTEM)).isEmpty();
  }
}
