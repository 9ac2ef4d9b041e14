package dev.returnkit.service.demo;

import dev.returnkit.core.Returns;
import dev.returnkit.service.security.ServiceUsers;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.storage.ReturnRepository;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the demo is up: makes the demo cases (unless {@code returnkit.service.demo.cases} is
 * false, or they are there from an earlier start on the same database), then prints where the
 * service answers and who can sign in.
 */
@Component
@Profile("demo")
public class DemoStartup {

  private final Returns returns;
  private final ReturnRepository repository;
  private final ServiceUsers users;
  private final Clock clock;
  private final boolean makeCases;

  /**
   * The demo's start.
   *
   * @param returns the facade
   * @param repository the storage, to see whether the cases are there
   * @param users the users to print
   * @param clock the clock
   * @param makeCases whether to make the demo cases
   */
  public DemoStartup(Returns returns, ReturnRepository repository, ServiceUsers users,
      Clock clock, @Value("${returnkit.service.demo.cases:true}") boolean makeCases) {
    this.returns = returns;
    this.repository = repository;
    this.users = users;
    this.clock = clock;
    this.makeCases = makeCases;
  }

  /**
   * Makes the cases and prints the welcome.
   *
   * @param ready the event, with the application's environment
   */
  @EventListener
  public void ready(ApplicationReadyEvent ready) {
    if (makeCases && repository.findByOrder(OrderId.of("O-1001")).isEmpty()) {
      DemoCases.make(returns, clock);
    }
    String port = ready.getApplicationContext().getEnvironment()
        .getProperty("local.server.port", "8080");
    print(System.out, "http://localhost:" + port);
  }

  private void print(PrintStream out, String url) {
    out.println();
    out.println("returnkit service at " + url + "/");
    out.println("  back office   " + url + "/back-office");
    out.println("  API           " + url + "/api/returns   (OpenAPI: " + url
        + "/v3/api-docs, " + url + "/swagger-ui.html)");
    out.println("  demo users    " + users.getUsers().entrySet().stream()
        .map(DemoStartup::describe).collect(Collectors.joining(", ")));
    out.println();
  }

  private static String describe(Map.Entry<String, ServiceUsers.User> user) {
    String password = user.getValue().getPassword();
    String shown = password != null && password.startsWith("{noop}")
        ? password.substring("{noop}".length()) : "(encoded)";
    return user.getKey() + "/" + shown + " (" + user.getValue().getRole().name().toLowerCase()
        + ")";
  }
}
