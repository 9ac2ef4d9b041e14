package dev.returnkit.spring.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.observation.UseCase;
import dev.returnkit.spi.AccessDeniedException;
import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.PaymentRejectedException;
import dev.returnkit.spi.PaymentUnavailableException;
import dev.returnkit.spi.ReturnNotFoundException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Operation;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The Micrometer observer")
class MicrometerReturnsObserverTest {

  private static final ReturnId ID = ReturnId.of("R-1");

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final ObservationRegistry observations = ObservationRegistry.create();
  private final MicrometerReturnsObserver observer;

  MicrometerReturnsObserverTest() {
    observations.observationConfig().observationHandler(
        new DefaultMeterObservationHandler(meters));
    observer = new MicrometerReturnsObserver(observations, meters);
  }

  private double count(String name, String... tags) {
    Counter counter = meters.find(name).tags(tags).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  @DisplayName("tags each failure with its outcome, and counts the refusals among them")
  void outcomes() {
    Map<RuntimeException, List<String>> cases = Map.of(
        new AccessDeniedException(Actor.customer("C-2"), Operation.CANCEL, ID, OrderId.of("O"),
            "not the customer's"), List.of("access-denied", "access"),
        new InvalidReturnRequestException("request", List.of(new Violation("lines", "empty"))),
            List.of("invalid", "validation"),
        new IllegalReturnTransitionException(ID, ReturnStatus.COMPLETED, ReturnCommand.CANCEL,
            Set.of()), List.of("illegal-transition", "transition"),
        new ConcurrentReturnUpdateException(ID, 3, 4), List.of("concurrent-update",
            "concurrency"),
        new ReturnNotFoundException(ID), List.of("not-found", "not-found"),
        new OrderLimitExceededException(ID, OrderId.of("O"), "too much"),
            List.of("order-limit", "order-limit"),
        new PaymentRejectedException("card expired"), List.of("payment-rejected"),
        new PaymentUnavailableException("timeout", null), List.of("payment-unavailable"),
        new IllegalStateException("a bug"), List.of("error"));

    cases.forEach((failure, expected) -> {
      assertThatThrownBy(() -> observer.observe(UseCase.SETTLE, () -> {
        throw failure;
      })).isSameAs(failure);
      Timer timer = meters.find(MicrometerReturnsObserver.USE_CASE)
          .tags("use-case", "settle", "outcome", expected.get(0)).timer();
      assertThat(timer).as(expected.get(0)).isNotNull();
      assertThat(timer.count()).isEqualTo(1);
      if (expected.size() > 1) {
        assertThat(count(MicrometerReturnsObserver.REFUSALS, "kind", expected.get(1),
            "use-case", "settle")).as(expected.get(1)).isEqualTo(1);
      }
    });
    assertThat(meters.find(MicrometerReturnsObserver.REFUSALS).counters())
        .as("six kinds of refusal; payments and errors are none").hasSize(6);
  }

  @Test
  @DisplayName("makes the use case's observation current while it runs, and only then")
  void currentObservation() {
    String inside = observer.observe(UseCase.FIND, () ->
        observations.getCurrentObservation().getContext().getName());

    assertThat(inside).isEqualTo(MicrometerReturnsObserver.USE_CASE);
    assertThat(observations.getCurrentObservation()).isNull();
    assertThat(meters.find(MicrometerReturnsObserver.USE_CASE)
        .tags("use-case", "find", "outcome", "success").timer().count()).isEqualTo(1);
  }

  @Test
  @DisplayName("counts a rule outside returnkit's packages under policy other")
  void rulesOfTheHost() {
    HistoryEntry entry = new HistoryEntry(ID, 1, Instant.parse("2026-12-03T10:00:00Z"),
        Actor.customer("C-1"), ReturnCommand.REQUEST, null, ReturnStatus.APPROVED, List.of(),
        List.of("eligibility/return-window", "vip-always"), null, "d", "p", "h", null, null);

    observer.stored(List.of(entry));

    assertThat(count(MicrometerReturnsObserver.RULES_FIRED, "policy", "eligibility",
        "rule", "eligibility/return-window")).isEqualTo(1);
    assertThat(count(MicrometerReturnsObserver.RULES_FIRED, "policy", "other",
        "rule", "vip-always")).isEqualTo(1);
    assertThat(count(MicrometerReturnsObserver.DECISIONS, "policy", "eligibility"))
        .isEqualTo(1);
    assertThat(count(MicrometerReturnsObserver.TRANSITIONS, "from", "new", "to", "APPROVED"))
        .isEqualTo(1);
  }
}
