package dev.returnkit.service;

import dev.returnkit.core.InputValidator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * The returns service: returnkit as a web application. The REST API under {@code /api}, the
 * back office under {@code /back-office}, PostgreSQL from {@code --jdbc-url} or embedded, and
 * in the {@code demo} profile (the default) an in-memory shop with demo data and users.
 *
 * <pre>
 * java -jar returns-service/target/returns-service.jar                    # the demo
 * java -jar returns-service.jar --jdbc-url=jdbc:postgresql://db/returns \
 *     --jdbc-user=returnkit --jdbc-password=... --spring.profiles.active=shop
 * </pre>
 */
@SpringBootApplication
public class ReturnsService {

  /**
   * Starts the service.
   *
   * @param args Spring Boot's arguments, and {@code --jdbc-url}, {@code --jdbc-user},
   *     {@code --jdbc-password}
   */
  public static void main(String[] args) {
    SpringApplication.run(ReturnsService.class, args);
  }

  /**
   * The validation of every input, shared by the facade and the API's forms (so that a form's
   * errors and returnkit's come in one answer).
   *
   * @return the validator
   */
  @Bean
  InputValidator inputValidator() {
    return InputValidator.create();
  }
}
