package dev.returnkit.spi.history;

import java.util.Objects;

/**
 * The end of a case's history chain: the sequence and hash of its last entry. Stored with the
 * case snapshot so a writer can append entries without loading the whole history, and so a
 * repository can check that new entries continue what it holds.
 *
 * @param sequence the last entry's sequence, 0 for an empty history
 * @param hash the last entry's hash, {@link HistoryChain#GENESIS} for an empty history
 */
public record HistoryHead(int sequence, String hash) {

  /** The head of an empty history. */
  public static final HistoryHead EMPTY = new HistoryHead(0, HistoryChain.GENESIS);

  public HistoryHead {
    Objects.requireNonNull(hash, "hash");
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence cannot be negative: " + sequence);
    }
  }

  /**
   * The head after an entry.
   *
   * @param entry the entry that is now last
   * @return its sequence and hash
   */
  public static HistoryHead of(HistoryEntry entry) {
    return new HistoryHead(entry.sequence(), entry.hash());
  }
}
