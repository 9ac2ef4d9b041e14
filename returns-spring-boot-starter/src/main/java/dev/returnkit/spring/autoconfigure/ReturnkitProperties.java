package dev.returnkit.spring.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code returnkit.*} properties of the Spring Boot starter. Every one has a default, so a
 * host with its port beans and a DataSource needs none. The field comments are what IDEs show
 * (they become the generated configuration metadata); docs/spring-boot.md lists them all.
 */
@ConfigurationProperties("returnkit")
public class ReturnkitProperties {

  private final Rules rules = new Rules();
  private final Jdbc jdbc = new Jdbc();
  private final Jobs jobs = new Jobs();
  private final Expiry expiry = new Expiry();
  private final Outbox outbox = new Outbox();
  private final Kafka kafka = new Kafka();

  /**
   * The return policies.
   *
   * @return the rules' properties
   */
  public Rules getRules() {
    return rules;
  }

  /**
   * The JDBC storage.
   *
   * @return the storage's properties
   */
  public Jdbc getJdbc() {
    return jdbc;
  }

  /**
   * The scheduled jobs, together.
   *
   * @return the jobs' properties
   */
  public Jobs getJobs() {
    return jobs;
  }

  /**
   * The expiry job.
   *
   * @return its properties
   */
  public Expiry getExpiry() {
    return expiry;
  }

  /**
   * The outbox relay.
   *
   * @return its properties
   */
  public Outbox getOutbox() {
    return outbox;
  }

  /**
   * The publisher to Kafka.
   *
   * @return its properties
   */
  public Kafka getKafka() {
    return kafka;
  }

  /** When the policy files are read again while the application runs. */
  public enum Reload {
    /** Only when the host calls {@code DroolsPolicies.reload()}. */
    NEVER,
    /** When a file of the rule directory or the settings file changes (and on demand). */
    ON_CHANGE
  }

  /** {@code returnkit.rules.*}: where the policies come from. */
  public static class Rules {

    /**
     * A directory of policy files over returnkit's defaults: each .drl file replaces the
     * default at its path or adds rules, policy-settings.properties at its top changes
     * settings, disabled-rules.txt lists rule ids to switch off. Unset: the default policies.
     */
    private Path directory;

    /** A properties file of policy settings, read after the directory's settings. */
    private Path settingsFile;

    /** Rule ids to switch off, e.g. eligibility/high-return-rate. */
    private List<String> disabled = new ArrayList<>();

    /**
     * Settings that win over every file, by key; write a key with dots in brackets, e.g.
     * returnkit.rules.settings[restocking-fee.percent]=10.
     */
    private Map<String, String> settings = new LinkedHashMap<>();

    /** When the policy files are read again: never, or on-change. */
    private Reload reload = Reload.NEVER;

    /** How often the files are looked at for a change when reload is on-change. */
    private Duration checkInterval = Duration.ofSeconds(5);

    /** @return the rule directory, or null */
    public Path getDirectory() {
      return directory;
    }

    /** @param directory the rule directory */
    public void setDirectory(Path directory) {
      this.directory = directory;
    }

    /** @return the settings file, or null */
    public Path getSettingsFile() {
      return settingsFile;
    }

    /** @param settingsFile the settings file */
    public void setSettingsFile(Path settingsFile) {
      this.settingsFile = settingsFile;
    }

    /** @return the rule ids switched off */
    public List<String> getDisabled() {
      return disabled;
    }

    /** @param disabled the rule ids to switch off */
    public void setDisabled(List<String> disabled) {
      this.disabled = disabled;
    }

    /** @return the settings given as properties */
    public Map<String, String> getSettings() {
      return settings;
    }

    /** @param settings settings by key */
    public void setSettings(Map<String, String> settings) {
      this.settings = settings;
    }

    /** @return when the files are read again */
    public Reload getReload() {
      return reload;
    }

    /** @param reload when the files are read again */
    public void setReload(Reload reload) {
      this.reload = reload;
    }

    /** @return how often the files are looked at */
    public Duration getCheckInterval() {
      return checkInterval;
    }

    /** @param checkInterval how often the files are looked at */
    public void setCheckInterval(Duration checkInterval) {
      this.checkInterval = checkInterval;
    }
  }

  /** {@code returnkit.jdbc.*}: the storage used when the application has one DataSource. */
  public static class Jdbc {

    /**
     * Whether returnkit's migrations run at start-up (Flyway, with their own history table
     * rk_schema_history beside the host's). Off: the host applies them its own way.
     */
    private boolean migrate = true;

    /** @return whether the migrations run */
    public boolean isMigrate() {
      return migrate;
    }

