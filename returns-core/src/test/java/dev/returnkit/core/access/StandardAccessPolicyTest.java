package dev.returnkit.core.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.fixtures.Cases;
import dev.returnkit.spi.AccessDeniedException;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Operation;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The standard access policy")
class StandardAccessPolicyTest {

  private static final Currency EUR = Currency.getInstance("EUR");

  /** Case R-1 in review with two lines: 2 x EUR 30.00 in review, 2 x EUR 500.00 approved. */
  private static ReturnCaseSnapshot mixedReview() {
    ReturnCaseSnapshot inReview = Cases.inState(ReturnStatus.IN_REVIEW).snapshot();
    ReturnLineSnapshot reviewed = inReview.lines().get(0);
    ReturnLineSnapshot approved = reviewed.toBuilder().orderLineId(OrderLineId.of("L-2"))
        .unitPrice(Money.of("500.00", "EUR"))
        .quantities(reviewed.quantities().approving(2)).build()
        .withVerdict(LineVerdict.APPROVED, List.of("ELIGIBLE"));
    return inReview.toBuilder().lines(List.of(reviewed, approved)).build();
  }

  @Test
  @DisplayName("measures the value in review on the lines in review only")
  void valueInReview() {
    assertThat(StandardAccessPolicy.valueInReview(mixedReview()))
        .isEqualTo(Money.of("60.00", "EUR"));
    AccessPolicy limit60 = AccessPolicy.standard(ApprovalLimits.of(Money.of("60.00", "EUR")));
    assertThat(limit60.decide(AccessRequest.onCase(Actor.agent("a"), Operation.APPROVE,
        mixedReview(), Actor.customer("C-1")))).isEqualTo(AccessDecision.ALLOWED);
    AccessPolicy limit59 = AccessPolicy.standard(ApprovalLimits.of(Money.of("59.99", "EUR")));
    assertThat(limit59.decide(AccessRequest.onCase(Actor.agent("a"), Operation.APPROVE,
        mixedReview(), Actor.customer("C-1"))).allowed()).isFalse();
  }

  @Test
  @DisplayName("lets supervisors approve at any value, even with no limits at all")
  void supervisorsAnyValue() {
    AccessPolicy none = AccessPolicy.standard(ApprovalLimits.none());
    assertThat(none.decide(AccessRequest.onCase(Actor.supervisor("s"), Operation.APPROVE,
        mixedReview(), Actor.customer("C-1")))).isEqualTo(AccessDecision.ALLOWED);
    assertThat(none.decide(AccessRequest.onCase(Actor.agent("a"), Operation.APPROVE,
        mixedReview(), Actor.customer("C-1"))).reason())
        .isEqualTo("agents have no approval limit in EUR (setting review.agent-approval-limit);"
            + " a supervisor approves");
  }

  @Test
  @DisplayName("checks separation of duties only when it is told who requested the case")
  void requesterUnknown() {
    AccessPolicy policy = AccessPolicy.standard(ApprovalLimits.none());
    assertThat(policy.decide(AccessRequest.onCase(Actor.supervisor("s"), Operation.REJECT,
        mixedReview(), null))).isEqualTo(AccessDecision.ALLOWED);
    assertThat(policy.decide(AccessRequest.onCase(Actor.supervisor("s"), Operation.REJECT,
        mixedReview(), Actor.agent("s"))).reason())
        .isEqualTo("s requested this return and may not review it");
  }

  @Test
  @DisplayName("lists the roles of every operation as docs/security.md does")
  void roles() {
    assertThat(StandardAccessPolicy.rolesAllowed(Operation.REQUEST))
        .containsExactly(ActorRole.CUSTOMER, ActorRole.AGENT, ActorRole.SUPERVISOR);
    assertThat(StandardAccessPolicy.rolesAllowed(Operation.EXPIRE))
        .containsExactly(ActorRole.SYSTEM);
    assertThat(StandardAccessPolicy.rolesAllowed(Operation.SETTLE))
        .containsExactly(ActorRole.SUPERVISOR, ActorRole.SYSTEM);
    // A copy: changing it changes nothing in the policy.
    StandardAccessPolicy.rolesAllowed(Operation.EXPIRE).add(ActorRole.CUSTOMER);
    assertThat(StandardAccessPolicy.rolesAllowed(Operation.EXPIRE))
        .isEqualTo(EnumSet.of(ActorRole.SYSTEM));
  }

  @Test
  @DisplayName("approval limits refuse a currency twice and a negative limit, and answer per "
      + "currency")
  void limits() {
    ApprovalLimits limits = ApprovalLimits.of(Money.of("250.00", "EUR"), Money.of("1.00", "USD"));
    assertThat(limits.agentLimit(EUR)).contains(Money.of("250.00", "EUR"));
    assertThat(limits.agentLimit(Currency.getInstance("GBP"))).isEmpty();
    assertThat(ApprovalLimits.none().agentLimit(EUR)).isEmpty();
    assertThatThrownBy(() -> ApprovalLimits.of(Money.of("1.00", "EUR"), Money.of("2.00", "EUR")))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("two approval limits in EUR");
    assertThatThrownBy(() -> ApprovalLimits.of(Money.of("-1.00", "EUR")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an approval limit cannot be negative: EUR -1.00");
  }

  @Test
  @DisplayName("decisions: an allowed one has no reason, a refusal always has one")
  void decisions() {
    assertThat(AccessDecision.refused("no").reason()).isEqualTo("no");
    assertThatThrownBy(() -> new AccessDecision(true, "why")).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccessDecision(false, " ")).isInstanceOf(
        IllegalArgumentException.class);
    assertThatThrownBy(() -> new AccessDecision(false, null)).isInstanceOf(
        IllegalArgumentException.class);
  }

  @Test
  @DisplayName("requests know the owner: a customer whose id is the owner's, in that role only")
  void ownership() {
    ReturnCaseSnapshot c = mixedReview();
    assertThat(AccessRequest.onCase(Actor.customer("C-1"), Operation.CANCEL, c, null)
        .actorIsOwner()).isTrue();
    assertThat(AccessRequest.onCase(Actor.agent("C-1"), Operation.CANCEL, c, null)
        .actorIsOwner()).isFalse();
    assertThat(AccessRequest.onCase(Actor.customer("C-2"), Operation.CANCEL, c, null)
        .actorIsOwner()).isFalse();
    assertThat(AccessRequest.onCase(Actor.customer("C-1"), Operation.CANCEL, c, null).returnId())
        .isEqualTo(Optional.of(ReturnId.of("R-1")));
  }

  @Test
  @DisplayName("the exception names actor, operation, case and order, and carries them")
  void exception() {
    AccessDeniedException onCase = new AccessDeniedException(Actor.warehouse("w"),
        Operation.SETTLE, ReturnId.of("R-9"), OrderId.of("O-3"), "only SYSTEM may settle");
    assertThat(onCase).hasMessage("access denied to WAREHOUSE:w for settle on return case R-9 "
        + "(order O-3): only SYSTEM may settle");
    assertThat(onCase.returnId()).contains(ReturnId.of("R-9"));
    assertThat(onCase.orderId()).isEqualTo(OrderId.of("O-3"));
    assertThat(onCase.reason()).isEqualTo("only SYSTEM may settle");
    AccessDeniedException onOrder = new AccessDeniedException(Actor.customer("C-2"),
        Operation.REQUEST, null, OrderId.of("O-3"), "it is another customer's order");
    assertThat(onOrder).hasMessage("access denied to CUSTOMER:C-2 for request on order O-3: "
        + "it is another customer's order");
    assertThat(onOrder.returnId()).isEmpty();
  }
}
