package dev.returnkit.spring.autoconfigure;

import dev.returnkit.jdbc.JdbcJobLeases;
import dev.returnkit.jdbc.JdbcOutboxRelay;
import dev.returnkit.jdbc.JdbcReturnRepository;
import dev.returnkit.jdbc.ReturnkitSchema;
import dev.returnkit.spi.event.ReturnEventPublisher;
import dev.returnkit.spi.storage.ReturnRepository;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * returnkit's JDBC storage on the application's DataSource (when it has exactly one): the
 * migrations, {@link JdbcReturnRepository}, the job leases that keep the jobs to one instance
 * at a time, and the outbox relay to the host's {@link ReturnEventPublisher}. Each bean backs
 * off when the host defines one of its type.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"})
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(ReturnkitProperties.class)
public class ReturnkitJdbcAutoConfiguration {

  /**
   * The database's schema brought up to date, before anything uses it. A bean of its own so
   * that the host can turn it off ({@code returnkit.jdbc.migrate=false}) or replace it.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.flywaydb.core.Flyway")
  @ConditionalOnBooleanProperty(name = "returnkit.jdbc.migrate", matchIfMissing = true)
  static class Migrations {

    /**
     * Runs returnkit's migrations (their own history table, beside the host's Flyway).
     *
     * @param dataSource the database
     * @return what was applied
     */
    @Bean
    @ConditionalOnMissingBean
    ReturnkitSchemaMigration returnkitSchemaMigration(DataSource dataSource) {
      return new ReturnkitSchemaMigration(ReturnkitSchema.migrate(dataSource));
    }
  }

  /**
   * The storage, unless the host has a repository of its own.
   *
   * @param dataSource the database
   * @param migration the migration, if it runs: made first
   * @return the repository
   */
  @Bean
  @ConditionalOnMissingBean(ReturnRepository.class)
  public JdbcReturnRepository returnkitRepository(DataSource dataSource,
      ObjectProvider<ReturnkitSchemaMigration> migration) {
    migration.ifAvailable(applied -> { });
    return JdbcReturnRepository.create(dataSource);
  }

  /**
   * This instance's leases on the jobs. Their times are the system clock's, never the host's
   * {@link Clock} bean: a lease is about which process is alive now, and a host's clock may be
   * a business clock that a demo or a test moves on by days.
   *
   * @param dataSource the database
   * @param properties the properties ({@code returnkit.jobs.instance-name})
   * @param migration the migration, if it runs: made first
   * @return the leases
   */
  @Bean
  @ConditionalOnMissingBean
  public JdbcJobLeases returnkitJobLeases(DataSource dataSource, ReturnkitProperties properties,
      ObjectProvider<ReturnkitSchemaMigration> migration) {
    migration.ifAvailable(applied -> { });
    String name = properties.getJobs().getInstanceName();
    return JdbcJobLeases.create(dataSource, name == null ? generatedInstanceName() : name);
  }

  /**
   * The relay from the outbox to the host's publisher, when the host has one and the
   * repository is returnkit's.
   *
   * @param dataSource the database
   * @param publisher the host's publisher
   * @param properties the properties ({@code returnkit.outbox.*})
   * @param clock the clock of the delivery times
   * @return the relay, run by the jobs
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean({ReturnEventPublisher.class, JdbcReturnRepository.class})
  @ConditionalOnBooleanProperty(name = "returnkit.outbox.enabled", matchIfMissing = true)
  public JdbcOutboxRelay returnkitOutboxRelay(DataSource dataSource,
      ReturnEventPublisher publisher, ReturnkitProperties properties, Clock clock) {
    ReturnkitProperties.Outbox outbox = properties.getOutbox();
    return JdbcOutboxRelay.create(dataSource, publisher, outbox.getRelayName())
        .withBatchSize(outbox.getBatchSize()).withClock(clock);
  }

  /** The host's name, the process id and four random hex digits: unique per running instance. */
  static String generatedInstanceName() {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      host = "unknown-host";
    }
    return host + "-" + ProcessHandle.current().pid() + "-"
        + String.format("%04x", new SecureRandom().nextInt(0x10000));
  }
}
