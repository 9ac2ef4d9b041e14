package dev.returnkit.spi;

import dev.returnkit.spi.id.ReturnId;

/** A use case named a return case that is not stored. Nothing changed. */
public final class ReturnNotFoundException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  private final transient ReturnId returnId;

  /**
   * Creates the exception.
   *
   * @param returnId the unknown case
   */
  public ReturnNotFoundException(ReturnId returnId) {
    super("no return case " + returnId);
    this.returnId = returnId;
  }

  /**
   * The unknown case.
   *
   * @return the id that was asked for
   */
  public ReturnId returnId() {
    return returnId;
  }
}
