package dev.returnkit.spi;

import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Operation;
import java.util.Objects;
import java.util.Optional;

/**
 * The access policy refused an actor an operation on a case (or, for a request, on an order):
 * a customer approving their own return, a stranger cancelling someone else's, an agent
 * approving above their limit. Nothing was stored, published, paid or sent.
 *
 * <p>The message names the actor with its role, the operation, the case or order and why, e.g.
 * {@code access denied to CUSTOMER:C-1 for approve on return case R-7 (order O-3): only AGENT or
 * SUPERVISOR may approve}. It is meant for the log and the host's support staff; show the end user
 * something plainer.
 */
public final class AccessDeniedException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  private final transient Actor actor;
  private final Operation operation;
  private final transient ReturnId returnId;
  private final transient OrderId orderId;
  private final String reason;

  /**
   * Creates the exception.
   *
   * @param actor who was refused
   * @param operation what they asked for
   * @param returnId the case, or {@code null} for a request (there is no case yet)
   * @param orderId the order the case or request is for
   * @param reason why, in the policy's words
   */
  public AccessDeniedException(Actor actor, Operation operation, ReturnId returnId,
      OrderId orderId, String reason) {
    super("access denied to " + Objects.requireNonNull(actor, "actor").role() + ":" + actor.id()
        + " for " + Objects.requireNonNull(operation, "operation").methodName() + " on "
        + (returnId == null ? "order " + orderId
            : "return case " + returnId + " (order " + orderId + ")")
        + ": " + reason);
    this.actor = actor;
    this.operation = operation;
    this.returnId = returnId;
    this.orderId = Objects.requireNonNull(orderId, "orderId");
    this.reason = Objects.requireNonNull(reason, "reason");
  }

  /**
   * Who was refused.
   *
   * @return the actor, with its role
   */
  public Actor actor() {
    return actor;
  }

  /**
   * What they asked for.
   *
   * @return the operation
   */
  public Operation operation() {
    return operation;
  }

  /**
   * The case.
   *
   * @return the case, or empty for a refused request
   */
  public Optional<ReturnId> returnId() {
    return Optional.ofNullable(returnId);
  }

  /**
   * The order of the case or request.
   *
   * @return the order
   */
  public OrderId orderId() {
    return orderId;
  }

  /**
   * Why the policy refused.
   *
   * @return the policy's reason
   */
  public String reason() {
    return reason;
  }
}
