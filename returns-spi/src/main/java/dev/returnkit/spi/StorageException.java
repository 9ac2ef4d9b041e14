package dev.returnkit.spi;

/**
 * The store behind a {@code ReturnRepository} failed: the database could not be reached, or
 * refused a statement for a reason returnkit does not expect. A storage adapter throws it (or a
 * subclass of its own, such as returns-jdbc's {@code JdbcStorageException}) with the store's
 * exception as the cause, so a host handles every adapter's outages with one catch.
 *
 * <p>Whether anything was stored depends on the adapter's contract; returns-jdbc's writes run
 * in one transaction, so nothing of a failed write is kept. Usually worth retrying later.
 */
public class StorageException extends ReturnsException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what the adapter was doing and what failed
   * @param cause the store's own exception
   */
  public StorageException(String message, Throwable cause) {
    super(message, cause);
  }
}
