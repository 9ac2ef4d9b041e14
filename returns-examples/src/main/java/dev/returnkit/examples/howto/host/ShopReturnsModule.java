package dev.returnkit.examples.howto.host;

import dev.returnkit.core.Returns;
import dev.returnkit.core.returncase.ServiceLevels;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.spi.vocabulary.Actor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a host application wires returnkit: one {@link Returns} built at start-up from the shop's
 * adapters and configuration and shared by every request thread (it is thread-safe), the
 * policies loaded from the shop's policy directory and reloadable without a restart, and the
 * expiry job scheduled. In a Spring or Quarkus application the same code sits in a
 * configuration class; nothing in returnkit needs a container.
 */
public final class ShopReturnsModule implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ShopReturnsModule.class);

  /**
   * What the shop configures.
   *
   * @param policyDirectory the shop's policy directory (rule files and settings over the
   *     defaults), or {@code null} for returnkit's default policies
   * @param expiryEvery how often the expiry job looks for parcels never sent
   * @param serviceLevels how long each stage may take before a case is due
   */
  public record Configuration(Path policyDirectory, Duration expiryEvery,
      ServiceLevels serviceLevels) {

    /** Checks the values. */
    public Configuration {
      Objects.requireNonNull(expiryEvery, "expiryEvery");
      Objects.requireNonNull(serviceLevels, "serviceLevels");
    }
  }

  private final DroolsPolicies policies;
  private final Returns returns;
  private final Clock clock;
  private final Duration expiryEvery;
  private final ScheduledExecutorService scheduler;

  /**
   * Builds returnkit for the shop. Fails fast: a policy directory that does not build stops
   * the application at start-up with every problem listed, not at the first return.
   *
   * @param adapters the shop's adapters
   * @param configuration the shop's configuration
   * @param clock the clock (the system clock in production)
   * @throws dev.returnkit.rules.InvalidRuleSetException if the policy directory does not build
   */
  public ShopReturnsModule(ShopAdapters adapters, Configuration configuration, Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.expiryEvery = configuration.expiryEvery();
    this.policies = configuration.policyDirectory() == null ? DroolsPolicies.defaults()
        : DroolsPolicies.builder().directory(configuration.policyDirectory()).build();
    this.returns = Returns.builder()
        .repository(adapters.repository())
        .orders(adapters.orders())
        .logistics(adapters.logistics())
        .payments(adapters.payments())
        .inventory(adapters.inventory())
        .notifier(adapters.notifier())
        .events(adapters.events())
        // policies() reads the rule set in force on each call, so a reload takes effect at once.
        .policies(policies.policies())
        .serviceLevels(configuration.serviceLevels())
        .clock(clock)
        .build();
    this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
      Thread thread = new Thread(runnable, "returnkit-expiry");
      thread.setDaemon(true);
      return thread;
    });
    log.info("returnkit ready with policies: {}", policies.description());
  }

  /**
   * The use cases, for the shop's endpoints and jobs.
   *
   * @return the facade
   */
  public Returns returns() {
    return returns;
  }

  /** Starts the expiry job. */
  public void start() {
    long every = expiryEvery.toMillis();
    scheduler.scheduleWithFixedDelay(this::expireOverdueQuietly, every, every,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Expires the cases whose parcel was not sent in time. {@code expireOverdue} is safe to run
   * from several instances of the application at once.
   *
   * @return how many cases expired
   */
  public int expireOverdue() {
    return returns.expireOverdue(clock.instant(), Actor.SYSTEM).size();
  }

  /**
   * Reads the policy directory again: a policy owner's change takes effect without a restart.
   * If the changed rules do not build, the rules in force stay and the exception says why.
   *
   * @throws dev.returnkit.rules.InvalidRuleSetException if the directory no longer builds
   */
  public void reloadPolicies() {
    policies.reload();
  }

  /**
   * Where the policies in force came from.
   *
   * @return e.g. {@code defaults, settings changed}
   */
  public String policyDescription() {
    return policies.description();
  }

  /** Stops the expiry job. */
  @Override
  public void close() {
    scheduler.shutdownNow();
  }

  private void expireOverdueQuietly() {
    // A scheduled task that throws is never run again: log, and try at the next tick.
    try {
      int expired = expireOverdue();
      if (expired > 0) {
        log.info("Expired {} return case(s) whose parcel was never sent", expired);
      }
    } catch (RuntimeException e) {
      log.error("The return expiry job failed; it runs again in {}", expiryEvery, e);
    }
  }
}
