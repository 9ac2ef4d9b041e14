package dev.returnkit.spi;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.Set;

/**
 * A command was issued in a state that does not allow it, e.g. {@code RECEIVE} on a
 * {@code COMPLETED} case, or in a state that allows it but not yet, e.g.
 * {@code COMPLETE_SETTLEMENT} while a payment is unconfirmed. The message names the case, the
 * state and the command, and either lists what the state does allow or says what is missing.
 * The case is unchanged.
 */
public final class IllegalReturnTransitionException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  private final transient ReturnId returnId;
  private final ReturnStatus status;
  private final ReturnCommand command;

  /**
   * Creates the exception for a command the lifecycle does not allow in a state.
   *
   * @param returnId the case
   * @param status its state
   * @param command the refused command
   * @param allowed the commands the state does allow
   */
  public IllegalReturnTransitionException(ReturnId returnId, ReturnStatus status,
      ReturnCommand command, Set<ReturnCommand> allowed) {
    super(message(returnId, status, command, "is not allowed there (allowed: "
        + (allowed.isEmpty() ? "none, the state is terminal" : allowed.toString()) + ")"));
    this.returnId = returnId;
    this.status = status;
    this.command = command;
  }

  /**
   * Creates the exception for a command the state allows, but not in the case's situation.
   *
   * @param returnId the case
   * @param status its state
   * @param command the refused command
   * @param because what stands in the way, e.g. {@code payment R-1/L-1/ITEM_REFUND is not
   *     confirmed}
   */
  public IllegalReturnTransitionException(ReturnId returnId, ReturnStatus status,
      ReturnCommand command, String because) {
    super(message(returnId, status, command, "is not possible now: " + because));
    this.returnId = returnId;
    this.status = status;
    this.command = command;
  }

  private static String message(ReturnId returnId, ReturnStatus status, ReturnCommand command,
      String detail) {
    return "return case " + returnId + " is " + status + ": command " + command + " " + detail;
  }

  /**
   * The case.
   *
   * @return the return id
   */
  public ReturnId returnId() {
    return returnId;
  }

  /**
   * The state that refused the command.
   *
   * @return the state
   */
  public ReturnStatus status() {
    return status;
  }

  /**
   * The refused command.
   *
   * @return the command
   */
  public ReturnCommand command() {
    return command;
  }
}
