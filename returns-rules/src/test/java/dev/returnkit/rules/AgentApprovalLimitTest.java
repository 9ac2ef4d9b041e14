package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.Returns;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.review.Approval;
import dev.returnkit.spi.AccessDeniedException;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The Drools rule set's access policy is the standard one with the agent approval limit of its
 * settings, and follows the settings in force.
 */
@DisplayName("The agent approval limit of the settings")
class AgentApprovalLimitTest {

  private static final Instant NOW = Instant.parse("2026-05-04T10:00:00Z");
  private static final Actor AGENT = Actor.agent("agent-7");

  /** A EUR 600.00 request, above the default review threshold of EUR 500.00: it is reviewed. */
  private static ReturnId inReview(Returns returns, InMemoryPorts ports) {
    ports.orders().put(OrderSnapshot.builder("O-1", "C-1", "EUR")
        .placedAt(NOW.minus(Duration.ofDays(5))).deliveredAt(NOW.minus(Duration.ofDays(3)))
        .line("L-1", "SKU-SOFA", "home", 1, "600.00").paymentReference("PAY-1").build());
    ReturnId id = returns.request(ReturnRequest.byCustomer("O-1", "C-1")
        .withLine("L-1", 1, ReturnReason.CHANGED_MIND)).id();
    assertThat(returns.find(id).orElseThrow().status()).isEqualTo(ReturnStatus.IN_REVIEW);
    return id;
  }

  private static Returns facade(InMemoryPorts ports, DroolsPolicies policies) {
    return ports.wire(Returns.builder()).policies(policies.policies())
        .clock(Clock.fixed(NOW, ZoneOffset.UTC)).ids(ReturnIdSource.sequential("R")).build();
  }

  @Test
  @DisplayName("is EUR 250.00 by default: an agent cannot approve EUR 600.00, a supervisor can")
  void byDefault() {
    InMemoryPorts ports = InMemoryPorts.create();
    Returns returns = facade(ports, DroolsPolicies.defaults());
    ReturnId id = inReview(returns, ports);

    assertThatThrownBy(() -> returns.approve(id, new Approval(AGENT, null)))
        .isInstanceOfSatisfying(AccessDeniedException.class, denied ->
            assertThat(denied.reason()).isEqualTo("the value in review, EUR 600.00, is above "
                + "the agent approval limit of EUR 250.00; a supervisor approves"));
    returns.approve(id, new Approval(Actor.supervisor("sup-1"), null));
    assertThat(returns.find(id).orElseThrow().status()).isEqualTo(ReturnStatus.APPROVED);
  }

  @Test
  @DisplayName("is the policy owner's to change, per currency")
  void changed() {
    InMemoryPorts ports = InMemoryPorts.create();
    Returns returns = facade(ports, DroolsPolicies.builder()
        .setting("review.agent-approval-limit", "EUR 600.00").build());
    ReturnId id = inReview(returns, ports);

    returns.approve(id, new Approval(AGENT, null));
    assertThat(returns.find(id).orElseThrow().status()).isEqualTo(ReturnStatus.APPROVED);
  }

  @Test
  @DisplayName("leaves a currency it does not list to supervisors")
  void unlisted() {
    InMemoryPorts ports = InMemoryPorts.create();
    Returns returns = facade(ports, DroolsPolicies.builder()
        .setting("review.agent-approval-limit", "USD 900.00").build());
    ReturnId id = inReview(returns, ports);

    assertThatThrownBy(() -> returns.approve(id, new Approval(AGENT, null)))
        .isInstanceOfSatisfying(AccessDeniedException.class, denied ->
            assertThat(denied.reason()).startsWith("agents have no approval limit in EUR"));
  }
}
