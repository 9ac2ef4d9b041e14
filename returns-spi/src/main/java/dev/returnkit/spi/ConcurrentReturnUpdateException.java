package dev.returnkit.spi;

import dev.returnkit.spi.id.ReturnId;

/**
 * A write lost a race: the case was changed (or created) by someone else after the writer read
 * it. Nothing of the losing write was stored. Reload the case and decide again.
 */
public final class ConcurrentReturnUpdateException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  private final transient ReturnId returnId;
  private final long expectedVersion;
  private final long actualVersion;

  /**
   * Creates the exception.
   *
   * @param returnId the case
   * @param expectedVersion the version the writer read (0: it expected no case)
   * @param actualVersion the stored version (0: no case is stored)
   */
  public ConcurrentReturnUpdateException(ReturnId returnId, long expectedVersion,
      long actualVersion) {
    super(message(returnId, expectedVersion, actualVersion));
    this.returnId = returnId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }

  private static String message(ReturnId returnId, long expected, long actual) {
    if (expected == 0) {
      return "return case " + returnId + " already exists (version " + actual
          + "); it cannot be created again";
    }
    if (actual == 0) {
      return "return case " + returnId + " does not exist; cannot update version " + expected;
    }
    return "return case " + returnId + " was changed concurrently: expected version " + expected
        + " but it is at version " + actual + "; reload it and try again";
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
   * The version the writer read.
   *
   * @return the expected version
   */
  public long expectedVersion() {
    return expectedVersion;
  }

  /**
   * The version in storage when the write was refused.
   *
   * @return the stored version, 0 if none
   */
  public long actualVersion() {
    return actualVersion;
  }
}
