package dev.returnkit.spring.observability;

import dev.returnkit.jdbc.JdbcOutboxRelay;
import dev.returnkit.rules.DroolsPolicies;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * returnkit's part of the application's health ({@code /actuator/health/returnkit}): the rules
 * in force, whether the database answers, and how many events wait in the outbox. Down when the
 * database does not answer (no case can be stored); up otherwise, the backlog a detail to alert
 * on (a growing one means the broker or the relay is stuck, while returns go on being taken).
 */
public final class ReturnkitHealthIndicator implements HealthIndicator {

  private final DroolsPolicies policies;
  private final DataSource dataSource;
  private final JdbcOutboxRelay relay;

  /**
   * An indicator over what the application has.
   *
   * @param policies the Drools policies, or null when the host decides with others
   * @param dataSource returnkit's database, or null without JDBC storage
   * @param relay the outbox relay, or null when there is none
   */
  public ReturnkitHealthIndicator(DroolsPolicies policies, DataSource dataSource,
      JdbcOutboxRelay relay) {
    this.policies = policies;
    this.dataSource = dataSource;
    this.relay = relay;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    if (policies != null) {
      health.withDetail("rules", policies.description())
          .withDetail("ruleCount", policies.ruleIds().size())
          .withDetail("ruleWarnings", policies.warnings().size());
    }
    if (dataSource != null) {
      try (Connection connection = dataSource.getConnection()) {
        if (!connection.isValid(2)) {
          return health.down().withDetail("database", "no answer within 2 s").build();
        }
        health.withDetail("database", "reachable");
      } catch (SQLException e) {
        return health.down(e).withDetail("database", "unreachable").build();
      }
    }
    if (relay != null) {
      health.withDetail("outboxRelay", relay.name())
          .withDetail("outboxBacklog", relay.pendingCount());
    }
    return health.build();
  }
}
