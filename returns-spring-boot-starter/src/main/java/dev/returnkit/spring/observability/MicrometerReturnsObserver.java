package dev.returnkit.spring.observability;

import dev.returnkit.core.observation.PaymentOutcome;
import dev.returnkit.core.observation.ReturnsObserver;
import dev.returnkit.core.observation.UseCase;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * returnkit's metrics and traces through Micrometer: an {@link Observation} around every use
 * case (a timer, and a span where tracing is set up) and counters of what happened. The names
 * are listed in docs/spring-boot.md:
 *
 * <ul>
 *   <li>{@value #USE_CASE}: the observation of each use case, tagged {@code use-case} and
 *       {@code outcome} ({@code success}, {@code access-denied}, {@code invalid}, ...);
 *   <li>{@value #TRANSITIONS}: each stored history entry, tagged {@code from} and {@code to};
 *   <li>{@value #DECISIONS}: each policy decision, tagged {@code policy};
 *   <li>{@value #RULES_FIRED}: each rule that fired in a stored decision, tagged
 *       {@code policy} and {@code rule};
 *   <li>{@value #PAYMENTS}: each call of the payment gateway, tagged {@code kind} and
 *       {@code outcome};
 *   <li>{@value #REFUSALS}: each use case refused, tagged {@code kind} ({@code access},
 *       {@code validation}, {@code transition}, {@code concurrency}, {@code not-found},
 *       {@code order-limit}) and {@code use-case}.
 * </ul>
 *
 * <p>Every tag takes a bounded set of values: use cases, statuses, policies and rule ids come
 * from returnkit's vocabulary and the rule set, never from a request. Thread-safe.
 */
public final class MicrometerReturnsObserver implements ReturnsObserver {

  /** The observation (and timer) of a use case. */
  public static final String USE_CASE = "returnkit.use-case";
  /** The counter of transitions. */
  public static final String TRANSITIONS = "returnkit.transitions";
  /** The counter of decisions. */
  public static final String DECISIONS = "returnkit.decisions";
  /** The counter of rules fired. */
  public static final String RULES_FIRED = "returnkit.rules.fired";
  /** The counter of payments. */
  public static final String PAYMENTS = "returnkit.payments";
  /** The counter of refusals. */
  public static final String REFUSALS = "returnkit.refusals";

  private final ObservationRegistry observations;
  private final MeterRegistry meters;

  /**
   * An observer reporting to registries.
   *
   * @param observations where the use cases' observations go (their timers, their spans)
   * @param meters where the counters go
   */
  public MicrometerReturnsObserver(ObservationRegistry observations, MeterRegistry meters) {
    this.observations = Objects.requireNonNull(observations, "observations");
    this.meters = Objects.requireNonNull(meters, "meters");
  }

  @Override
  public <T> T observe(UseCase useCase, Supplier<T> call) {
    Observation observation = Observation.createNotStarted(USE_CASE, observations)
        .contextualName("returnkit " + useCase.tag())
        .lowCardinalityKeyValue("use-case", useCase.tag())
        .start();
    Outcome outcome = Outcome.SUCCESS;
    // The scope makes the observation current on this thread, so that what the use case calls
    // (a JDBC driver, an HTTP client of an adapter) is traced as its child.
    Observation.Scope scope = observation.openScope();
    try {
      return call.get();
    } catch (RuntimeException failure) {
      outcome = Outcome.of(failure);
      observation.error(failure);
      if (outcome.refusal != null) {
        meters.counter(REFUSALS, "kind", outcome.refusal, "use-case", useCase.tag())
            .increment();
      }
      throw failure;
    } finally {
      scope.close();
      observation.lowCardinalityKeyValue("outcome", outcome.tag);
      observation.stop();
    }
  }

  @Override
  public void stored(List<HistoryEntry> entries) {
    for (HistoryEntry entry : entries) {
      meters.counter(TRANSITIONS,
          "from", entry.fromStatus() == null ? "new" : entry.fromStatus().name(),
          "to", entry.toStatus().name()).increment();
      for (String policy : policiesDecidedBy(entry.command())) {
        meters.counter(DECISIONS, "policy", policy).increment();
      }
      for (String rule : entry.rules()) {
        int slash = rule.indexOf('/');
        meters.counter(RULES_FIRED, "policy", slash < 0 ? "other" : rule.substring(0, slash),
            "rule", rule).increment();
      }
    }
  }

  @Override
  public void payment(PaymentKind kind, PaymentOutcome outcome) {
    meters.counter(PAYMENTS, "kind", tag(kind.name()), "outcome", tag(outcome.name()))
        .increment();
  }

  /** The policies a command asks, as the lifecycle does (docs/architecture.md). */
  private static List<String> policiesDecidedBy(ReturnCommand command) {
    return switch (command) {
      case REQUEST -> List.of("eligibility");
      case RECORD_LOSS -> List.of("liability");
      case INSPECT -> List.of("liability", "disposition");
      case BEGIN_SETTLEMENT, CHARGE_ADVANCE_REPLACEMENT -> List.of("settlement");
      default -> List.of();
    };
  }

  private static String tag(String constant) {
    return constant.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
