package dev.returnkit.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.service.ServiceClient;
import dev.returnkit.service.ServiceClient.Answer;
import dev.returnkit.service.ServiceTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

@ServiceTest
@DisplayName("The OpenAPI document")
class OpenApiTest {

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) {
    ServiceTest.Database.fresh(registry);
  }

  @LocalServerPort
  int port;

  @Test
  @DisplayName("is served without signing in and names every endpoint")
  void everyEndpoint() {
    Answer answer = ServiceClient.anonymous(port).get("/v3/api-docs");
    assertThat(answer.status()).isEqualTo(200);
    JsonNode paths = answer.json().get("paths");
    List<String> names = new ArrayList<>();
    paths.propertyNames().forEach(names::add);
    assertThat(names).contains("/api/returns", "/api/returns/preview", "/api/returns/{id}",
        "/api/returns/{id}/history", "/api/returns/{id}/verification",
        "/api/returns/{id}/approval", "/api/returns/{id}/rejection",
        "/api/returns/{id}/shipment", "/api/returns/{id}/receipt",
        "/api/returns/{id}/inspection", "/api/returns/{id}/settlement",
        "/api/returns/{id}/cancellation", "/api/carrier-events/{id}", "/api/review-queue");
    assertThat(paths.get("/api/returns").get("post").get("requestBody")).isNotNull();
  }
}
