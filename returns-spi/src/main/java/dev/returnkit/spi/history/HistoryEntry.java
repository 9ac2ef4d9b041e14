package dev.returnkit.spi.history;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a case's append-only history: who did what, when, which state it moved the
 * case from and to, and why (reason codes and the names of the rules that decided).
 *
 * <p>Entries form a hash chain: {@code hash} covers every other field and the previous entry's
 * hash, so changing, removing or reordering an entry in storage is detected by
 * {@link HistoryChain#firstBrokenLink(List)}. Create entries with
 * {@link HistoryChain#append}, never by hand. Immutable and thread-safe.
 *
 * @param returnId the case
 * @param sequence position in the case's history, 1 for the first entry
 * @param at when it happened, from the injected clock, at microsecond precision
 * @param actor who issued the command
 * @param command the command
 * @param fromStatus the state before, {@code null} for the request that created the case
 * @param toStatus the state after (equal to {@code fromStatus} for commands that stay put)
 * @param reasonCodes the business reason codes, e.g. {@code RETURN_WINDOW_EXPIRED}
 * @param rules the names of the policy rules that decided, in the order they fired
 * @param note free text: a reviewer's note, an inspector's remark, a payment reference
 * @param previousHash the hash of entry {@code sequence - 1}, or {@link HistoryChain#GENESIS}
 * @param hash the SHA-256 of this entry's content and {@code previousHash}, in hex
 */
public record HistoryEntry(
    ReturnId returnId,
    int sequence,
    Instant at,
    Actor actor,
    ReturnCommand command,
    ReturnStatus fromStatus,
    ReturnStatus toStatus,
    List<String> reasonCodes,
    List<String> rules,
    String note,
    String previousHash,
    String hash) {

  public HistoryEntry {
    Objects.requireNonNull(returnId, "returnId");
    if (sequence < 1) {
      throw new IllegalArgumentException("sequence starts at 1, got " + sequence);
    }
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(toStatus, "toStatus");
    reasonCodes = List.copyOf(reasonCodes);
    rules = List.copyOf(rules);
    Objects.requireNonNull(previousHash, "previousHash");
    Objects.requireNonNull(hash, "hash");
  }
}
