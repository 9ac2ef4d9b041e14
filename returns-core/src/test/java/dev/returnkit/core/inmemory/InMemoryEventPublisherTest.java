package dev.returnkit.core.inmemory;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.spi.event.EventHeader;
import dev.returnkit.spi.event.ReturnEvent.ReturnRejected;
import dev.returnkit.spi.event.ReturnEvent.ReturnlessRefundGranted;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.notification.CustomerNotification;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The in-memory event publisher and customer notifier")
class InMemoryEventPublisherTest {

  private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

  @Test
  @DisplayName("keep events in publication order, by type and by case")
  void orderTypeAndCase() {
    InMemoryEventPublisher publisher = new InMemoryEventPublisher();
    ReturnEvent a1 = granted("R-A", 1);
    ReturnEvent b1 = rejected("R-B", 1);
    ReturnEvent a2 = rejected("R-A", 2);

    publisher.publish(List.of(a1, b1));
    publisher.publish(List.of(a2));

    assertThat(publisher.events()).containsExactly(a1, b1, a2);
    assertThat(publisher.eventsOf(ReturnRejected.class)).containsExactly((ReturnRejected) b1,
        (ReturnRejected) a2);
    assertThat(publisher.eventsOf(ReturnId.of("R-A"))).containsExactly(a1, a2);
    assertThat(publisher.eventsOf(ReturnId.of("R-C"))).isEmpty();
  }

  @Test
  @DisplayName("lose no event when threads publish at once, and keep each case in order")
  void concurrentPublishers() throws InterruptedException {
    InMemoryEventPublisher publisher = new InMemoryEventPublisher();
    int threads = 4;
    int perThread = 2_000;
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      String returnId = "R-" + t;
      Thread thread = new Thread(() -> {
        awaitQuietly(start);
        for (int sequence = 1; sequence <= perThread; sequence++) {
          publisher.publish(List.of(granted(returnId, sequence)));
        }
      });
      thread.start();
      running.add(thread);
    }
    start.countDown();
    for (Thread thread : running) {
      thread.join();
    }

    assertThat(publisher.events()).hasSize(threads * perThread);
    for (int t = 0; t < threads; t++) {
      assertThat(publisher.eventsOf(ReturnId.of("R-" + t)))
          .extracting(e -> e.header().historySequence())
          .hasSize(perThread)
          .isSorted();
    }
  }

  @Test
  @DisplayName("the notifier keeps notifications in order and lists a case's templates")
  void notifier() {
    InMemoryCustomerNotifier notifier = new InMemoryCustomerNotifier();
    CustomerNotification first = notification("N-1", "R-A", "return.approved");
    CustomerNotification other = notification("N-2", "R-B", "return.rejected");
    CustomerNotification second = notification("N-3", "R-A", "return.refunded");

    notifier.send(first);
    notifier.send(other);
    notifier.send(second);

    assertThat(notifier.sent()).containsExactly(first, other, second);
    assertThat(notifier.templatesFor(ReturnId.of("R-A")))
        .containsExactly("return.approved", "return.refunded");
  }

  private static ReturnEvent granted(String returnId, int sequence) {
    return new ReturnlessRefundGranted(EventHeader.of(ReturnId.of(returnId), sequence, 0, T0));
  }

  private static ReturnEvent rejected(String returnId, int sequence) {
    return new ReturnRejected(EventHeader.of(ReturnId.of(returnId), sequence, 0, T0),
        List.of("OUTSIDE_WINDOW"));
  }

  private static CustomerNotification notification(String id, String returnId, String template) {
    return new CustomerNotification(id, CustomerId.of("C-1"), ReturnId.of(returnId), template,
        Map.of());
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
