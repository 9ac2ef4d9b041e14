package dev.returnkit.spi;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.Set;

/**
 * A command was issued in a state that does not allow it, e.g. {@code RECEIVE} on a
 * {@code COMPLETED} case. The message names the case, the state and the command, and lists what
 * the state does allow. The case is unchanged.
 */
public final class IllegalReturnTransitionException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  private final transient ReturnId returnId;
  private final ReturnStatus status;
  private final ReturnCommand command;

  /**
   * Creates the exception.
   *
   * @param returnId the case
   * @param status its state
   * @param command the refused command
   */
  public IllegalReturnTransitionException(ReturnId returnId, ReturnStatus status,
      ReturnCommand command, Set<ReturnCommand> allowed) {
    super("return case " + returnId + " is " + status + ": command " + command
        + " is not allowed there (allowed: "
        + (allowed.isEmpty() ? "none, the state is terminal" : allowed.toString()) + ")");
    this.returnId = returnId;
    this.status = status;
    this.command = command;
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
