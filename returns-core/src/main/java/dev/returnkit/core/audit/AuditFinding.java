package dev.returnkit.core.audit;

/**
 * One way a stored case disagrees with its history, with the sequence number of the history
 * entry where it shows.
 */
public sealed interface AuditFinding {

  /**
   * The history entry where it shows.
   *
   * @return its sequence number
   */
  int sequence();

  /**
   * The finding in words, for a report or a log line.
   *
   * @return e.g. {@code #3: broken link (the entry's hash does not match its content, or its
   *     link to #2)}
   */
  String describe();

  /**
   * The chain is broken at an entry: a sequence gap, a link to something other than the
   * previous entry's hash, or a hash that does not match the entry's content. Someone edited,
   * removed or reordered entries without rewriting the chain after them.
   *
   * @param sequence the first broken entry
   */
  record BrokenLink(int sequence) implements AuditFinding {
    @Override
    public String describe() {
      return "#" + sequence + ": broken link (the entry's hash does not match its content, or "
          + "its link to the entry before)";
    }
  }

  /**
   * The case's recorded head (its last entry's sequence and hash, stored with the case) is not
   * the last entry of its history: entries were removed or added behind the case's back, or the
   * case row was moved.
   *
   * @param sequence the sequence of the history's last entry (0 if it has none)
   * @param recordedSequence the sequence the case records
   * @param recordedHash the hash the case records
   */
  record HeadMismatch(int sequence, int recordedSequence, String recordedHash)
      implements AuditFinding {
    @Override
    public String describe() {
      return "#" + sequence + ": head mismatch (the case records #" + recordedSequence + " "
          + recordedHash.substring(0, Math.min(12, recordedHash.length()))
          + "..., its history ends at #" + sequence + ")";
    }
  }

  /**
   * The stored case is not the state its last history entry sealed: the case was edited
   * behind its history's back (a SKU, an amount, a status changed in the stored JSON).
   *
   * @param sequence the last entry, which sealed the state
   */
  record StateMismatch(int sequence) implements AuditFinding {
    @Override
    public String describe() {
      return "#" + sequence + ": state mismatch (the stored case is not the state this entry "
          + "sealed)";
    }
  }

  /**
   * A history entry is not the one a checkpoint sealed at this sequence: the chain was
   * rewritten from there on (by someone who could recompute every hash), or cut short.
   *
   * @param sequence the entry the checkpoint sealed
   * @param sealedHash the hash the checkpoint holds
   */
  record CheckpointMismatch(int sequence, String sealedHash) implements AuditFinding {
    @Override
    public String describe() {
      return "#" + sequence + ": checkpoint mismatch (the checkpoint sealed "
          + sealedHash.substring(0, Math.min(12, sealedHash.length()))
          + "..., the history no longer holds it)";
    }
  }
}
