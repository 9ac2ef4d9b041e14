package dev.returnkit.spi;

/**
 * The root of returnkit's own exceptions: everything the library throws on purpose, for a
 * reason a caller can act on (bad input, an illegal step in the lifecycle, a lost race with
 * another writer, a port that refused).
 *
 * <p>Programming errors (a {@code null} where none is allowed, an argument outside its
 * documented range) are reported with the JDK's own exceptions instead.
 *
 * <p>Unchecked, like the rest of the family: returnkit's callers usually cannot recover
 * locally, and the few that can (retry on a stale write) catch the precise subtype.
 */
public class ReturnsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message meant for the developer who reads the log.
   *
   * @param message what went wrong, naming the case, the state or the field involved
   */
  public ReturnsException(String message) {
    super(message);
  }

  /**
   * Creates an exception that wraps its cause.
   *
   * @param message what went wrong
   * @param cause the underlying failure
   */
  public ReturnsException(String message, Throwable cause) {
    super(message, cause);
  }
}
