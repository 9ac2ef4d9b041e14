package dev.returnkit.spi;

import dev.returnkit.spi.id.ReturnId;
import java.util.List;
import java.util.Objects;

/**
 * A stored case disagrees with its hash-chained history: an entry was edited, removed or
 * reordered, the case's recorded head is not its history's last entry, or the stored case is
 * not the state its last entry sealed. Someone changed the storage behind returnkit's back (or
 * a storage adapter has a bug). The use case refused to go on, so nothing was appended to the
 * broken chain, stored, published, paid or sent.
 *
 * <p>Not retryable: someone must look (the audit use cases and {@code returnkit audit} report
 * every finding of every case) and restore the case from a backup.
 */
public final class CaseIntegrityException extends StorageException {

  private static final long serialVersionUID = 1L;

  private final transient ReturnId returnId;
  private final List<String> findings;

  /**
   * Creates the exception.
   *
   * @param returnId the case
   * @param findings each disagreement in words, with the sequence number of its entry
   */
  public CaseIntegrityException(ReturnId returnId, List<String> findings) {
    super("return case " + Objects.requireNonNull(returnId, "returnId")
        + " disagrees with its history, so it is not changed: " + String.join("; ", findings),
        null);
    this.returnId = returnId;
    this.findings = List.copyOf(findings);
  }

  /**
   * The case.
   *
   * @return its id
   */
  public ReturnId returnId() {
    return returnId;
  }

  /**
   * What disagrees.
   *
   * @return each finding in words, e.g. {@code #3: state mismatch (...)}
   */
  public List<String> findings() {
    return findings;
  }
}
