package dev.returnkit.core.access;

import static dev.returnkit.spi.vocabulary.ActorRole.AGENT;
import static dev.returnkit.spi.vocabulary.ActorRole.CUSTOMER;
import static dev.returnkit.spi.vocabulary.ActorRole.SUPERVISOR;
import static dev.returnkit.spi.vocabulary.ActorRole.SYSTEM;
import static dev.returnkit.spi.vocabulary.ActorRole.WAREHOUSE;

import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Operation;
import java.util.Currency;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * returnkit's default access policy, in three checks run in this order:
 *
 * <ol>
 *   <li>the role: each operation has the roles that may run it (the table below);
 *   <li>ownership: a customer acts only on their own orders and returns;
 *   <li>reviews: whoever requested a return does not review it (compared by actor id, so one
 *       person with two roles is still one person), and an agent approves only up to the
 *       {@link ApprovalLimits agent approval limit} of the case's currency, measured on the value
 *       in review (unit price times requested units of every line in review).
 * </ol>
 *
 * <table>
 *   <caption>Who may run what</caption>
 *   <tr><th>operation</th><th>customer (own only)</th><th>agent</th><th>supervisor</th>
 *       <th>warehouse</th><th>system</th></tr>
 *   <tr><td>request, preview</td><td>yes</td><td>yes</td><td>yes</td><td></td><td></td></tr>
 *   <tr><td>approve</td><td></td><td>up to the limit</td><td>yes</td><td></td><td></td></tr>
 *   <tr><td>reject</td><td></td><td>yes</td><td>yes</td><td></td><td></td></tr>
 *   <tr><td>arrangeShipment, cancel</td><td>yes</td><td>yes</td><td>yes</td><td></td><td></td></tr>
 *   <tr><td>recordCarrierEvent, expireOverdue</td><td></td><td></td><td></td><td></td>
 *       <td>yes</td></tr>
 *   <tr><td>receive, inspect</td><td></td><td></td><td></td><td>yes</td><td></td></tr>
 *   <tr><td>settle</td><td></td><td></td><td>yes</td><td></td><td>yes</td></tr>
 *   <tr><td>recordManualPayment</td><td></td><td></td><td>yes</td><td></td><td></td></tr>
 *   <tr><td>syncInventory</td><td></td><td></td><td>yes</td><td>yes</td><td>yes</td></tr>
 *   <tr><td>audit, auditStore, checkpoint</td><td></td><td></td><td>yes</td><td></td>
 *       <td>yes</td></tr>
 *   <tr><td>forgetCustomer</td><td></td><td></td><td>yes</td><td></td><td>yes</td></tr>
 * </table>
 *
 * <p>The lifecycle limits what the table allows further: a customer cancels only before the goods
 * arrive because the lifecycle allows {@code CANCEL} only then. Immutable and thread-safe.
 */
public final class StandardAccessPolicy implements AccessPolicy {

  private static final Map<Operation, Set<ActorRole>> ROLES = roles();

  private final ApprovalLimits agentApprovalLimits;

  /**
   * Creates the policy.
   *
   * @param agentApprovalLimits up to which value agents may approve, per currency
   */
  public StandardAccessPolicy(ApprovalLimits agentApprovalLimits) {
    this.agentApprovalLimits = Objects.requireNonNull(agentApprovalLimits, "agentApprovalLimits");
  }

  private static Map<Operation, Set<ActorRole>> roles() {
    Map<Operation, Set<ActorRole>> roles = new EnumMap<>(Operation.class);
    Set<ActorRole> customerFacing = EnumSet.of(CUSTOMER, AGENT, SUPERVISOR);
    roles.put(Operation.REQUEST, customerFacing);
    roles.put(Operation.PREVIEW, customerFacing);
    roles.put(Operation.ARRANGE_SHIPMENT, customerFacing);
    roles.put(Operation.CANCEL, customerFacing);
    roles.put(Operation.APPROVE, EnumSet.of(AGENT, SUPERVISOR));
    roles.put(Operation.REJECT, EnumSet.of(AGENT, SUPERVISOR));
    roles.put(Operation.RECORD_CARRIER_EVENT, EnumSet.of(SYSTEM));
    roles.put(Operation.EXPIRE, EnumSet.of(SYSTEM));
    roles.put(Operation.RECEIVE, EnumSet.of(WAREHOUSE));
    roles.put(Operation.INSPECT, EnumSet.of(WAREHOUSE));
    roles.put(Operation.SETTLE, EnumSet.of(SUPERVISOR, SYSTEM));
    roles.put(Operation.RECORD_MANUAL_PAYMENT, EnumSet.of(SUPERVISOR));
    roles.put(Operation.SYNC_INVENTORY, EnumSet.of(SUPERVISOR, WAREHOUSE, SYSTEM));
    roles.put(Operation.AUDIT, EnumSet.of(SUPERVISOR, SYSTEM));
    roles.put(Operation.ERASE, EnumSet.of(SUPERVISOR, SYSTEM));
    return Map.copyOf(roles);
  }

  /**
   * The roles that may run an operation at all, before ownership and review checks.
   *
   * @param operation the operation
   * @return the roles, in declaration order
   */
  public static Set<ActorRole> rolesAllowed(Operation operation) {
    return EnumSet.copyOf(ROLES.get(operation));
  }

  @Override
  public AccessDecision decide(AccessRequest request) {
    Actor actor = request.actor();
    Operation operation = request.operation();
    Set<ActorRole> allowed = ROLES.get(operation);
    if (!allowed.contains(actor.role())) {
      return AccessDecision.refused("only " + allowed.stream().map(ActorRole::name)
          .collect(Collectors.joining(" or ")) + " may " + operation.methodName());
    }
    if (actor.role() == CUSTOMER && !request.actorIsOwner()) {
      return AccessDecision.refused(request.returnCase().isPresent()
          ? "it is another customer's return" : "it is another customer's order");
    }
    if (operation == Operation.APPROVE || operation == Operation.REJECT) {
      return review(request);
    }
    return AccessDecision.ALLOWED;
  }

  private AccessDecision review(AccessRequest request) {
    Actor reviewer = request.actor();
    Optional<Actor> requester = request.requestedBy();
    if (requester.isPresent() && requester.get().id().equals(reviewer.id())) {
      return AccessDecision.refused(reviewer.id() + " requested this return and may not review it");
    }
    if (request.operation() == Operation.APPROVE && reviewer.role() == AGENT) {
      Money value = valueInReview(request.returnCase().orElseThrow());
      Currency currency = value.currency();
      Optional<Money> limit = agentApprovalLimits.agentLimit(currency);
      if (limit.isEmpty()) {
        return AccessDecision.refused("agents have no approval limit in " + currency
            + " (setting review.agent-approval-limit); a supervisor approves");
      }
      if (value.isGreaterThan(limit.get())) {
        return AccessDecision.refused("the value in review, " + value
            + ", is above the agent approval limit of " + limit.get()
            + "; a supervisor approves");
      }
    }
    return AccessDecision.ALLOWED;
  }

  /** What approving would send back: every line in review, at its requested units. */
  static Money valueInReview(ReturnCaseSnapshot returnCase) {
    Currency currency = returnCase.currency();
    Money value = Money.zero(currency);
    for (ReturnLineSnapshot line : returnCase.lines()) {
      if (line.verdict() == LineVerdict.IN_REVIEW) {
        value = value.plus(line.paidFor(line.quantities().requested()));
      }
    }
    return value;
  }
}
