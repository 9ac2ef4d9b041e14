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
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@ServiceTest
@DisplayName("The returns API over HTTP")
class ReturnsApiTest {

  private static final AtomicInteger ORDERS = new AtomicInteger();

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

  /** An order of a customer with one line, delivered three days ago. */
  private String order(String customer, String unitPrice, int units) {
    return TestOrders.put(shop, clock, "O-T" + ORDERS.incrementAndGet(), customer, "apparel",
        units, unitPrice);
  }

  private static String requestBody(String orderId, int units) {
    return """
        {"orderId":"%s","lines":[{"orderLineId":"L-1","quantity":%d,
          "reason":"DOES_NOT_FIT","resolution":"REFUND"}]}""".formatted(orderId, units);
  }

  private ServiceClient as(String user) {
    return ServiceClient.as(port, user);
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asString()));
    return texts;
  }

  @Test
  @DisplayName("takes a case from request to refund, each step by its actor, and verifies it")
  void wholeLifecycle() {
    String orderId = order("C-1001", "59.90", 1);
    Answer requested = as("C-1001").post("/api/returns", requestBody(orderId, 1));
    assertThat(requested.status()).isEqualTo(201);
    JsonNode result = requested.json();
    String id = result.get("returnCase").get("id").asString();
    assertThat(requested.location()).isEqualTo("/api/returns/" + id);
    assertThat(result.get("returnCase").get("status").asString()).isEqualTo("APPROVED");
    assertThat(texts(result.get("events"))).containsExactly("RETURN_REQUESTED",
        "RETURN_APPROVED");

    JsonNode shipped = as("C-1001").post("/api/returns/" + id + "/shipment",
        "{\"method\":\"LABEL\"}").json().get("returnCase");
    assertThat(shipped.get("status").asString()).isEqualTo("AWAITING_RETURN");
    String tracking = shipped.get("trackingNumber").asString();

    Answer delivered = as("carrier").post("/api/carrier-events/" + id, """
        {"type":"DELIVERED_TO_WAREHOUSE","trackingNumber":"%s",
         "occurredAt":"%s"}""".formatted(tracking, clock.instant()));
    assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
    assertThat(delivered.json().get("returnCase").get("id").asString()).isEqualTo(id);
    Answer received = as("warehouse").post("/api/returns/" + id + "/receipt",
        "{\"lines\":[{\"orderLineId\":\"L-1\",\"quantity\":1}]}");
    assertThat(received.json().get("returnCase").get("status").asString())
        .isEqualTo("RECEIVED");
    Answer inspected = as("warehouse").post("/api/returns/" + id + "/inspection",
        "{\"lines\":[{\"orderLineId\":\"L-1\",\"acceptedQuantity\":1,\"grade\":\"A\"}]}");
    assertThat(inspected.status()).as(inspected.body()).isEqualTo(200);
    assertThat(inspected.json().get("returnCase").get("lines").get(0).get("accepted").asInt())
        .isEqualTo(1);
    Answer settled = as("supervisor").post("/api/returns/" + id + "/settlement", null);
    JsonNode paid = settled.json().get("returnCase");
    assertThat(paid.get("status").asString()).isEqualTo("COMPLETED");
    assertThat(paid.get("payments").get(0).get("purpose").asString()).isEqualTo("ITEM_REFUND");
    assertThat(paid.get("payments").get(0).get("orderLineId").asString()).isEqualTo("L-1");
    assertThat(paid.get("payments").get(0).get("tender").asString())
        .isEqualTo("CARD PAY-" + orderId);
    // 59.90 less the return shipping a customer who changed their mind pays (EUR 5.95).
    assertThat(paid.get("payments").get(0).get("amount").get("amount").decimalValue())
        .isEqualByComparingTo("53.95");
    assertThat(paid.get("lines").get(0).get("returnShippingCharge").get("amount")
        .decimalValue()).isEqualByComparingTo("5.95");

    JsonNode history = as("C-1001").get("/api/returns/" + id + "/history").json();
    List<String> actors = new ArrayList<>();
    history.forEach(entry -> actors.add(entry.get("actor").asString()));
    assertThat(actors).startsWith("CUSTOMER:C-1001").contains("SYSTEM:carrier",
        "WAREHOUSE:warehouse", "SUPERVISOR:supervisor");
    assertThat(history.get(history.size() - 1).get("toStatus").asString())
        .isEqualTo("COMPLETED");

    JsonNode audit = as("supervisor").get("/api/returns/" + id + "/verification").json();
    assertThat(audit.get("intact").asBoolean()).isTrue();
    assertThat(audit.get("entries").asInt()).isEqualTo(history.size());
  }

  @Test
  @DisplayName("the actor is the signed-in user, whatever the body says")
  void actorFromPrincipal() {
    String orderId = order("C-1002", "20.00", 1);
    String pretending = """
        {"orderId":"%s","requestedBy":{"role":"SUPERVISOR","id":"boss"},
         "lines":[{"orderLineId":"L-1","quantity":1,"reason":"CHANGED_MIND",
         "resolution":"REFUND"}]}""".formatted(orderId);
    String id = as("C-1002").post("/api/returns", pretending).json().get("returnCase")
        .get("id").asString();
    JsonNode history = as("agent").get("/api/returns/" + id + "/history").json();
    assertThat(history.get(0).get("actor").asString()).isEqualTo("CUSTOMER:C-1002");
  }

  @Test
  @DisplayName("a high-value case waits in the review queue with its reasons, and an agent "
      + "approves it")
  void reviewQueue() {
    String orderId = order("C-1003", "240.00", 1);
    JsonNode requested = as("C-1003").post("/api/returns", requestBody(orderId, 1)).json();
    String id = requested.get("returnCase").get("id").asString();
    // Over the value threshold only with the order's second case: 240 is under EUR 500.
    assertThat(requested.get("returnCase").get("status").asString()).isEqualTo("APPROVED");

    String bigOrder = order("C-1003", "610.00", 1);
    String big = as("C-1003").post("/api/returns", requestBody(bigOrder, 1)).json()
        .get("returnCase").get("id").asString();
    JsonNode queue = as("agent").get("/api/review-queue").json();
    JsonNode waiting = null;
    for (JsonNode item : queue) {
      if (item.get("id").asString().equals(big)) {
        waiting = item;
      }
      assertThat(item.get("id").asString()).isNotEqualTo(id);
    }
    assertThat(waiting).as("the case in the queue").isNotNull();
    assertThat(texts(waiting.get("reasons"))).contains("HIGH_VALUE");

    Answer denied = as("C-1003").get("/api/review-queue");
    assertThat(denied.status()).isEqualTo(403);

    Answer approved = as("supervisor").post("/api/returns/" + big + "/approval",
        "{\"note\":\"photos checked\"}");
    assertThat(approved.status()).as(approved.body()).isEqualTo(200);
    assertThat(approved.json().get("returnCase").get("status").asString())
        .isEqualTo("APPROVED");
    JsonNode history = as("supervisor").get("/api/returns/" + big + "/history").json();
    JsonNode approval = history.get(history.size() - 1);
    assertThat(approval.get("actor").asString()).isEqualTo("SUPERVISOR:supervisor");
    assertThat(approval.get("note").asString()).isEqualTo("photos checked");
  }

  @Test
  @DisplayName("rejects with a reason code, and previews without storing")
  void rejectAndPreview() {
    String orderId = order("C-1001", "700.00", 1);
    JsonNode preview = as("C-1001").post("/api/returns/preview", requestBody(orderId, 1))
        .json();
    assertThat(preview.get("status").asString()).isEqualTo("IN_REVIEW");
    assertThat(texts(preview.get("reasonCodes"))).contains("HIGH_VALUE");
    assertThat(as("agent").get("/api/returns?orderId=" + orderId).json().size())
        .as("a preview stores nothing").isZero();

    String id = as("C-1001").post("/api/returns", requestBody(orderId, 1)).json()
        .get("returnCase").get("id").asString();
    Answer rejected = as("supervisor").post("/api/returns/" + id + "/rejection",
        "{\"reasonCode\":\"SUSPECTED_ABUSE\",\"note\":\"third this month\"}");
    assertThat(rejected.json().get("returnCase").get("status").asString())
        .isEqualTo("REJECTED");
    JsonNode history = as("supervisor").get("/api/returns/" + id + "/history").json();
    assertThat(texts(history.get(history.size() - 1).get("reasonCodes")))
        .contains("SUSPECTED_ABUSE");
  }

  @Test
  @DisplayName("finds cases by order and by customer; a customer finds only their own")
  void search() {
    String orderId = order("C-1002", "15.00", 2);
    String id = as("C-1002").post("/api/returns", requestBody(orderId, 1)).json()
        .get("returnCase").get("id").asString();

    JsonNode byOrder = as("agent").get("/api/returns?orderId=" + orderId).json();
    assertThat(byOrder.size()).isEqualTo(1);
    assertThat(byOrder.get(0).get("id").asString()).isEqualTo(id);
    List<String> byCustomer = new ArrayList<>();
    as("agent").get("/api/returns?customerId=C-1002").json()
        .forEach(node -> byCustomer.add(node.get("id").asString()));
    assertThat(byCustomer).contains(id);

    assertThat(as("C-1001").get("/api/returns?customerId=C-1002").json().size())
        .as("another customer's cases").isZero();
    assertThat(as("C-1001").get("/api/returns/" + id).status())
        .as("another customer's case is not found").isEqualTo(404);
    assertThat(as("C-1002").get("/api/returns/" + id).json().get("status").asString())
        .isEqualTo("APPROVED");
  }

  @Test
  @DisplayName("a customer cancels their own case with a reason; another customer may not")
  void cancel() {
    String orderId = order("C-1001", "35.00", 1);
    String id = as("C-1001").post("/api/returns", requestBody(orderId, 1)).json()
        .get("returnCase").get("id").asString();

    Answer stranger = as("C-1002").post("/api/returns/" + id + "/cancellation",
        "{\"reason\":\"not mine\"}");
    assertThat(stranger.status()).isEqualTo(403);
    Answer cancelled = as("C-1001").post("/api/returns/" + id + "/cancellation",
        "{\"reason\":\"kept it after all\"}");
    assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
    assertThat(cancelled.json().get("returnCase").get("status").asString())
        .isEqualTo("CANCELLED");
    JsonNode history = as("C-1001").get("/api/returns/" + id + "/history").json();
    JsonNode last = history.get(history.size() - 1);
    assertThat(last.get("actor").asString()).isEqualTo("CUSTOMER:C-1001");
    assertThat(last.get("note").asString()).isEqualTo("kept it after all");
  }

  @Test
  @DisplayName("takes an exchange with the item wanted instead")
  void exchange() {
    String orderId = order("C-1003", "49.90", 1);
    Answer answer = as("C-1003").post("/api/returns", """
        {"orderId":"%s","lines":[{"orderLineId":"L-1","quantity":1,"reason":"DOES_NOT_FIT",
          "resolution":"EXCHANGE","replacement":{"sku":"SKU-TEE-L","quantity":1,
          "unitPrice":49.90,"currency":"EUR"}}]}""".formatted(orderId));
    assertThat(answer.status()).as(answer.body()).isEqualTo(201);
    JsonNode line = answer.json().get("returnCase").get("lines").get(0);
    assertThat(line.get("resolution").asString()).isEqualTo("EXCHANGE");
    assertThat(answer.json().get("returnCase").get("status").asString()).isEqualTo("APPROVED");

    Answer noCurrency = as("C-1003").post("/api/returns", """
        {"orderId":"%s","lines":[{"orderLineId":"L-1","quantity":1,"reason":"DOES_NOT_FIT",
          "resolution":"EXCHANGE","replacement":{"sku":"SKU-TEE-L","quantity":1,
          "unitPrice":49.90}}]}""".formatted(order("C-1003", "49.90", 1)));
    assertThat(noCurrency.status()).isEqualTo(400);
    assertThat(noCurrency.json().get("violations").get(0).get("path").asString())
        .isEqualTo("lines[0].replacement");
  }
}
