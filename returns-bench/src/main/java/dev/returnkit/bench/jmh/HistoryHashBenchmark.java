package dev.returnkit.bench.jmh;

import dev.returnkit.spi.history.HistoryChain;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Hashing one history entry as {@link HistoryChain} does for every command: the actor's id, the
 * note and the entry's canonical text (which holds their digests) each go through SHA-256.
 * returnkit's way (a lone-surrogate scan, then {@code String.getBytes(UTF_8)}, SHA-256, hex
 * from a table) against the way it hashed before (a strict {@code CharsetEncoder} over
 * {@code CharBuffer.wrap(StringBuilder)}, SHA-256, {@code HexFormat}), on the same text in the
 * same run. Both must give the same hash, or the benchmark refuses to start.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class HistoryHashBenchmark {

  /** The note: ASCII only, or a customer's accented one. */
  @Param({"ASCII", "ACCENTED"})
  String text;

  private static final String ACTOR = "agent-17@shop.example";
  private String note;
  private StringBuilder canonical;
  private MessageDigest sha256;
  private CharsetEncoder strict;

  /** Builds the text as the chain lays out an entry, and checks both ways hash it alike. */
  @Setup
  public void setUp() throws NoSuchAlgorithmException, CharacterCodingException {
    note = text.equals("ASCII") ? "Arrived in the wrong colour, size too small, refund please"
        : "Farbe stimmt nicht, Größe zu klein, bitte Erstattung über PayPal";
    canonical = new StringBuilder();
    for (String field : new String[] {"2", "R-000042", "7", "2026-03-10T10:15:30.123456Z",
        "AGENT", HistoryChain.textDigest(ACTOR), "APPROVE", "IN_REVIEW",
        "APPROVED", "[2]", "HIGH_VALUE", "APPROVED_IN_REVIEW", "[1]", "eligibility/high-value",
        HistoryChain.textDigest(note), HistoryChain.textDigest("state"),
        HistoryChain.textDigest("previous")}) {
      canonical.append(field.length()).append(':').append(field);
    }
    sha256 = MessageDigest.getInstance("SHA-256");
    strict = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    if (!returnkit().equals(encoderBaseline())) {
      throw new IllegalStateException("the two ways hash the text differently");
    }
  }

  /**
   * returnkit's way, from the builder the chain writes into.
   *
   * @return the hash, in hex
   */
  @Benchmark
  public String returnkit() {
    return HistoryChain.textDigest(ACTOR) + HistoryChain.textDigest(note)
        + HistoryChain.textDigest(canonical.toString());
  }

  /**
   * The strict encoder over the builder, as before.
   *
   * @return the hash, in hex
   * @throws CharacterCodingException never, for this text
   */
  @Benchmark
  public String encoderBaseline() throws CharacterCodingException {
    return encoded(ACTOR) + encoded(note) + encoded(canonical);
  }

  private String encoded(CharSequence text) throws CharacterCodingException {
    ByteBuffer encoded = strict.encode(CharBuffer.wrap(text));
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    return HexFormat.of().formatHex(sha256.digest(bytes));
  }
}
