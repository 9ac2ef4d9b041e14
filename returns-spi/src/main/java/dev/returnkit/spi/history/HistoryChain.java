package dev.returnkit.spi.history;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Builds and checks the hash chain that makes a case's history tamper-evident (DOMAIN.md,
 * section 9: prevent loss and tampering of return records).
 *
 * <p>Each entry's hash is the SHA-256 of a length-prefixed encoding of its fields and of the
 * previous entry's hash. A storage adapter stores entries as they are; anyone holding the
 * history can re-check it with {@link #firstBrokenLink(List)}. This detects edits, deletions
 * and reordering; it does not stop someone who rewrites the whole chain from the altered entry
 * on, which is what anchoring the latest hash elsewhere (an audit log, a signed export) is for.
 *
 * <p>Stateless and thread-safe.
 */
public final class HistoryChain {

  /** The {@code previousHash} of every case's first entry. */
  public static final String GENESIS = "0".repeat(64);

  /** The first field of every second-format entry's encoding. */
  private static final String FORMAT_2 = "returnkit-history-2";

  // One digest and one encoder per thread: looking up a digest provider and building an
  // encoder on every hash was a measurable share of a command's time (returns-bench). Both
  // reset themselves (digest() and encode() start afresh).
  private static final ThreadLocal<MessageDigest> SHA_256 =
      ThreadLocal.withInitial(HistoryChain::sha256);
  private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();

  private HistoryChain() {}

  /**
   * Creates the entry that follows {@code head} in a case's history.
   *
   * @param head the end of the history so far, {@link HistoryHead#EMPTY} for a new case
   * @param returnId the case
   * @param at when it happened
   * @param actor who issued the command
   * @param command the command
   * @param fromStatus the state before, {@code null} for the first entry
   * @param toStatus the state after
   * @param reasonCodes reason codes
   * @param rules the names of the rules that decided
   * @param note free text, or {@code null}
   * @return the sealed entry, with sequence and hashes filled in
   */
  public static HistoryEntry append(
      HistoryHead head,
      ReturnId returnId,
      Instant at,
      Actor actor,
      ReturnCommand command,
      ReturnStatus fromStatus,
      ReturnStatus toStatus,
      List<String> reasonCodes,
      List<String> rules,
      String note) {
    return append(head, returnId, at, actor, command, fromStatus, toStatus, reasonCodes, rules,
        note, null);
  }

  /**
   * Creates the entry that follows {@code head}, sealing the state of the case after the
   * command (chain format 2): its hash covers {@code stateDigest}, and the actor's id and the
   * note by their SHA-256, so that they can be erased from storage without breaking the chain.
   *
   * @param head the end of the history so far, {@link HistoryHead#EMPTY} for a new case
   * @param returnId the case
   * @param at when it happened
   * @param actor who issued the command
   * @param command the command
   * @param fromStatus the state before, {@code null} for the first entry
   * @param toStatus the state after
   * @param reasonCodes reason codes
   * @param rules the names of the rules that decided
   * @param note free text, or {@code null}
   * @param stateDigest the digest of the state after the command ({@code
   *     dev.returnkit.spi.storage.StateDigest}), or {@code null} for a first-format entry
   * @return the sealed entry, with sequence and hashes filled in
   */
  public static HistoryEntry append(
      HistoryHead head,
      ReturnId returnId,
      Instant at,
      Actor actor,
      ReturnCommand command,
      ReturnStatus fromStatus,
      ReturnStatus toStatus,
      List<String> reasonCodes,
      List<String> rules,
      String note,
      String stateDigest) {
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(returnId, "returnId");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(toStatus, "toStatus");
    int sequence = head.sequence() + 1;
    String previousHash = head.hash();
    // Free text is made well-formed before it is hashed and stored: a lone surrogate (a note cut
    // in the middle of an emoji) cannot be stored as UTF-8, and would not hash unambiguously.
    Actor who = new Actor(actor.role(), wellFormed(actor.id()));
    List<String> codes = reasonCodes.stream().map(HistoryChain::wellFormed).toList();
    List<String> ruleNames = rules.stream().map(HistoryChain::wellFormed).toList();
    String text = wellFormed(note);
    String hash = hash(returnId, sequence, at, who, command, fromStatus, toStatus, codes,
        ruleNames, text, stateDigest, previousHash);
    return new HistoryEntry(returnId, sequence, at, who, command, fromStatus, toStatus, codes,
        ruleNames, text, stateDigest, previousHash, hash);
  }

  /**
   * Finds the first entry where the chain is broken: a sequence gap, a {@code previousHash}
   * that is not the previous entry's hash, or a hash that does not match the entry's content.
   *
   * @param history a case's entries in sequence order
   * @return the sequence number of the first broken entry, or empty if the chain is intact
   */
  public static OptionalInt firstBrokenLink(List<HistoryEntry> history) {
    String expectedPrevious = GENESIS;
    int expectedSequence = 1;
    for (HistoryEntry entry : history) {
      if (entry.sequence() != expectedSequence
          || !entry.previousHash().equals(expectedPrevious)
          || !hashMatches(entry)) {
        return OptionalInt.of(entry.sequence());
      }
      expectedPrevious = entry.hash();
      expectedSequence++;
    }
    return OptionalInt.empty();
  }

  private static boolean hashMatches(HistoryEntry entry) {
    try {
      return entry.hash().equals(hashOf(entry));
    } catch (IllegalArgumentException malformedText) {
      // append() never stores malformed text, so an entry holding some was not made by it.
      return false;
    }
  }

  /**
   * Recomputes an entry's hash from its content and its {@code previousHash}.
   *
   * @param entry the entry
   * @return the hash it should carry
   * @throws IllegalArgumentException if the entry holds text that is not well-formed Unicode
   *     (a lone surrogate), which {@link #append} never produces
   */
  public static String hashOf(HistoryEntry entry) {
    if (entry.sealsState()) {
      // Erased text is covered by the digest kept in its place.
      String actorDigest = entry.erasedActorDigest() != null ? entry.erasedActorDigest()
          : textDigest(entry.actor().id());
      String noteDigest = entry.erasedNoteDigest() != null ? entry.erasedNoteDigest()
          : textDigest(entry.note());
      return sealed(new StringBuilder(256), entry.returnId(), entry.sequence(), entry.at(),
          entry.actor().role(), actorDigest, entry.command(), entry.fromStatus(),
          entry.toStatus(), entry.reasonCodes(), entry.rules(), noteDigest, entry.stateDigest(),
          entry.previousHash());
    }
    return hash(entry.returnId(), entry.sequence(), entry.at(), entry.actor(), entry.command(),
        entry.fromStatus(), entry.toStatus(), entry.reasonCodes(), entry.rules(), entry.note(),
        null, entry.previousHash());
  }

  private static String hash(
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
      String previousHash) {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(actor, "actor");
    // Length-prefixed fields: no separator character can be smuggled into a note to make two
    // different entries encode alike.
    StringBuilder text = new StringBuilder(256);
    if (stateDigest != null) {
      return sealed(text, returnId, sequence, at, actor.role(), textDigest(actor.id()), command,
          fromStatus, toStatus, reasonCodes, rules, textDigest(note), stateDigest, previousHash);
    }
    field(text, returnId.value());
    field(text, Integer.toString(sequence));
    field(text, at.toString());
    field(text, String.valueOf(actor.role()));
    field(text, actor.id());
    field(text, command.name());
    field(text, fromStatus == null ? null : fromStatus.name());
    field(text, toStatus.name());
    list(text, reasonCodes);
    list(text, rules);
    field(text, note);
    field(text, previousHash);
    return hex(SHA_256.get().digest(strictUtf8(text.toString())));
  }

  /**
   * The second chain format: a marker first, so that no first-format entry encodes alike; the
   * actor's id and the note by their digest (erasable later); the state digest.
   */
  private static String sealed(StringBuilder text, ReturnId returnId, int sequence, Instant at,
      ActorRole role, String actorDigest, ReturnCommand command, ReturnStatus fromStatus,
      ReturnStatus toStatus, List<String> reasonCodes, List<String> rules, String noteDigest,
      String stateDigest, String previousHash) {
    field(text, FORMAT_2);
    field(text, returnId.value());
    field(text, Integer.toString(sequence));
    field(text, at.toString());
    field(text, String.valueOf(role));
    field(text, actorDigest);
    field(text, command.name());
    field(text, fromStatus == null ? null : fromStatus.name());
    field(text, toStatus.name());
    list(text, reasonCodes);
    list(text, rules);
    field(text, noteDigest);
    field(text, stateDigest);
    field(text, previousHash);
    return hex(SHA_256.get().digest(strictUtf8(text.toString())));
  }

  /**
   * The SHA-256 of a text, in hex, as the second chain format covers actor ids and notes.
   *
   * @param text the text, or null
   * @return its digest, or null for null
   * @throws IllegalArgumentException if the text is not well-formed Unicode
   */
  public static String textDigest(String text) {
    return text == null ? null : hex(SHA_256.get().digest(strictUtf8(text)));
  }

  /**
   * UTF-8 that refuses lone surrogates instead of turning them into '?' as getBytes alone does.
   * For well-formed text {@code getBytes} writes exactly the bytes a strict encoder would, and
   * takes the JDK's fast path (an intrinsic for Latin-1 text) where a {@code CharsetEncoder}
   * over a {@code CharBuffer} does not: returns-bench's HistoryHashBenchmark measures both.
   */
  private static byte[] strictUtf8(String text) {
    if (hasLoneSurrogate(text)) {
      throw new IllegalArgumentException("history text is not well-formed Unicode: it holds a "
          + "lone surrogate");
    }
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean hasLoneSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** A digest in lower-case hex, two characters a byte. */
  private static String hex(byte[] digest) {
    char[] text = new char[digest.length * 2];
    for (int i = 0; i < digest.length; i++) {
      text[2 * i] = HEX_DIGITS[(digest[i] >> 4) & 0xF];
      text[2 * i + 1] = HEX_DIGITS[digest[i] & 0xF];
    }
    return new String(text);
  }

  /**
   * The text with every lone surrogate replaced by U+FFFD, the Unicode replacement character.
   *
   * @param text any text, or null
   * @return well-formed text, or null
   */
  static String wellFormed(String text) {
    if (text == null) {
      return null;
    }
    StringBuilder fixed = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1));
      if (paired) {
        if (fixed != null) {
          fixed.append(c).append(text.charAt(i + 1));
        }
        i++;
      } else if (Character.isSurrogate(c)) {
        if (fixed == null) {
          fixed = new StringBuilder(text.length()).append(text, 0, i);
        }
        fixed.append('\uFFFD');
      } else if (fixed != null) {
        fixed.append(c);
      }
    }
    return fixed == null ? text : fixed.toString();
  }

  private static void list(StringBuilder text, List<String> values) {
    text.append('[').append(values.size()).append(']');
    for (String value : values) {
      field(text, value);
    }
  }

  private static void field(StringBuilder text, String value) {
    if (value == null) {
      text.append("-1:");
    } else {
      text.append(value.length()).append(':').append(value);
    }
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform must provide SHA-256", e);
    }
  }
}