    /** @param migrate whether the migrations run */
    public void setMigrate(boolean migrate) {
      this.migrate = migrate;
    }
  }

  /** {@code returnkit.jobs.*}: the scheduled jobs, each run by one instance at a time. */
  public static class Jobs {

    /** Whether returnkit schedules its jobs at all (off: the host runs them itself). */
    private boolean enabled = true;

    /**
     * This instance's name in the job leases (rk_job_lease), unique among the instances
     * sharing the database. Unset: the host name, the process id and a random suffix.
     */
    private String instanceName;

    /**
     * How long an instance holds a job once it ran it; it renews on every run, and another
     * instance takes over when it stops renewing. Longer than every job's interval and run.
     */
    private Duration lease = Duration.ofMinutes(2);

    /** @return whether jobs are scheduled */
    public boolean isEnabled() {
      return enabled;
    }

    /** @param enabled whether jobs are scheduled */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** @return this instance's name, or null for a generated one */
    public String getInstanceName() {
      return instanceName;
    }

    /** @param instanceName this instance's name */
    public void setInstanceName(String instanceName) {
      this.instanceName = instanceName;
    }

    /** @return how long a lease lasts */
    public Duration getLease() {
      return lease;
    }

    /** @param lease how long a lease lasts */
    public void setLease(Duration lease) {
      this.lease = lease;
    }
  }

  /** {@code returnkit.expiry.*}: the job that expires cases whose parcel was never sent. */
  public static class Expiry {

    /** Whether the expiry job runs. */
    private boolean enabled = true;

    /** How long the job waits between runs. */
    private Duration interval = Duration.ofMinutes(1);

    /** @return whether the job runs */
    public boolean isEnabled() {
      return enabled;
    }

    /** @param enabled whether the job runs */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** @return the wait between runs */
    public Duration getInterval() {
      return interval;
    }

    /** @param interval the wait between runs */
    public void setInterval(Duration interval) {
      this.interval = interval;
    }
  }

  /**
   * {@code returnkit.outbox.*}: the relay from the JDBC outbox to the host's
   * ReturnEventPublisher bean (there is no relay without one).
   */
  public static class Outbox {

    /** Whether the relay runs (when there is a DataSource and a publisher bean). */
    private boolean enabled = true;

    /** The relay's name: each name delivers every event once (e.g. kafka, search-index). */
    private String relayName = "default";

    /** How long the relay waits between runs; each run delivers all that waits. */
    private Duration interval = Duration.ofSeconds(1);

    /** Events per transaction. */
    private int batchSize = 200;

    /** @return whether the relay runs */
    public boolean isEnabled() {
      return enabled;
    }

    /** @param enabled whether the relay runs */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** @return the relay's name */
    public String getRelayName() {
      return relayName;
    }

    /** @param relayName the relay's name */
    public void setRelayName(String relayName) {
      this.relayName = relayName;
    }

    /** @return the wait between runs */
    public Duration getInterval() {
      return interval;
    }

    /** @param interval the wait between runs */
    public void setInterval(Duration interval) {
      this.interval = interval;
    }

    /** @return events per transaction */
    public int getBatchSize() {
      return batchSize;
    }

    /** @param batchSize events per transaction */
    public void setBatchSize(int batchSize) {
      this.batchSize = batchSize;
    }
  }

  /**
   * {@code returnkit.kafka.*}: the events to a Kafka topic through returns-kafka's
   * KafkaEventPublisher, made when returns-kafka is on the class path and the bootstrap
   * servers are set (and the host has no ReturnEventPublisher bean of its own).
   */
  public static class Kafka {

    /** The brokers, e.g. kafka-1:9092,kafka-2:9092; the publisher is made when this is set. */
    private String bootstrapServers;

    /** The topic the events go to, keyed by the case. */
    private String topic = "returnkit.return-events";

    /**
     * More Kafka producer settings (security, timeouts, client.id, ...); those the events'
     * guarantees need (idempotence, acks=all, the serializers) may not be changed.
     */
    private Map<String, String> producer = new LinkedHashMap<>();

    /** @return the brokers */
    public String getBootstrapServers() {
      return bootstrapServers;
    }

    /** @param bootstrapServers the brokers */
    public void setBootstrapServers(String bootstrapServers) {
      this.bootstrapServers = bootstrapServers;
    }

    /** @return the topic */
    public String getTopic() {
      return topic;
    }

    /** @param topic the topic */
    public void setTopic(String topic) {
      this.topic = topic;
    }

    /** @return more producer settings */
    public Map<String, String> getProducer() {
      return producer;
    }

    /** @param producer more producer settings */
    public void setProducer(Map<String, String> producer) {
      this.producer = producer;
    }
  }
}
