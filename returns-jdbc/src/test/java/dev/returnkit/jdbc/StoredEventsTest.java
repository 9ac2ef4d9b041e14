package dev.returnkit.jdbc;

import dev.returnkit.spi.event.EventJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.spi.event.ReturnEvent;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Events waiting in the outbox when returns-jdbc is upgraded must still be delivered: one golden
 * fixture of every event type, as the relay stored them, reads back to that type and is written
 * again byte for byte.
 */
@DisplayName("Outbox events stored by an earlier returns-jdbc")
class StoredEventsTest {

  /** Fixture name: the event's type and the case and history entry its header names. */
  private static final Map<String, String> EVENTS = Map.ofEntries(
      Map.entry("carrier-claim-recorded", "CARRIER_CLAIM_RECORDED R-000028 #10"),
      Map.entry("exchange-ordered", "EXCHANGE_ORDERED R-000004 #9"),
      Map.entry("refund-issued", "REFUND_ISSUED R-000038 #4"),
      Map.entry("repair-ordered", "REPAIR_ORDERED R-000032 #4"),
      Map.entry("return-approved", "RETURN_APPROVED R-000001 #1"),
      Map.entry("return-cancelled", "RETURN_CANCELLED R-000006 #3"),
      Map.entry("return-completed", "RETURN_COMPLETED R-000032 #4"),
      Map.entry("return-delivered-to-warehouse", "RETURN_DELIVERED_TO_WAREHOUSE R-000007 #4"),
      Map.entry("return-expired", "RETURN_EXPIRED R-000045 #3"),
      Map.entry("return-in-transit", "RETURN_IN_TRANSIT R-000007 #3"),
      Map.entry("return-inspected", "RETURN_INSPECTED R-000007 #6"),
      Map.entry("return-lost-in-transit", "RETURN_LOST_IN_TRANSIT R-000070 #4"),
      Map.entry("return-received", "RETURN_RECEIVED R-000007 #5"),
      Map.entry("return-rejected", "RETURN_REJECTED R-000013 #1"),
      Map.entry("return-requested", "RETURN_REQUESTED R-000001 #1"),
      Map.entry("return-sent-to-review", "RETURN_SENT_TO_REVIEW R-000011 #1"),
      Map.entry("return-shipment-arranged", "RETURN_SHIPMENT_ARRANGED R-000001 #2"),
      Map.entry("returnless-refund-granted", "RETURNLESS_REFUND_GRANTED R-000032 #2"),
      Map.entry("settlement-started", "SETTLEMENT_STARTED R-000032 #3"),
      Map.entry("store-credit-issued", "STORE_CREDIT_ISSUED R-000029 #8"));

  static Stream<String> fixtures() {
    return EVENTS.keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  @DisplayName("read back as their type and are written again byte for byte, but for the "
      + "fields added since (as null)")
  void readBack(String name) {
    String stored = CaseFormatTest.fixture("v1/events/" + name + ".json");

    ReturnEvent event = EventJson.read(stored);

    assertThat(event.type() + " " + event.returnId() + " #" + event.header().historySequence())
        .isEqualTo(EVENTS.get(name));
    // Added since these events were stored: when the case recorded its shipment, the tender a
    // payment goes back to, and an exchange's replacement and its order.
    // And the format, written in front since (these rows are of format 1 without saying so).
    assertThat(EventJson.write(event).replace("{\"@format\":1,", "{")
        .replace(",\"arrangedAt\":null}", "}").replace(",\"tender\":null", "")
        .replace(",\"replacement\":null,\"replacementOrder\":null", ""))
        .isEqualTo(stored);
  }
}
