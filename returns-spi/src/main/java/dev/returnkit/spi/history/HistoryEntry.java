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
 * {@link HistoryChain#firstBrokenLink(List)}. Since format 2 of the chain, an entry also seals
 * the digest of the case's state after its command ({@code stateDigest}, see {@code
 * dev.returnkit.spi.storage.StateDigest}), so a stored case that disagrees with its history is
 * found; and it covers the actor's id and the note by their SHA-256, so that they can be erased
 * later without breaking the chain. Create entries with {@link HistoryChain#append}, never by
 * hand. Immutable and thread-safe.
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
 * @param stateDigest the digest of the case's state after the command, or {@code null} for an
 *     entry of the first chain format, which did not seal it
 * @param previousHash the hash of entry {@code sequence - 1}, or {@link HistoryChain#GENESIS}
 * @param hash the SHA-256 of this entry's content and {@code previousHash}, in hex
 * @param erasedActorDigest the SHA-256 of the actor's id, kept once the id itself was erased
 *     (the id then reads {@link #ERASED}), {@code null} while the id is there
 * @param erasedNoteDigest the SHA-256 of the note, kept once the note itself was erased (it
 *     then reads {@code null}), {@code null} while the note is there or if there was none
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
    String stateDigest,
    String previousHash,
    String hash,
    String erasedActorDigest,
    String erasedNoteDigest) {

  /** What an erased actor id reads. */
  public static final String ERASED = "erased";

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

  /**
   * An entry whose text is all there.
   *
   * @param returnId the case
   * @param sequence position in the case's history
   * @param at when it happened
   * @param actor who issued the command
   * @param command the command
   * @param fromStatus the state before, or {@code null}
   * @param toStatus the state after
   * @param reasonCodes the reason codes
   * @param rules the rules that decided
   * @param note free text, or {@code null}
   * @param stateDigest the state digest, or {@code null} for a first-format entry
   * @param previousHash the previous entry's hash
   * @param hash this entry's hash
   */
  public HistoryEntry(ReturnId returnId, int sequence, Instant at, Actor actor,
      ReturnCommand command, ReturnStatus fromStatus, ReturnStatus toStatus,
      List<String> reasonCodes, List<String> rules, String note, String stateDigest,
      String previousHash, String hash) {
    this(returnId, sequence, at, actor, command, fromStatus, toStatus, reasonCodes, rules, note,
        stateDigest, previousHash, hash, null, null);
  }

  /**
   * An entry of the first chain format, which sealed no state digest (as stored by earlier
   * releases).
   *
   * @param returnId the case
   * @param sequence position in the case's history
   * @param at when it happened
   * @param actor who issued the command
   * @param command the command
   * @param fromStatus the state before, or {@code null}
   * @param toStatus the state after
   * @param reasonCodes the reason codes
   * @param rules the rules that decided
   * @param note free text, or {@code null}
   * @param previousHash the previous entry's hash
   * @param hash this entry's hash
   */
  public HistoryEntry(ReturnId returnId, int sequence, Instant at, Actor actor,
      ReturnCommand command, ReturnStatus fromStatus, ReturnStatus toStatus,
      List<String> reasonCodes, List<String> rules, String note, String previousHash,
      String hash) {
    this(returnId, sequence, at, actor, command, fromStatus, toStatus, reasonCodes, rules, note,
        null, previousHash, hash);
  }

  /**
   * The same entry with its note erased and, if asked, its actor's id: what the hash covered
   * (their SHA-256) is kept, so the chain still verifies. Only entries of the second chain
   * format can be erased; the first covers the text itself.
   *
   * @param actorToo whether the actor's id goes too (for entries the forgotten customer
   *     caused), or only the note
   * @return the erased entry, with the same hash
   * @throws IllegalStateException for a first-format entry
   */
  public HistoryEntry erased(boolean actorToo) {
    if (!sealsState()) {
      throw new IllegalStateException("entry #" + sequence + " of " + returnId + " is of the "
          + "first chain format, which covers its text itself: erasing it would break the chain");
    }
    String actorDigest = erasedActorDigest;
    Actor who = actor;
    if (actorToo && actorDigest == null) {
      actorDigest = HistoryChain.textDigest(actor.id());
      who = new Actor(actor.role(), ERASED);
    }
    String noteDigest = erasedNoteDigest != null ? erasedNoteDigest
        : HistoryChain.textDigest(note);
    return new HistoryEntry(returnId, sequence, at, who, command, fromStatus, toStatus,
        reasonCodes, rules, null, stateDigest, previousHash, hash, actorDigest, noteDigest);
  }

  /**
   * Whether this entry seals the state of the case after its command (chain format 2).
   *
   * @return true if {@link #stateDigest()} is set
   */
  public boolean sealsState() {
    return stateDigest != null;
  }
}
