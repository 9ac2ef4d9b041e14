package dev.returnkit.service.problem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.inmemory.InMemoryPaymentGateway;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.service.ServiceClient;
import dev.returnkit.service.ServiceClient.Answer;
import dev.returnkit.service.ServiceTest;
import dev.returnkit.service.TestOrders;
import dev.returnkit.spi.PaymentUnavailableException;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentReceipt;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@ServiceTest
@Import(ProblemDetailsTest.Provider.class)
@DisplayName("Errors as RFC 9457 problem details")
class ProblemDetailsTest {

  private static final AtomicInteger ORDERS = new AtomicInteger();

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ServiceTest.Database.fresh(registry);
  }

  /** The demo's payment provider, which a test can take down. */
  @TestConfiguration
  static class Provider {

    static final AtomicBoolean DOWN = new AtomicBoolean();

    @Bean
    @Primary
    PaymentGateway switchableProvider(InMemoryPaymentGateway demo) {
      return new PaymentGateway() {
        @Override
        public PaymentReceipt pay(PaymentInstruction instruction) {
          if (DOWN.get()) {
            throw new PaymentUnavailableException("provider down for maintenance", null);
          }
          return demo.pay(instruction);
        }

        @Override
        public Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
          return demo.findReceipt(idempotencyKey);
        }
      };
    }
  }

  @LocalServerPort
  int port;

  @Autowired
  InMemoryPorts shop;

  @Autowired
  Clock clock;

  private String order(String customer, String unitPrice) {
    return TestOrders.put(shop, clock, "O-P" + ORDERS.incrementAndGet(), customer, "apparel",
        2, unitPrice);
  }

  private String request(String customer, String unitPrice) {
    return ServiceClient.as(port, customer).post("/api/returns", """
        {"orderId":"%s","lines":[{"orderLineId":"L-1","quantity":1,
          "reason":"DEFECTIVE","resolution":"REFUND"}]}""".formatted(order(customer,
        unitPrice))).json().get("returnCase").get("id").asString();
  }

  private static void assertProblem(Answer answer, int status, String kind) {
    assertThat(answer.status()).as(answer.body()).isEqualTo(status);
    assertThat(answer.contentType()).startsWith("application/problem+json");
    JsonNode problem = answer.json();
    assertThat(problem.get("type").asString()).isEqualTo("https://returnkit.dev/problems/" + kind);
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("title").asString()).isNotBlank();
    assertThat(problem.get("detail").asString()).isNotBlank();
  }

  private static List<String> violations(Answer answer) {
    List<String> found = new ArrayList<>();
    answer.json().get("violations").forEach(v ->
        found.add(v.get("path").asString() + ": " + v.get("message").asString()));
    return found;
  }

  @Test
  @DisplayName("400 names every wrong field at once, and stores nothing")
  void everyField() {
    String orderId = order("C-1001", "30.00");
    Answer answer = ServiceClient.as(port, "C-1001").post("/api/returns", """
        {"orderId":"%s","lines":[
          {"orderLineId":" ","quantity":0,"reason":"DEFECTIVE","resolution":"REFUND"},
          {"orderLineId":"L-1","reason":"DEFECTIVE"},
          {"quantity":1,"reason":"DEFECTIVE","resolution":"REFUND"}]}""".formatted(orderId));
    assertProblem(answer, 400, "validation");
    assertThat(answer.json().get("title").asString()).isEqualTo("Invalid input");
    assertThat(violations(answer)).hasSize(5)
        .contains("lines[0].orderLineId: order line id must not be blank",
            "lines[1].quantity: must not be null", "lines[1].resolution: must not be null",
            "lines[2].orderLineId: must not be null")
        .anySatisfy(v -> assertThat(v).startsWith("lines[0].quantity: "));
    assertThat(ServiceClient.as(port, "agent").get("/api/returns?orderId=" + orderId).json()
        .size()).as("nothing stored").isZero();
  }

  @Test
  @DisplayName("400 for a search by an id that is no id")
  void badSearch() {
    Answer answer = ServiceClient.as(port, "agent").get("/api/returns?orderId=%20");
    assertProblem(answer, 400, "validation");
    assertThat(violations(answer)).singleElement().satisfies(v ->
        assertThat(v).startsWith("orderId: ").contains("blank"));
    Answer customer = ServiceClient.as(port, "agent").get("/api/returns?customerId=%20");
    assertProblem(customer, 400, "validation");
    assertThat(violations(customer)).singleElement().satisfies(v ->
        assertThat(v).startsWith("customerId: ").contains("blank"));
  }

  @Test
  @DisplayName("400 for a body that does not read, at the field it stopped")
  void malformed() {
    Answer answer = ServiceClient.as(port, "C-1001").post("/api/returns", """
        {"orderId":"O-1","lines":[{"orderLineId":"L-1","quantity":1,
          "reason":"BORED","resolution":"REFUND"}]}""");
    assertProblem(answer, 400, "malformed");
    assertThat(violations(answer)).singleElement().satisfies(v ->
        assertThat(v).startsWith("lines[0].reason: must be one of [").contains("DEFECTIVE"));

    Answer notANumber = ServiceClient.as(port, "C-1001").post("/api/returns", """
        {"orderId":"O-1","lines":[{"orderLineId":"L-1","quantity":"two",
          "reason":"DEFECTIVE","resolution":"REFUND"}]}""");
    assertProblem(notANumber, 400, "malformed");
    assertThat(violations(notANumber)).singleElement().satisfies(v ->
        assertThat(v).startsWith("lines[0].quantity: Cannot deserialize").doesNotContain("\n"));

    Answer notJson = ServiceClient.as(port, "C-1001").postText("/api/returns", "orderId=O-1");
    assertProblem(notJson, 400, "malformed");
    assertThat(notJson.json().get("detail").asString())
        .isEqualTo("the body does not read as this endpoint's form");
  }

  @Test
  @DisplayName("403 names the actor and the operation the access policy refused")
  void accessDenied() {
    String id = request("C-1002", "25.00");
    Answer answer = ServiceClient.as(port, "C-1002").post("/api/returns/" + id + "/receipt",
        "{\"lines\":[{\"orderLineId\":\"L-1\",\"quantity\":1}]}");
    assertProblem(answer, 403, "access-denied");
    assertThat(answer.json().get("actor").asString()).isEqualTo("CUSTOMER:C-1002");
    assertThat(answer.json().get("operation").asString()).isEqualTo("receive");
    assertThat(answer.json().get("detail").asString()).contains("CUSTOMER:C-1002")
        .contains("receive");
  }

  @Test
  @DisplayName("401 without a user, with the challenge")
  void unauthenticated() {
    Answer answer = ServiceClient.anonymous(port).get("/api/returns?orderId=O-1");
    assertProblem(answer, 401, "unauthenticated");
    assertThat(answer.wwwAuthenticate()).isEqualTo("Basic realm=\"returnkit\"");
    assertThat(answer.contentType()).isEqualTo("application/problem+json;charset=UTF-8");
  }

  @Test
  @DisplayName("404 for a case that does not exist")
  void notFound() {
    Answer answer = ServiceClient.as(port, "agent").get("/api/returns/R-none");
    assertProblem(answer, 404, "not-found");
    assertThat(answer.json().get("returnId").asString()).isEqualTo("R-none");
  }

  @Test
  @DisplayName("409 names the case's state and the command it does not take")
  void illegalTransition() {
    String id = request("C-1003", "25.00");
    Answer answer = ServiceClient.as(port, "warehouse").post("/api/returns/" + id
        + "/inspection", "{\"lines\":[{\"orderLineId\":\"L-1\",\"acceptedQuantity\":1,"
        + "\"grade\":\"A\"}]}");
    assertProblem(answer, 409, "illegal-transition");
    assertThat(answer.json().get("returnId").asString()).isEqualTo(id);
    assertThat(answer.json().get("state").asString()).isEqualTo("APPROVED");
    assertThat(answer.json().get("command").asString()).isEqualTo("INSPECT");
  }

  @Test
  @DisplayName("503 with Retry-After while the payment provider is down; the case waits and "
      + "settles once it is back")
  void paymentUnavailable() {
    String id = request("C-1001", "40.00");
    ServiceClient carrier = ServiceClient.as(port, "carrier");
    ServiceClient warehouse = ServiceClient.as(port, "warehouse");
    String tracking = ServiceClient.as(port, "C-1001").post("/api/returns/" + id
        + "/shipment", "{\"method\":\"LABEL\"}").json().get("returnCase")
        .get("trackingNumber").asString();
    carrier.post("/api/carrier-events/" + id, """
        {"type":"DELIVERED_TO_WAREHOUSE","trackingNumber":"%s","occurredAt":"%s"}"""
        .formatted(tracking, clock.instant()));
    warehouse.post("/api/returns/" + id + "/receipt",
        "{\"lines\":[{\"orderLineId\":\"L-1\",\"quantity\":1}]}");
    warehouse.post("/api/returns/" + id + "/inspection",
        "{\"lines\":[{\"orderLineId\":\"L-1\",\"acceptedQuantity\":1,\"grade\":\"A\"}]}");

    Provider.DOWN.set(true);
    Answer down;
    try {
      down = ServiceClient.as(port, "supervisor").post("/api/returns/" + id + "/settlement",
          null);
    } finally {
      Provider.DOWN.set(false);
    }
    assertProblem(down, 503, "payment-unavailable");
    assertThat(ServiceClient.as(port, "agent").get("/api/returns/" + id).json().get("status")
        .asString()).isEqualTo("SETTLING");

    Answer settled = ServiceClient.as(port, "supervisor").post("/api/returns/" + id
        + "/settlement", null);
    assertThat(settled.json().get("returnCase").get("status").asString())
        .isEqualTo("COMPLETED");
  }
}
