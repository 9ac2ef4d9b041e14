package dev.returnkit.spi.event;

import dev.returnkit.spi.json.JsonParser;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/**
 * The JSON of a return event: the one payload the JDBC outbox stores and a broker publisher
 * (returns-kafka) sends, so that a consumer reads the same document whichever way an event
 * reached it. docs/events.md describes it field by field.
 *
 * <p>The document is the event's record, component by component, with two fields of its own
 * first: {@code "@format"}, the version of this layout ({@value #FORMAT}), and {@code "@type"},
 * the event's record name ({@code ReturnApproved}, ...). Ids are objects with a
 * {@code "value"}, amounts objects with {@code "amount"} (a string, so it keeps its scale) and
 * {@code "currency"}, instants ISO-8601 strings in UTC, enums their names. A later format adds
 * fields and raises the number; a reader ignores fields it does not know and reads a field it
 * misses as absent, so consumers of format 1 keep working on documents of later formats that
 * only add.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventJson {

  /** The layout written now. Documents without {@code "@format"} (older outbox rows) are 1. */
  public static final int FORMAT = 1;

  private static final String FORMAT_FIELD = "\"@format\":";

  private EventJson() {}

  /**
   * The JSON of an event.
   *
   * @param event the event
   * @return its document, compact, in UTF-16 (encode as UTF-8 to send or store)
   */
  public static String write(ReturnEvent event) {
    Objects.requireNonNull(event, "event");
    String body = RecordJson.write(event, ReturnEvent.class);
    // The record's object begins with its "@type"; the format goes in front of it.
    return "{" + FORMAT_FIELD + FORMAT + "," + body.substring(1);
  }

  /**
   * Reads an event written by {@link #write}, of this format or an earlier one.
   *
   * @param json the document
   * @return the event
   * @throws IllegalArgumentException if the text is not an event's JSON, or of a format newer
   *     than {@value #FORMAT}, saying where and why
   */
  public static ReturnEvent read(String json) {
    Objects.requireNonNull(json, "json");
    int format = formatOf(json);
    if (format > FORMAT) {
      throw new IllegalArgumentException("event format " + format + " is newer than this "
          + "returnkit reads (up to " + FORMAT + "): upgrade returnkit to read it");
    }
    return RecordJson.read(json, ReturnEvent.class);
  }

  private static int formatOf(String json) {
    if (!json.startsWith("{" + FORMAT_FIELD)) {
      // Written before the field existed, or by hand: parse to be sure.
      Object tree = new JsonParser(json).parseDocument();
      if (tree instanceof Map<?, ?> fields && fields.get("@format") instanceof BigDecimal n) {
        return n.intValueExact();
      }
      return 1;
    }
    int start = 1 + FORMAT_FIELD.length();
    int end = start;
    while (end < json.length() && Character.isDigit(json.charAt(end))) {
      end++;
    }
    if (end == start) {
      throw new IllegalArgumentException("the event's @format is not a number: " + json);
    }
    return Integer.parseInt(json.substring(start, end));
  }
}
