package dev.returnkit.spring.autoconfigure;

import dev.returnkit.core.observation.ReturnsObserver;
import dev.returnkit.jdbc.JdbcOutboxRelay;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.spring.observability.MicrometerReturnsObserver;
import dev.returnkit.spring.observability.ReturnkitHealthIndicator;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * returnkit's metrics and health, when the application has Micrometer and Spring Boot's health
 * support (Actuator brings both): the {@link MicrometerReturnsObserver} that {@code Returns}
 * reports to, a gauge of the outbox backlog, and the {@code returnkit} health indicator.
 * Without them returnkit runs unobserved.
 */
@AutoConfiguration(after = ReturnkitJdbcAutoConfiguration.class,
    before = ReturnkitAutoConfiguration.class, afterName = {
        ReturnkitObservabilityAutoConfiguration.METRICS + "CompositeMeterRegistryAutoConfiguration",
        ReturnkitObservabilityAutoConfiguration.METRICS
            + "export.simple.SimpleMetricsExportAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure."
            + "ObservationAutoConfiguration"})
public class ReturnkitObservabilityAutoConfiguration {

  /** The package of Spring Boot's metrics auto-configuration. */
  static final String METRICS = "org.springframework.boot.micrometer.metrics.autoconfigure.";

  /** The gauge of events that wait in the outbox, per relay. */
  public static final String OUTBOX_BACKLOG = "returnkit.outbox.backlog";

  /** Metrics and traces, with a meter registry. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  @ConditionalOnBean(MeterRegistry.class)
  static class Metrics {

    /**
     * The observer {@code Returns} reports to. Its observations go to the application's
     * observation registry; without one, to a registry of its own that only times them.
     */
    @Bean
    @ConditionalOnMissingBean(ReturnsObserver.class)
    MicrometerReturnsObserver returnkitObserver(MeterRegistry meters,
        ObjectProvider<ObservationRegistry> observations) {
      ObservationRegistry registry = observations.getIfAvailable(() -> {
        ObservationRegistry timing = ObservationRegistry.create();
        timing.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        return timing;
      });
      return new MicrometerReturnsObserver(registry, meters);
    }

    /** The outbox backlog, read when the registry is scraped. */
    @Bean
    @ConditionalOnBean(JdbcOutboxRelay.class)
    Gauge returnkitOutboxBacklog(MeterRegistry meters, JdbcOutboxRelay relay) {
      return Gauge.builder(OUTBOX_BACKLOG, relay, JdbcOutboxRelay::pendingCount)
          .description("events in the outbox the relay has not delivered")
          .tag("relay", relay.name()).strongReference(true).register(meters);
    }
  }

  /** Health, with Spring Boot's health support. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  static class Health {

    /** The {@code returnkit} health indicator (the bean name, less "HealthIndicator"). */
    @Bean
    @ConditionalOnMissingBean(name = "returnkitHealthIndicator")
    ReturnkitHealthIndicator returnkitHealthIndicator(ObjectProvider<DroolsPolicies> policies,
        ObjectProvider<DataSource> dataSource, ObjectProvider<JdbcOutboxRelay> relay) {
      return new ReturnkitHealthIndicator(policies.getIfAvailable(),
          dataSource.getIfUnique(() -> null), relay.getIfAvailable());
    }
  }
}
