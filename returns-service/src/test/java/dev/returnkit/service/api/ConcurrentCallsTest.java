package dev.returnkit.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.service.ServiceClient;
import dev.returnkit.service.ServiceClient.Answer;
import dev.returnkit.service.ServiceTest;
import dev.returnkit.service.TestOrders;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Many clients sending the same command at once, over real HTTP to one service on one
 * PostgreSQL: one of them changes the case, every other one is told why not, and nothing
 * happens twice.
 */
@ServiceTest
@DisplayName("Concurrent calls over HTTP")
class ConcurrentCallsTest {

  private static final int CLIENTS = 6;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ServiceTest.Database.fresh(registry);
  }

  @LocalServerPort
  int port;

  @Autowired
  InMemoryPorts shop;

  @Autowired
  Clock clock;

  private String order(String id, String customer, int units, String unitPrice) {
    return TestOrders.put(shop, clock, id, customer, "home", units, unitPrice);
  }

  /** Sends the calls at the same moment and collects the answers. */
  private static List<Answer> atOnce(Callable<Answer> call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Answer>> answers = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        answers.add(pool.submit(() -> {
          start.await();
          return call.call();
        }));
      }
      start.countDown();
      List<Answer> done = new ArrayList<>();
      for (Future<Answer> answer : answers) {
        done.add(answer.get());
      }
      return done;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @DisplayName("six approvals of one case: one approves, five are told it is approved already")
  void approvals() throws Exception {
    String orderId = order("O-C1", "C-1002", 1, "720.00");
    String id = ServiceClient.as(port, "C-1002").post("/api/returns", """
        {"orderId":"%s","lines":[{"orderLineId":"L-1","quantity":1,"reason":"DEFECTIVE",
          "resolution":"REFUND"}]}""".formatted(orderId)).json().get("returnCase").get("id")
        .asString();

    List<Answer> answers = atOnce(() -> ServiceClient.as(port, "supervisor")
        .post("/api/returns/" + id + "/approval", null));

    assertThat(answers).filteredOn(answer -> answer.status() == 200).hasSize(1);
    assertThat(answers).filteredOn(answer -> answer.status() != 200).hasSize(CLIENTS - 1)
        .allSatisfy(answer -> {
          assertThat(answer.status()).as(answer.body()).isEqualTo(409);
          assertThat(answer.json().get("type").asString()).isIn(
              "https://returnkit.dev/problems/illegal-transition",
              "https://returnkit.dev/problems/concurrent-update");
        });
    JsonNode history = ServiceClient.as(port, "supervisor").get("/api/returns/" + id
        + "/history").json();
    List<String> commands = new ArrayList<>();
    history.forEach(entry -> commands.add(entry.get("command").asString()));
    assertThat(commands).filteredOn("APPROVE"::equals).hasSize(1);
  }

  @Test
  @DisplayName("six requests for the one unit of an order line: one case holds it")
  void requestsForOneUnit() throws Exception {
    String orderId = order("O-C2", "C-1003", 1, "40.00");
    String body = """
        {"orderId":"%s","lines":[{"orderLineId":"L-1","quantity":1,"reason":"DOES_NOT_FIT",
          "resolution":"REFUND"}]}""".formatted(orderId);

    List<Answer> answers = atOnce(() -> ServiceClient.as(port, "C-1003")
        .post("/api/returns", body));

    assertThat(answers).filteredOn(answer -> answer.status() == 201).hasSize(1);
    // The others are told the unit is taken: by the order's limit when they raced the winner's
    // save, or, once it was stored (or run again after losing), at the line's quantity.
    assertThat(answers).filteredOn(answer -> answer.status() != 201).hasSize(CLIENTS - 1)
        .allSatisfy(answer -> assertThat(answer.json().get("type").asString()).as(answer.body())
            .isIn("https://returnkit.dev/problems/order-limit",
                "https://returnkit.dev/problems/validation"));
    JsonNode cases = ServiceClient.as(port, "agent").get("/api/returns?orderId=" + orderId)
        .json();
    int approvedUnits = 0;
    for (JsonNode returnCase : cases) {
      approvedUnits += returnCase.get("lines").get(0).get("approved").asInt();
    }
    assertThat(approvedUnits).as("units approved across the order's cases").isEqualTo(1);
  }
}
