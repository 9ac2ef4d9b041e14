package dev.returnkit.testing.kafka;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * A real Apache Kafka node for tests: one process that is broker and controller (KRaft), run
 * in the test's JVM from the Apache Kafka artifacts, with no Docker and no install.
 *
 * <p>Its ports, cluster id and log directory are chosen once, so {@link #stop()} and then
 * {@link #start()} bring the same broker back with its data: what a test of "the broker went
 * away mid-stream" needs. Topics are not created automatically; make them with
 * {@link #createTopic}, and read one back with {@link #records}. Close it to stop it and
 * delete its directory.
 *
 * <pre>{@code
 * try (EmbeddedKraftBroker kafka = EmbeddedKraftBroker.started()) {
 *   kafka.createTopic("returnkit.return-events", 3);
 *   ... kafka.bootstrapServers() ...
 * }
 * }</pre>
 */
public final class EmbeddedKraftBroker implements AutoCloseable {

  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final Path logDir;
  private final int brokerPort;
  private final int controllerPort;
  private final String clusterId = Uuid.randomUuid().toString();
  private boolean formatted;
  private KafkaRaftServer server;

  /**
   * A broker on a new temporary directory and two free local ports, not yet started.
   *
   * @throws UncheckedIOException if there is no directory or port to be had
   */
  public EmbeddedKraftBroker() {
    try {
      this.logDir = Files.createTempDirectory("returnkit-kraft-");
      this.brokerPort = freePort();
      this.controllerPort = freePort();
    } catch (IOException e) {
      throw new UncheckedIOException("no directory or port for a test broker", e);
    }
  }

  /**
   * A broker, started.
   *
   * @return the running broker
   */
  public static EmbeddedKraftBroker started() {
    EmbeddedKraftBroker broker = new EmbeddedKraftBroker();
    broker.start();
    return broker;
  }

  /**
   * Where clients connect.
   *
   * @return {@code localhost:port}
   */
  public String bootstrapServers() {
    return "localhost:" + brokerPort;
  }

  /**
   * Whether it runs now.
   *
   * @return {@code true} between {@link #start()} and {@link #stop()}
   */
  public synchronized boolean isRunning() {
    return server != null;
  }

  /**
   * Formats the log directory on the first start, then starts the node and waits until it
   * answers clients (a few seconds the first time, a fraction of a second after a stop).
   *
   * @throws IllegalStateException if it runs already, or does not come up in 30 seconds
   */
  public synchronized void start() {
    if (server != null) {
      throw new IllegalStateException("the test broker runs already");
    }
    format();
    KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(settings(), false),
        Time.SYSTEM);
    // Returns once the broker has caught up with the metadata log and is unfenced.
    starting.startup();
    server = starting;
    awaitClients(Duration.ofSeconds(30));
  }

  /**
   * Shuts the node down cleanly and waits until all its threads have stopped; its data stays
   * for the next {@link #start()}. Nothing happens if it is not running.
   */
  public synchronized void stop() {
    if (server == null) {
      return;
    }
    KafkaRaftServer stopping = server;
    server = null;
    stopping.shutdown();
    stopping.awaitShutdown();
  }

  /**
   * Creates a topic with one replica.
   *
   * @param name the topic
   * @param partitions how many partitions
   */
  public void createTopic(String name, int partitions) {
    try (Admin admin = admin()) {
      admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all()
          .get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted creating topic " + name, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the test broker did not create topic " + name, e);
    }
  }

  /**
   * A topic's records from its start, as strings, once at least {@code atLeast} came (30
   * seconds at most; fewer came if the time ran out).
   *
   * @param topic the topic
   * @param atLeast how many records to wait for
   * @return the records, in partition order
   */
  public List<ConsumerRecord<String, String>> records(String topic, int atLeast) {
    return records(topic, atLeast, Duration.ZERO);
  }

  /**
   * A topic's records from its start, as strings: once at least {@code atLeast} came (30
   * seconds at most), reading on for {@code more}, so that records beyond the count (repeats,
   * say) are in the list too.
   *
   * @param topic the topic
   * @param atLeast how many records to wait for
   * @param more how long to read on after that
   * @return the records, in partition order
   */
  public List<ConsumerRecord<String, String>> records(String topic, int atLeast,
      Duration more) {
    List<ConsumerRecord<String, String>> read = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        // A group of its own: every call reads the topic from its start.
        ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + Uuid.randomUuid(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(Set.of(topic));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (read.size() < atLeast && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
      long until = System.nanoTime() + more.toNanos();
      while (System.nanoTime() < until) {
        consumer.poll(Duration.ofMillis(200)).forEach(read::add);
      }
    }
    return read;
  }

  /**
   * An admin client of this broker; close it after use.
   *
   * @return the client
   */
  public Admin admin() {
    return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
  }

  /** Stops the node and deletes its directory. */
  @Override
  public synchronized void close() {
    stop();
    try (Stream<Path> files = Files.walk(logDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("could not delete " + logDir, e);
    }
  }

  private Properties settings() {
    Properties p = new Properties();
    p.put("process.roles", "broker,controller");
    p.put("node.id", String.valueOf(NODE_ID));
    p.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
    p.put("listeners", "PLAINTEXT://localhost:" + brokerPort + "," + CONTROLLER_LISTENER
        + "://localhost:" + controllerPort);
    p.put("advertised.listeners", "PLAINTEXT://localhost:" + brokerPort);
    p.put("controller.listener.names", CONTROLLER_LISTENER);
    p.put("inter.broker.listener.name", "PLAINTEXT");
    p.put("listener.security.protocol.map",
        "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
    p.put("log.dirs", logDir.toString());
    p.put("metadata.log.dir", logDir.toString());
    // One node: every internal topic with one replica.
    p.put("offsets.topic.replication.factor", "1");
    p.put("offsets.topic.num.partitions", "1");
    p.put("transaction.state.log.replication.factor", "1");
    p.put("transaction.state.log.min.isr", "1");
    p.put("transaction.state.log.num.partitions", "1");
    p.put("share.coordinator.state.topic.replication.factor", "1");
    p.put("share.coordinator.state.topic.min.isr", "1");
    p.put("default.replication.factor", "1");
    p.put("min.insync.replicas", "1");
    p.put("num.partitions", "1");
    p.put("group.initial.rebalance.delay.ms", "0");
    p.put("auto.create.topics.enable", "false");
    // Few threads: tests run on small machines, beside the code they test.
    p.put("num.network.threads", "2");
    p.put("num.io.threads", "2");
    p.put("background.threads", "2");
    p.put("num.recovery.threads.per.data.dir", "1");
    p.put("num.replica.fetchers", "1");
    // Controlled shutdown fences the broker on the way down. Without it the restarted broker's
    // registration is refused as a duplicate until the old session times out (seconds).
    p.put("controlled.shutdown.enable", "true");
    p.put("broker.heartbeat.interval.ms", "500");
    p.put("broker.session.timeout.ms", "3000");
    return p;
  }

  private void format() {
    if (formatted) {
      return;
    }
    KafkaConfig config = new KafkaConfig(settings(), false);
    try {
      new Formatter()
          .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
          .setNodeId(NODE_ID)
          .setClusterId(clusterId)
          .setDirectories(List.of(logDir.toString()))
          .setMetadataLogDirectory(config.metadataLogDir())
          .setControllerListenerName(CONTROLLER_LISTENER)
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setIgnoreFormatted(false)
          .run();
    } catch (Exception e) {
      throw new IllegalStateException("could not format the test broker's " + logDir, e);
    }
    formatted = true;
  }

  private void awaitClients(Duration timeout) {
    try (Admin admin = Admin.create(Map.of(
        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) timeout.toMillis(),
        AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000))) {
      int nodes = admin.describeCluster().nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
          .size();
      if (nodes != 1) {
        throw new IllegalStateException("the test broker's cluster has " + nodes + " nodes");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted waiting for the test broker", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the test broker did not answer in " + timeout, e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 50, InetAddress.getByName("localhost"))) {
      return socket.getLocalPort();
    }
  }
}
