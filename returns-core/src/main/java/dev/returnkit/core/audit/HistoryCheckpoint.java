package dev.returnkit.core.audit;

import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.ReturnId;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The heads of every case's history at one moment, sealed with an HMAC-SHA256 under a key the
 * database does not hold. Someone with full access to the database can rewrite a case's history
 * and recompute every hash, so that {@link CaseAudit} finds nothing; they cannot forge a
 * checkpoint without the key, and a history that no longer holds the entry a checkpoint sealed
 * is found ({@link AuditFinding.CheckpointMismatch}).
 *
 * <p>Keep checkpoints (and the key) outside the database: write one every night with {@code
 * returnkit audit --write-checkpoint}, store it where the database's administrators cannot
 * change it (an object store with retention, another team's system), and audit against the
 * latest. Its text form:
 *
 * <pre>
 * returnkit-checkpoint 1
 * sealed-at 2026-12-01T02:00:00Z
 * cases 2
 * R-1 7 3f1c...
 * R-2 2 9ab0...
 * hmac-sha256 5d2e...
 * </pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param sealedAt when the heads were taken
 * @param heads the head of each case's history, by case id
 * @param mac the HMAC-SHA256 of the text form before its last line, in hex
 */
public record HistoryCheckpoint(Instant sealedAt, Map<ReturnId, HistoryHead> heads, String mac) {

  private static final String MAGIC = "returnkit-checkpoint 1";
  private static final String MAC_PREFIX = "hmac-sha256 ";
  private static final HexFormat HEX = HexFormat.of();

  public HistoryCheckpoint {
    Objects.requireNonNull(sealedAt, "sealedAt");
    Map<ReturnId, HistoryHead> sorted = new TreeMap<>(
        (a, b) -> a.value().compareTo(b.value()));
    sorted.putAll(heads);
    heads = Collections.unmodifiableMap(sorted);
    Objects.requireNonNull(mac, "mac");
  }

  /**
   * Seals heads under a key.
   *
   * @param sealedAt when they were taken
   * @param heads the head of each case's history
   * @param key the secret key, at least 32 bytes, held outside the database
   * @return the checkpoint
   * @throws IllegalArgumentException if the key is shorter than 32 bytes
   */
  public static HistoryCheckpoint seal(Instant sealedAt, Map<ReturnId, HistoryHead> heads,
      byte[] key) {
    HistoryCheckpoint unsealed = new HistoryCheckpoint(sealedAt, heads, "");
    return new HistoryCheckpoint(sealedAt, heads, mac(unsealed.body(), key));
  }

  /**
   * Whether the checkpoint was sealed with this key and not changed since.
   *
   * @param key the secret key
   * @return true if its MAC is right
   */
  public boolean isSealedWith(byte[] key) {
    // Constant time, so that the MAC cannot be guessed byte by byte.
    return MessageDigest.isEqual(mac(body(), key).getBytes(StandardCharsets.US_ASCII),
        mac.getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Whether a case's history still holds the entry this checkpoint sealed for it.
   *
   * @param returnId the case
   * @param history its history, in sequence order
   * @return the mismatch, or empty if the history holds the entry (or the checkpoint does not
   *     know the case, which is younger than it)
   */
  public Optional<AuditFinding> check(ReturnId returnId, List<HistoryEntry> history) {
    HistoryHead sealed = heads.get(returnId);
    if (sealed == null || sealed.sequence() == 0) {
      return Optional.empty();
    }
    boolean holds = history.size() >= sealed.sequence()
        && history.get(sealed.sequence() - 1).sequence() == sealed.sequence()
        && history.get(sealed.sequence() - 1).hash().equals(sealed.hash());
    return holds ? Optional.empty()
        : Optional.of(new AuditFinding.CheckpointMismatch(sealed.sequence(), sealed.hash()));
  }

  /**
   * The text form, sealed.
   *
   * @return the text, ending with a newline
   */
  public String text() {
    return body() + MAC_PREFIX + mac + "\n";
  }

  /**
   * Reads the text form. It does not check the MAC: call {@link #isSealedWith} with the key.
   *
   * @param text what {@link #text()} wrote
   * @return the checkpoint
   * @throws IllegalArgumentException naming the line that is not a checkpoint's
   */
  public static HistoryCheckpoint parse(String text) {
    List<String> lines = text.lines().toList();
    if (lines.size() < 4 || !lines.get(0).equals(MAGIC)) {
      throw new IllegalArgumentException("line 1: not a returnkit checkpoint (expected '"
          + MAGIC + "')");
    }
    Instant at = parseInstant(lines.get(1), "sealed-at ", 2);
    int count = parseCount(lines.get(2));
    if (lines.size() != count + 4) {
      throw new IllegalArgumentException("line 3: says " + count + " cases, the file has "
          + Math.max(0, lines.size() - 4) + " case lines");
    }
    Map<ReturnId, HistoryHead> heads = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
    for (int i = 3; i < 3 + count; i++) {
      String[] parts = lines.get(i).split(" ");
      try {
        if (parts.length != 3) {
          throw new IllegalArgumentException("expected '<case> <sequence> <hash>'");
        }
        HistoryHead head = new HistoryHead(Integer.parseInt(parts[1]), parts[2]);
        if (heads.put(ReturnId.of(parts[0]), head) != null) {
          throw new IllegalArgumentException("case " + parts[0] + " appears twice");
        }
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("line " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    String last = lines.get(lines.size() - 1);
    if (!last.startsWith(MAC_PREFIX)) {
      throw new IllegalArgumentException("line " + lines.size() + ": expected '" + MAC_PREFIX
          + "<hex>'");
    }
    return new HistoryCheckpoint(at, heads, last.substring(MAC_PREFIX.length()));
  }

  private String body() {
    StringBuilder text = new StringBuilder(64 + heads.size() * 96).append(MAGIC).append('\n')
        .append("sealed-at ").append(sealedAt).append('\n')
        .append("cases ").append(heads.size()).append('\n');
    heads.forEach((id, head) -> text.append(id.value()).append(' ').append(head.sequence())
        .append(' ').append(head.hash()).append('\n'));
    return text.toString();
  }

  private static String mac(String body, byte[] key) {
    if (key.length < 32) {
      throw new IllegalArgumentException("a checkpoint key needs at least 32 bytes, got "
          + key.length);
    }
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HEX.formatHex(hmac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("every Java platform must provide HmacSHA256", e);
    }
  }

  private static Instant parseInstant(String line, String prefix, int number) {
    try {
      if (!line.startsWith(prefix)) {
        throw new DateTimeParseException("missing", line, 0);
      }
      return Instant.parse(line.substring(prefix.length()));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("line " + number + ": expected '" + prefix
          + "<instant>'", e);
    }
  }

  private static int parseCount(String line) {
    try {
      if (!line.startsWith("cases ")) {
        throw new NumberFormatException();
      }
      int count = Integer.parseInt(line.substring("cases ".length()));
      if (count < 0) {
        throw new NumberFormatException();
      }
      return count;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("line 3: expected 'cases <count>'", e);
    }
  }
}
