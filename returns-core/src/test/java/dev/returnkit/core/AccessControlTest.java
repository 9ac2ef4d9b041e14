package dev.returnkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.access.AccessDecision;
import dev.returnkit.core.access.AccessPolicy;
import dev.returnkit.core.access.AccessRequest;
import dev.returnkit.core.access.ApprovalLimits;
import dev.returnkit.core.fixtures.AccessWorld;
import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.spi.AccessDeniedException;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Operation;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Access control")
class AccessControlTest {

  @Nested
  @DisplayName("a request or a preview")
  class Requests {

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Operation.class, names = {"REQUEST", "PREVIEW"})
    @DisplayName("is open to the order's customer, agents and supervisors, and to nobody else")
    void whoMayRequest(Operation operation) {
      for (Actor allowed : List.of(AccessWorld.OWNER, TestShop.AGENT, TestShop.SUPERVISOR)) {
        AccessWorld world = new AccessWorld();
        world.order("40.00");
        ask(world, operation, AccessWorld.request(allowed));
        assertThat(world.ports.repository().size())
            .isEqualTo(operation == Operation.REQUEST ? 1 : 0);
      }
      for (Actor refused : List.of(AccessWorld.STRANGER, TestShop.WAREHOUSE,
          TestShop.SETTLEMENT_JOB)) {
        AccessWorld world = new AccessWorld();
        world.order("40.00");
        assertThatThrownBy(() -> ask(world, operation, AccessWorld.request(refused)))
            .isInstanceOfSatisfying(AccessDeniedException.class, denied -> {
              assertThat(denied.returnId()).isEmpty();
              assertThat(denied.orderId().value()).isEqualTo("O-1");
              assertThat(denied).hasMessage("access denied to " + refused.role() + ":"
                  + refused.id() + " for " + operation.methodName() + " on order O-1: "
                  + (refused.equals(AccessWorld.STRANGER) ? "it is another customer's order"
                      : "only CUSTOMER or AGENT or SUPERVISOR may " + operation.methodName()));
            });
        assertThat(world.ports.repository().size()).isZero();
        assertThat(world.ports.events().events()).isEmpty();
        assertThat(world.ports.notifier().sent()).isEmpty();
      }
    }

    private void ask(AccessWorld world, Operation operation, ReturnRequest request) {
      if (operation == Operation.REQUEST) {
        world.returns.request(request);
      } else {
        world.returns.preview(request);
      }
    }

