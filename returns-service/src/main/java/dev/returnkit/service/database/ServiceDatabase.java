package dev.returnkit.service.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service's PostgreSQL: the one at {@code --jdbc-url} (with {@code --jdbc-user} and
 * {@code --jdbc-password}), or, without one, an embedded PostgreSQL started from a Maven
 * artifact in a temporary directory, gone when the service stops: for a demo or a first try,
 * never for a shop's returns.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceDatabase {

  /** The database given on the command line. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty("jdbc-url")
  static class Given {

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(@Value("${jdbc-url}") String url,
        @Value("${jdbc-user:#{null}}") String user,
        @Value("${jdbc-password:#{null}}") String password) {
      return pool(url, user, password);
    }
  }

  /** An embedded database, when none is given. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnExpression("'${jdbc-url:}'.isEmpty()")
  static class Embedded {

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() {
      try {
        return EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("the embedded PostgreSQL did not start; give --jdbc-url",
            e);
      }
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
      return pool(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "postgres");
    }
  }

  private static HikariDataSource pool(String url, String user, String password) {
    HikariDataSource pool = new HikariDataSource();
    pool.setJdbcUrl(url);
    pool.setUsername(user);
    pool.setPassword(password);
    pool.setPoolName("returnkit");
    return pool;
  }
}
