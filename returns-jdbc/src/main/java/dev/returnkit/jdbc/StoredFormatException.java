package dev.returnkit.jdbc;

import dev.returnkit.spi.StorageException;

/**
 * A stored case does not read as the format its row records: a required field is missing or
 * null, a value has the wrong type or is not allowed, a field is unknown, or the row was written
 * in a format this version of returns-jdbc does not know (a newer one). The message names the
 * case, the format version and the field's path, e.g. {@code lines[0].quantities.requested}.
 * Nothing is read as a default in its place: a case that reads wrong would be settled wrong.
 * A {@link StorageException}, since the stored data, not the request, is at fault.
 */
public final class StoredFormatException extends StorageException {

  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what could not be read, naming the case, the format and the field
   * @param cause the parser's or the value's own exception, or {@code null}
   */
  public StoredFormatException(String message, Throwable cause) {
    super(message, cause);
  }
}
