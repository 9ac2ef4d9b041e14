package dev.returnkit.service.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.service.ReturnsService;
import dev.returnkit.service.ServiceClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The service as the README starts it: no database given (so an embedded PostgreSQL of its
 * own), the demo profile by default, the demo cases made at start-up and the welcome printed.
 */
@SpringBootTest(classes = ReturnsService.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "returnkit.jobs.enabled=false")
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("The demo service on its own embedded database")
class DemoServiceTest {

  @LocalServerPort
  int port;

  @Test
  @DisplayName("holds the demo cases, and printed its URL and users")
  void demoCasesAndWelcome(CapturedOutput output) {
    JsonNode queue = ServiceClient.as(port, "agent").get("/api/review-queue").json();
    List<String> orders = new ArrayList<>();
    queue.forEach(item -> orders.add(item.get("orderId").asString()));
    assertThat(orders).as("the two high-value requests wait for review")
        .containsExactly("O-1002", "O-1003");

    JsonNode lamp = ServiceClient.as(port, "C-1001").get("/api/returns?orderId=O-1004").json();
    assertThat(lamp.get(0).get("status").asString()).isEqualTo("COMPLETED");
    JsonNode tees = ServiceClient.as(port, "C-1001").get("/api/returns?orderId=O-1001").json();
    assertThat(tees.get(0).get("status").asString()).isEqualTo("AWAITING_RETURN");

    // The welcome is printed once the application is ready, before the test runs.
    assertThat(output.getOut()).contains("returnkit service at http://localhost:" + port + "/")
        .contains("agent/demo (agent)").contains("C-1001/demo (customer)")
        .contains("carrier/demo (system)");
  }
}
