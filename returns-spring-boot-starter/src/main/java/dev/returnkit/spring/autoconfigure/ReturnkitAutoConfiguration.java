package dev.returnkit.spring.autoconfigure;

import dev.returnkit.core.InputValidator;
import dev.returnkit.core.ReturnPolicies;
import dev.returnkit.core.Returns;
import dev.returnkit.core.observation.ReturnsObserver;
import dev.returnkit.core.returncase.ServiceLevels;
import dev.returnkit.jdbc.JdbcJobLeases;
import dev.returnkit.jdbc.JdbcOutboxRelay;
import dev.returnkit.jdbc.JdbcReturnRepository;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.exchange.ReplacementOrders;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.inventory.InventoryGateway;
import dev.returnkit.spi.logistics.ReturnLogistics;
import dev.returnkit.spi.notification.CustomerNotifier;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spring.jobs.JobLeases;
import dev.returnkit.spring.jobs.ReturnkitJobs;
import dev.returnkit.spring.jobs.ScheduledJob;
import dev.returnkit.spring.rules.PolicyFilesWatch;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * returnkit in a Spring Boot application: the policies (Drools, from {@code returnkit.rules.*}),
 * {@link Returns} from the host's port beans, and the jobs. Every bean backs off when the host
 * defines one of its type. With one DataSource, {@link ReturnkitJdbcAutoConfiguration} adds
 * the storage, the outbox relay and the job leases first.
 *
 * <p>What the host gives as beans: an {@link OrderLookup}, a {@link ReturnLogistics}, a
 * {@link PaymentGateway} and an {@link InventoryGateway} (required); a
 * {@link ReturnRepository} unless there is a DataSource; and if it has them a
 * {@link CustomerNotifier}, {@link ReplacementOrders}, {@link ReturnEventPublisher},
 * {@link ServiceLevels}, {@link ReturnIdSource}, {@link InputValidator} and {@link Clock}.
 */
@AutoConfiguration(after = ReturnkitJdbcAutoConfiguration.class)
@EnableConfigurationProperties(ReturnkitProperties.class)
public class ReturnkitAutoConfiguration {

  /** The actor the expiry job acts as; its entries in a case's history name it. */
  public static final Actor EXPIRY_JOB = Actor.system("returnkit-expiry");

  /**
   * The system clock, in UTC, unless the host has a clock.
   *
   * @return the clock
   */
  @Bean
  @ConditionalOnMissingBean
  public Clock returnkitClock() {
    return Clock.systemUTC();
  }

  /**
   * The Drools policies from {@code returnkit.rules.*}, unless the host built its own (or
   * brings policies that are not Drools). A rule directory that does not build stops the
   * application at start-up with every problem listed.
   *
   * @param properties the properties
   * @return the policies
   */
  @Bean
  @ConditionalOnMissingBean({DroolsPolicies.class, ReturnPolicies.class})
  public DroolsPolicies returnkitDroolsPolicies(ReturnkitProperties properties) {
    ReturnkitProperties.Rules rules = properties.getRules();
    DroolsPolicies.Builder builder = DroolsPolicies.builder();
    if (rules.getDirectory() != null) {
      builder.directory(rules.getDirectory());
    }
    if (rules.getSettingsFile() != null) {
      builder.settingsFile(rules.getSettingsFile());
    }
    rules.getDisabled().forEach(builder::disable);
    rules.getSettings().forEach(builder::setting);
    return builder.build();
  }

