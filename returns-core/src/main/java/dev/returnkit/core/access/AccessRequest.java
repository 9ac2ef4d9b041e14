package dev.returnkit.core.access;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.Operation;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link AccessPolicy} decides on: who asks for which operation, on which case (or, for
 * {@link Operation#REQUEST} and {@link Operation#PREVIEW}, on which order, since there is no
 * case yet), whose it is, and for reviews who requested it.
 *
 * @param actor who asks
 * @param operation what for
 * @param orderId the order of the case or request
 * @param owner the customer whose order (and return) it is
 * @param returnCase the case as stored, empty for a request or preview
 * @param requestedBy who requested the case: given for {@link Operation#APPROVE} and {@link
 *     Operation#REJECT} (read from the case's first history entry), empty otherwise
 */
public record AccessRequest(
    Actor actor,
    Operation operation,
    OrderId orderId,
    CustomerId owner,
    Optional<ReturnCaseSnapshot> returnCase,
    Optional<Actor> requestedBy) {

  public AccessRequest {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(operation, "operation");
    Objects.requireNonNull(orderId, "orderId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(returnCase, "returnCase");
    Objects.requireNonNull(requestedBy, "requestedBy");
  }

  /**
   * A request or preview on an order.
   *
   * @param actor who asks
   * @param operation {@link Operation#REQUEST} or {@link Operation#PREVIEW}
   * @param order the order the return would be for
   * @return the access request
   */
  public static AccessRequest onOrder(Actor actor, Operation operation, OrderSnapshot order) {
    return new AccessRequest(actor, operation, order.id(), order.customerId(), Optional.empty(),
        Optional.empty());
  }

  /**
   * An operation on a stored case.
   *
   * @param actor who asks
   * @param operation what for
   * @param returnCase the case as stored
   * @param requestedBy who requested it, or {@code null} if the use case did not look it up
   * @return the access request
   */
  public static AccessRequest onCase(Actor actor, Operation operation,
      ReturnCaseSnapshot returnCase, Actor requestedBy) {
    return new AccessRequest(actor, operation, returnCase.orderId(), returnCase.customerId(),
        Optional.of(returnCase), Optional.ofNullable(requestedBy));
  }

  /**
   * The case, if there is one.
   *
   * @return its id, empty for a request or preview
   */
  public Optional<ReturnId> returnId() {
    return returnCase.map(ReturnCaseSnapshot::id);
  }

  /**
   * Whether the actor is the customer whose order (or return) this is.
   *
   * @return true for a customer actor whose id is the owner's
   */
  public boolean actorIsOwner() {
    return actor.role() == ActorRole.CUSTOMER && actor.id().equals(owner.value());
  }
}
