package dev.returnkit.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.fixtures.Orders;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.logistics.ShipmentItem;
import dev.returnkit.spi.logistics.ShipmentRequest;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.tck.TckCases;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What the in-memory adapters offer beyond their port: for tests, demos and reports. */
@DisplayName("The in-memory adapters")
class InMemoryAdaptersTest {

  private static final Instant T0 = Instant.parse("2026-03-10T10:00:00Z");

  @Test
  @DisplayName("repository: lists every case, oldest request first")
  void allCases() {
    InMemoryReturnRepository repository = new InMemoryReturnRepository();
    repository.save(TckCases.newCase(ReturnId.of("R-2"), OrderId.of("O-2"),
        CustomerId.of("C-2"), ReturnStatus.IN_REVIEW, T0.plusSeconds(60), null));
    repository.save(TckCases.newCase(ReturnId.of("R-1"), OrderId.of("O-1"),
        CustomerId.of("C-1"), ReturnStatus.IN_REVIEW, T0, null));

    assertThat(repository.all()).extracting(c -> c.id().value()).containsExactly("R-1", "R-2");
    assertThat(new InMemoryReturnRepository().all()).isEmpty();
  }

  @Test
  @DisplayName("repository: listing every case leaves it open for writers")
  void listingReleasesTheLock() throws Exception {
    InMemoryReturnRepository repository = new InMemoryReturnRepository();
    repository.all();

    ExecutorService writer = Executors.newSingleThreadExecutor();
    try {
      writer.submit(() -> repository.save(TckCases.newCase(ReturnId.of("R-1"), OrderId.of("O-1"),
          CustomerId.of("C-1"), ReturnStatus.IN_REVIEW, T0, null))).get(10, TimeUnit.SECONDS);
    } finally {
      writer.shutdownNow();
    }
    assertThat(repository.size()).isEqualTo(1);
  }

  @Test
  @DisplayName("order book: chains its puts and lists every order")
  void orders() {
    InMemoryOrderLookup orders = new InMemoryOrderLookup();

    InMemoryOrderLookup same = orders.put(Orders.order("O-1", T0)
        .line("L-1", "SKU-1", "home", 1, "5.00").build());

    assertThat(same).isSameAs(orders);
    assertThat(orders.all()).extracting(o -> o.id()).containsExactly(OrderId.of("O-1"));
  }

  @Test
  @DisplayName("carrier: a label due a drop-off window after the request, the same one for a "
      + "case asked twice")
  void logistics() {
    InMemoryReturnLogistics carrier = new InMemoryReturnLogistics(Duration.ofDays(10));
    ShipmentRequest request = new ShipmentRequest(ReturnId.of("R-1"), OrderId.of("O-1"),
        CustomerId.of("C-1"), ShippingMethod.LABEL, ReturnShippingPayer.SELLER,
        List.of(new ShipmentItem(Sku.of("SKU-1"), 1)), T0);

    ShipmentArrangement first = carrier.arrange(request);
    ShipmentArrangement again = carrier.arrange(request);

    assertThat(first.dropOffDeadline()).isEqualTo(T0.plus(Duration.ofDays(10)));
    assertThat(first.labelUrl()).isEqualTo("https://labels.example/" + first.trackingNumber()
        + ".pdf");
    assertThat(again).isEqualTo(first);
    assertThat(carrier.requests()).containsExactly(request, request);
    assertThat(new InMemoryReturnLogistics().arrange(request).dropOffDeadline())
        .isEqualTo(T0.plus(Duration.ofDays(14)));
  }

  @Test
  @DisplayName("carrier: tracking numbers count up from RK000001, one per case")
  void trackingNumbers() {
    InMemoryReturnLogistics carrier = new InMemoryReturnLogistics();
    List<String> tracking = new ArrayList<>();
    for (String id : List.of("R-1", "R-2", "R-1", "R-3")) {
      tracking.add(carrier.arrange(new ShipmentRequest(ReturnId.of(id), OrderId.of("O-1"),
          CustomerId.of("C-1"), ShippingMethod.PICKUP, ReturnShippingPayer.SELLER,
          List.of(new ShipmentItem(Sku.of("SKU-1"), 1)), T0)).trackingNumber());
    }

    assertThat(tracking).containsExactly("RK000001", "RK000002", "RK000001", "RK000003");
  }
}