  /**
   * The policies {@link Returns} decides with: those of the Drools policies in force, so that a
   * reload takes effect at once.
   *
   * @param drools the Drools policies
   * @return the policies
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(DroolsPolicies.class)
  public ReturnPolicies returnkitPolicies(DroolsPolicies drools) {
    return drools.policies();
  }

  /**
   * The facade, from the host's port beans, reporting to the {@link ReturnsObserver} bean if
   * there is one (with Micrometer, {@link ReturnkitObservabilityAutoConfiguration}'s). With JDBC
   * storage the events go through the
   * outbox (the relay hands them to the host's publisher), so the facade gets no publisher
   * then: it would publish every event twice.
   *
   * @return the facade
   * @throws IllegalStateException naming the type of every required port the host has no bean
   *     of
   */
  @Bean
  @ConditionalOnMissingBean
  public Returns returns(ObjectProvider<ReturnRepository> repository,
      ObjectProvider<OrderLookup> orders, ObjectProvider<ReturnLogistics> logistics,
      ObjectProvider<PaymentGateway> payments, ObjectProvider<InventoryGateway> inventory,
      ObjectProvider<ReturnPolicies> policies, ObjectProvider<CustomerNotifier> notifier,
      ObjectProvider<ReplacementOrders> replacements,
      ObjectProvider<ReturnEventPublisher> publisher,
      ObjectProvider<ServiceLevels> serviceLevels, ObjectProvider<ReturnIdSource> ids,
      ObjectProvider<InputValidator> validator, ObjectProvider<ReturnsObserver> observer,
      Clock clock) {
    List<String> missing = new ArrayList<>();
    ReturnRepository storage = required(repository, ReturnRepository.class, missing);
    OrderLookup orderLookup = required(orders, OrderLookup.class, missing);
    ReturnLogistics carrier = required(logistics, ReturnLogistics.class, missing);
    PaymentGateway gateway = required(payments, PaymentGateway.class, missing);
    InventoryGateway stock = required(inventory, InventoryGateway.class, missing);
    ReturnPolicies decisions = required(policies, ReturnPolicies.class, missing);
    if (!missing.isEmpty()) {
      throw new IllegalStateException("returnkit needs a bean of each of these types: "
          + String.join(", ", missing) + " (the shop's adapters; with a DataSource the starter"
          + " provides the ReturnRepository, and returnkit-rules the ReturnPolicies)");
    }
    Returns.Builder builder = Returns.builder().repository(storage).orders(orderLookup)
        .logistics(carrier).payments(gateway).inventory(stock).policies(decisions)
        .clock(clock);
    notifier.ifAvailable(builder::notifier);
    replacements.ifAvailable(builder::replacements);
    if (!(storage instanceof JdbcReturnRepository)) {
      publisher.ifAvailable(builder::events);
    }
    serviceLevels.ifAvailable(builder::serviceLevels);
    ids.ifAvailable(builder::ids);
    validator.ifAvailable(builder::validator);
    observer.ifAvailable(builder::observer);
    return builder.build();
  }

  /**
   * The jobs: the expiry job and the outbox relay (with JDBC storage and a publisher), each on
   * one instance at a time, and the policy files' watch when {@code returnkit.rules.reload} is
   * {@code on-change}.
   *
   * @return the jobs, started with the application context
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBooleanProperty(name = "returnkit.jobs.enabled", matchIfMissing = true)
  public ReturnkitJobs returnkitJobs(ReturnkitProperties properties, Returns returns,
      Clock clock, ObjectProvider<JdbcOutboxRelay> relay, ObjectProvider<JdbcJobLeases> leases,
      ObjectProvider<DroolsPolicies> drools) {
    List<ScheduledJob> jobs = new ArrayList<>();
    if (properties.getExpiry().isEnabled()) {
      jobs.add(new ScheduledJob("expiry", properties.getExpiry().getInterval(), true,
          () -> returns.expireOverdue(clock.instant(), EXPIRY_JOB)));
    }
    JdbcOutboxRelay outbox = relay.getIfAvailable();
    if (outbox != null) {
      jobs.add(new ScheduledJob("outbox-relay-" + outbox.name(),
          properties.getOutbox().getInterval(), true, outbox::deliverAll));
    }
    DroolsPolicies policies = drools.getIfAvailable();
    ReturnkitProperties.Rules rules = properties.getRules();
    if (policies != null && rules.getReload() == ReturnkitProperties.Reload.ON_CHANGE) {
      List<Path> files = new ArrayList<>();
      if (rules.getDirectory() != null) {
        files.add(rules.getDirectory());
      }
      if (rules.getSettingsFile() != null) {
        files.add(rules.getSettingsFile());
      }
      jobs.add(new ScheduledJob("policy-files", rules.getCheckInterval(), false,
          new PolicyFilesWatch(policies, files)));
    }
    JdbcJobLeases database = leases.getIfAvailable();
    return new ReturnkitJobs(jobs, database == null ? JobLeases.alone() : JobLeases.of(database),
        properties.getJobs().getLease());
  }

  private static <T> T required(ObjectProvider<T> provider, Class<T> type,
      List<String> missing) {
    T bean = provider.getIfAvailable();
    if (bean == null) {
      missing.add(type.getName());
    }
    return bean;
  }
}