    @Test
    @DisplayName("by a customer naming someone else as the customer of their own order is a "
        + "contradiction with the order, not an access question")
    void ownOrderOtherCustomerNamed() {
      AccessWorld world = new AccessWorld();
      world.order("40.00");
      ReturnRequest request = new ReturnRequest(AccessWorld.request(AccessWorld.OWNER).orderId(),
          dev.returnkit.spi.id.CustomerId.of("C-2"), AccessWorld.request(AccessWorld.OWNER).lines(),
          AccessWorld.OWNER);
      assertThatThrownBy(() -> world.returns.request(request))
          .isInstanceOf(dev.returnkit.spi.InvalidReturnRequestException.class)
          .hasMessageContaining("customerId: is not the customer of order O-1");
    }
  }

  @Nested
  @DisplayName("a review")
  class Reviews {

    @Test
    @DisplayName("is refused to whoever requested the case, in any role, and open to another")
    void separationOfDuties() {
      for (Actor requester : List.of(TestShop.AGENT, TestShop.SUPERVISOR)) {
        for (boolean approve : List.of(true, false)) {
          AccessWorld world = new AccessWorld();
          world.order("600.00");
          ReturnId id = world.returns.request(AccessWorld.request(requester)).id();
          Object before = world.everything(id);
          // The same person as a supervisor is still the person who asked.
          Actor samePerson = Actor.supervisor(requester.id());

          for (Actor reviewer : List.of(requester, samePerson)) {
            assertThatThrownBy(() -> review(world, id, reviewer, approve))
                .isInstanceOfSatisfying(AccessDeniedException.class, denied ->
                    assertThat(denied.reason()).isEqualTo(requester.id()
                        + " requested this return and may not review it"));
          }
          assertThat(world.everything(id)).isEqualTo(before);

          review(world, id, Actor.supervisor("sup-9"), approve);
          assertThat(world.returns.find(id).orElseThrow().status())
              .isEqualTo(approve ? ReturnStatus.APPROVED : ReturnStatus.REJECTED);
        }
      }
    }

    private void review(AccessWorld world, ReturnId id, Actor reviewer, boolean approve) {
      if (approve) {
        world.returns.approve(id, new Approval(reviewer, null));
      } else {
        world.returns.reject(id, new Rejection(reviewer, "NOT_ELIGIBLE", null));
      }
    }

    @Test
    @DisplayName("by an agent approves up to the approval limit of the case's currency, and "
        + "rejects at any value")
    void approvalLimit() {
      ReturnPolicies limited = TestPolicies.policies().withAccess(
          AccessPolicy.standard(ApprovalLimits.of(Money.of("600.00", "EUR"))));

      AccessWorld atLimit = new AccessWorld(limited);
      atLimit.order("600.00");
      ReturnId approvable = atLimit.returns.request(AccessWorld.request(AccessWorld.OWNER)).id();
      atLimit.returns.approve(approvable, new Approval(TestShop.AGENT, null));
      assertThat(atLimit.returns.find(approvable).orElseThrow().status())
          .isEqualTo(ReturnStatus.APPROVED);

      AccessWorld above = new AccessWorld(limited);
      above.order("600.01");
      ReturnId tooDear = above.returns.request(AccessWorld.request(AccessWorld.OWNER)).id();
      Object before = above.everything(tooDear);
      assertThatThrownBy(() -> above.returns.approve(tooDear, new Approval(TestShop.AGENT, null)))
          .isInstanceOfSatisfying(AccessDeniedException.class, denied ->
              assertThat(denied).hasMessage("access denied to AGENT:agent-7 for approve on "
                  + "return case R-1 (order O-1): the value in review, EUR 600.01, is above the "
                  + "agent approval limit of EUR 600.00; a supervisor approves"));
      assertThat(above.everything(tooDear)).isEqualTo(before);
      above.returns.approve(tooDear, new Approval(TestShop.SUPERVISOR, null));
      assertThat(above.returns.find(tooDear).orElseThrow().status())
          .isEqualTo(ReturnStatus.APPROVED);

      AccessWorld rejecting = new AccessWorld(limited);
      rejecting.order("9000.00");
      ReturnId dear = rejecting.returns.request(AccessWorld.request(AccessWorld.OWNER)).id();
      rejecting.returns.reject(dear, new Rejection(TestShop.AGENT, "NOT_ELIGIBLE", null));
      assertThat(rejecting.returns.find(dear).orElseThrow().status())
          .isEqualTo(ReturnStatus.REJECTED);
    }

    @Test
    @DisplayName("by an agent in a currency without a limit goes to a supervisor")
    void noLimitInCurrency() {
      AccessWorld world = new AccessWorld(TestPolicies.policies().withAccess(
          AccessPolicy.standard(ApprovalLimits.of(Money.of("600.00", "USD")))));
      world.order("600.00");
      ReturnId id = world.returns.request(AccessWorld.request(AccessWorld.OWNER)).id();
      assertThatThrownBy(() -> world.returns.approve(id, new Approval(TestShop.AGENT, null)))
          .isInstanceOfSatisfying(AccessDeniedException.class, denied ->
              assertThat(denied.reason()).isEqualTo("agents have no approval limit in EUR "
                  + "(setting review.agent-approval-limit); a supervisor approves"));
    }
  }

  @Nested
  @DisplayName("a host's own policy")
  class HostPolicy {

    @Test
    @DisplayName("replaces the standard one in one place, and is asked with the case and, for "
        + "reviews, who requested it")
    void replaces() {
      List<AccessRequest> asked = new ArrayList<>();
      AccessPolicy standard = TestPolicies.access();
      // A shop whose agents may settle, and that records what it was asked.
      AccessPolicy mine = request -> {
        asked.add(request);
        return request.operation() == Operation.SETTLE
            ? AccessDecision.ALLOWED : standard.decide(request);
      };
      AccessWorld world = new AccessWorld(TestPolicies.policies().withAccess(mine));
      ReturnId id = world.caseIn(ReturnStatus.INSPECTED);
      world.returns.settle(id, TestShop.AGENT);
      assertThat(world.returns.find(id).orElseThrow().status())
          .isEqualTo(ReturnStatus.COMPLETED);

      AccessWorld review = new AccessWorld(TestPolicies.policies().withAccess(mine));
      ReturnId inReview = review.caseIn(ReturnStatus.IN_REVIEW);
      review.returns.approve(inReview, new Approval(TestShop.AGENT, null));

      AccessRequest approval = asked.get(asked.size() - 1);
      assertThat(approval.operation()).isEqualTo(Operation.APPROVE);
      assertThat(approval.actor()).isEqualTo(TestShop.AGENT);
      assertThat(approval.requestedBy()).contains(AccessWorld.OWNER);
      assertThat(approval.returnCase().orElseThrow().status()).isEqualTo(ReturnStatus.IN_REVIEW);
      assertThat(approval.owner().value()).isEqualTo("C-1");
      assertThat(asked).extracting(AccessRequest::operation).contains(Operation.REQUEST,
          Operation.ARRANGE_SHIPMENT, Operation.RECORD_CARRIER_EVENT, Operation.RECEIVE,
          Operation.INSPECT, Operation.SETTLE);
      assertThat(asked).filteredOn(r -> r.operation() != Operation.APPROVE)
          .allSatisfy(r -> assertThat(r.requestedBy()).isEmpty());
    }

    @Test
    @DisplayName("that gives no answer is a bug in the host, reported as such, and changes "
        + "nothing")
    void noAnswer() {
      AccessWorld world = new AccessWorld(TestPolicies.policies().withAccess(request -> null));
      world.order("40.00");
      assertThatThrownBy(() -> world.returns.request(AccessWorld.request(AccessWorld.OWNER)))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageEndingWith("gave no decision for REQUEST");
      assertThat(world.ports.repository().size()).isZero();
    }
  }

  @Test
  @DisplayName("logs every refusal at WARN on dev.returnkit.security, with the actor, the "
      + "operation, the case and the reason")
  void logsRefusals() {
    AccessWorld world = new AccessWorld();
    ReturnId id = world.caseIn(ReturnStatus.IN_REVIEW);
    String log = capturingStandardError(() -> assertThatThrownBy(() ->
        world.returns.approve(id, new Approval(AccessWorld.OWNER, null)))
        .isInstanceOf(AccessDeniedException.class));
    assertThat(log).contains("WARN " + AccessGuard.LOGGER + " - access denied to CUSTOMER:C-1 "
        + "for approve on return case R-1 (order O-1): only AGENT or SUPERVISOR may approve");
    assertThat(AccessGuard.LOGGER).isEqualTo("dev.returnkit.security");
  }

  /** slf4j-simple, the tests' logger, writes to whatever System.err is at the time. */
  private static String capturingStandardError(Runnable action) {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      action.run();
    } finally {
      System.setErr(original);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }
}
