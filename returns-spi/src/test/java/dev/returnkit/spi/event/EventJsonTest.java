package dev.returnkit.spi.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.returnkit.spi.event.ReturnEvent.ReturnApproved;
import dev.returnkit.spi.event.ReturnEvent.ReturnCancelled;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The events' JSON: one versioned document for the outbox and the broker")
class EventJsonTest {

  private static final EventHeader HEADER = EventHeader.of(ReturnId.of("R-1"), 2, 0,
      Instant.parse("2026-03-04T05:06:07Z"));
  private static final ReturnApproved APPROVED = new ReturnApproved(HEADER,
      List.of(new LineQuantity(OrderLineId.of("L-1"), Sku.of("SKU-1"), 2)));
  /** Format 1 of that event, as docs/events.md shows it. */
  private static final String APPROVED_JSON = "{\"@format\":1,\"@type\":\"ReturnApproved\","
      + "\"header\":{\"returnId\":{\"value\":\"R-1\"},\"historySequence\":2,\"index\":0,"
      + "\"occurredAt\":\"2026-03-04T05:06:07Z\"},\"approved\":[{\"orderLineId\":"
      + "{\"value\":\"L-1\"},\"sku\":{\"value\":\"SKU-1\"},\"quantity\":2}]}";

  @Test
  @DisplayName("is written with its format and type first, and reads back equal")
  void written() {
    assertThat(EventJson.write(APPROVED)).isEqualTo(APPROVED_JSON);
    assertThat(EventJson.read(APPROVED_JSON)).isEqualTo(APPROVED);
  }

  @Test
  @DisplayName("without a format (outbox rows written before it), reads as format 1")
  void beforeTheFormat() {
    assertThat(EventJson.read(APPROVED_JSON.replace("\"@format\":1,", ""))).isEqualTo(APPROVED);
  }

  @Test
  @DisplayName("of a newer format, is refused saying so, wherever the format stands")
  void newerFormat() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventJson.read(APPROVED_JSON.replace("\"@format\":1", "\"@format\":2")))
        .withMessage("event format 2 is newer than this returnkit reads (up to 1): upgrade "
            + "returnkit to read it");
    String formatLast = APPROVED_JSON.replace("\"@format\":1,", "")
        .replaceFirst("}$", ",\"@format\":12}");
    assertThatIllegalArgumentException().isThrownBy(() -> EventJson.read(formatLast))
        .withMessageStartingWith("event format 12 is newer");
  }

  @Test
  @DisplayName("of the same format with fields it does not know, reads what it knows")
  void unknownFields() {
    String later = APPROVED_JSON.replace("\"approved\":", "\"addedLater\":{\"x\":[1]},"
        + "\"approved\":");
    assertThat(EventJson.read(later)).isEqualTo(APPROVED);
  }

  @Test
  @DisplayName("that is not an event's, is refused with where and why")
  void notAnEvent() {
    assertThatIllegalArgumentException().isThrownBy(() -> EventJson.read("{\"@format\":x}"))
        .withMessageContaining("@format is not a number");
    assertThatIllegalArgumentException().isThrownBy(() -> EventJson.read("{\"@type\":"))
        .withMessageContaining("malformed at character");
    assertThat(EventJson.read(EventJson.write(new ReturnCancelled(HEADER, "too late"))))
        .isEqualTo(new ReturnCancelled(HEADER, "too late"));
  }
}
