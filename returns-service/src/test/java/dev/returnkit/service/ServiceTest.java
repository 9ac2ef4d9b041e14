package dev.returnkit.service;

import dev.returnkit.testing.postgres.FreshPostgres;
import dev.returnkit.testing.postgres.TestSchema;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The service started for real on a random port, in the demo profile without the demo cases,
 * on a fresh schema of the test PostgreSQL; its jobs stay off so that a test sees only what it
 * did.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = ReturnsService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"returnkit.service.demo.cases=false", "returnkit.jobs.enabled=false"})
@ActiveProfiles("demo")
public @interface ServiceTest {

  /** The database of a test class: call from its {@code @DynamicPropertySource} method. */
  final class Database {

    private Database() {}

    /**
     * Points the service at a fresh schema.
     *
     * @param registry the test's properties
     */
    public static void fresh(DynamicPropertyRegistry registry) {
      TestSchema schema = FreshPostgres.schema();
      registry.add("jdbc-url", schema::jdbcUrl);
      registry.add("jdbc-user", schema::user);
      registry.add("jdbc-password", schema::password);
    }
  }
}
