package dev.returnkit.spring.autoconfigure;

import dev.returnkit.kafka.KafkaEventPublisher;
import dev.returnkit.spi.event.ReturnEventPublisher;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The events to Kafka: a {@link KafkaEventPublisher} from {@code returnkit.kafka.*} when
 * returns-kafka is on the class path and {@code returnkit.kafka.bootstrap-servers} is set. It is
 * the host's {@link ReturnEventPublisher} for everything else: with a DataSource the outbox
 * relay hands it the stored events. Backs off when the host has a publisher of its own.
 */
@AutoConfiguration(before = {ReturnkitJdbcAutoConfiguration.class,
    ReturnkitAutoConfiguration.class})
@ConditionalOnClass(name = "dev.returnkit.kafka.KafkaEventPublisher")
@ConditionalOnProperty(prefix = "returnkit.kafka", name = "bootstrap-servers")
@EnableConfigurationProperties(ReturnkitProperties.class)
public class ReturnkitKafkaAutoConfiguration {

  /**
   * The publisher, closed with the application context.
   *
   * @param properties the properties ({@code returnkit.kafka.*})
   * @return the publisher
   * @throws IllegalArgumentException if the producer settings contradict the events'
   *     guarantees (the context then fails to start, saying which)
   */
  @Bean
  @ConditionalOnMissingBean(ReturnEventPublisher.class)
  public KafkaEventPublisher returnkitKafkaPublisher(ReturnkitProperties properties) {
    ReturnkitProperties.Kafka kafka = properties.getKafka();
    Map<String, Object> producer = new LinkedHashMap<>(kafka.getProducer());
    producer.put("bootstrap.servers", kafka.getBootstrapServers());
    return KafkaEventPublisher.create(producer, kafka.getTopic());
  }
}
