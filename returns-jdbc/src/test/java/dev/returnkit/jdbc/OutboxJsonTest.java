package dev.returnkit.jdbc;

import dev.returnkit.spi.event.EventJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.returnkit.spi.event.EventHeader;
import dev.returnkit.spi.event.EventType;
import dev.returnkit.spi.event.LineQuantity;
import dev.returnkit.spi.event.ReturnEvent.CarrierClaimRecorded;
import dev.returnkit.spi.event.ReturnEvent.ExchangeDifferenceCharged;
import dev.returnkit.spi.event.ReturnEvent.ExchangeOrdered;
import dev.returnkit.spi.event.ReturnEvent.InspectedLine;
import dev.returnkit.spi.event.ReturnEvent.RefundIssued;
import dev.returnkit.spi.event.ReturnEvent.RepairOrdered;
import dev.returnkit.spi.event.ReturnEvent.RequestedItem;
import dev.returnkit.spi.event.ReturnEvent.ReturnApproved;
import dev.returnkit.spi.event.ReturnEvent.ReturnCancelled;
import dev.returnkit.spi.event.ReturnEvent.ReturnCompleted;
import dev.returnkit.spi.event.ReturnEvent.ReturnDeliveredToWarehouse;
import dev.returnkit.spi.event.ReturnEvent.ReturnExpired;
import dev.returnkit.spi.event.ReturnEvent.ReturnInTransit;
import dev.returnkit.spi.event.ReturnEvent.ReturnInspected;
import dev.returnkit.spi.event.ReturnEvent.ReturnLostInTransit;
import dev.returnkit.spi.event.ReturnEvent.ReturnReceived;
import dev.returnkit.spi.event.ReturnEvent.ReturnRejected;
import dev.returnkit.spi.event.ReturnEvent.ReturnRequested;
import dev.returnkit.spi.event.ReturnEvent.ReturnSentToReview;
import dev.returnkit.spi.event.ReturnEvent.ReturnShipmentArranged;
import dev.returnkit.spi.event.ReturnEvent.ReturnlessRefundGranted;
import dev.returnkit.spi.event.ReturnEvent.SettlementStarted;
import dev.returnkit.spi.event.ReturnEvent.StoreCreditIssued;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.tck.TckCases;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Stored JSON of cases and events")
class OutboxJsonTest {

  private static final ReturnId ID = ReturnId.of("R-77");
  private static final Instant AT = Instant.parse("2026-03-04T05:06:07.123456Z");
  private static final LineQuantity LINE = new LineQuantity(OrderLineId.of("L-1"),
      Sku.of("SKU-1"), 2);
  private static final SettlementPayment PAID = new SettlementPayment("R-77/L-1/ITEM_REFUND",
      OrderLineId.of("L-1"), PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND,
      Money.of("10.50", "EUR"), "PAY-9", AT);

  @Test
  @DisplayName("a case with every optional field reads back equal from its stored format")
  void snapshotRoundTrip() {
    ReturnCaseSnapshot snapshot = TckCases.settlingCase(ID).snapshot();

    String json = CaseFormat.write(snapshot);

    assertThat(CaseFormat.read(json, CaseFormat.CURRENT, ID.value())).isEqualTo(snapshot);
    assertThat(json).contains("\"gross\":{\"amount\":\"99.80\",\"currency\":\"EUR\"}");
  }

  @Test
  @DisplayName("every kind of event reads back equal, as the sealed type")
  void everyEventRoundTrips() {
    List<ReturnEvent> events = oneOfEach();
    assertThat(events.stream().map(ReturnEvent::type).collect(Collectors.toSet()))
        .as("one event of every type").isEqualTo(EnumSet.allOf(EventType.class));

    for (ReturnEvent event : events) {
      String json = EventJson.write(event);
      assertThat(EventJson.read(json)).as(json).isEqualTo(event);
    }
  }

  @Test
  @DisplayName("text that is not well-formed Unicode, quotes and control characters survive")
  void awkwardText() {
    String awkward = "half an emoji \uD83D, a \"quote\", a back\\slash, a tab\t and \u0001";
    ReturnEvent event = new ReturnCancelled(header(1), awkward);

    String json = EventJson.write(event);

    assertThat(json).doesNotContain("\uD83D").contains("\\ud83d");
    assertThat(((ReturnCancelled) EventJson.read(json)).reason())
        .isEqualTo(awkward);
  }

  @Test
  @DisplayName("a field added after a row was written reads as absent; unknown fields are ignored")
  void toleratesOlderAndNewerRows() {
    String json = "{\"@type\":\"ReturnCancelled\",\"header\":{\"returnId\":{\"value\":\"R-1\"},"
        + "\"historySequence\":3,\"index\":0,\"occurredAt\":\"2026-03-04T05:06:07Z\"},"
        + "\"addedInAFutureRelease\":[1,2,3]}";

    ReturnCancelled read = (ReturnCancelled) EventJson.read(json);

    assertThat(read.reason()).isNull();
    assertThat(read.header().historySequence()).isEqualTo(3);
  }

  @Test
  @DisplayName("malformed or mistyped JSON is refused with where and why")
  void malformed() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventJson.read("{\"@type\":\"ReturnCancelled\","))
        .withMessageContaining("malformed at character");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventJson.read("{\"@type\":\"NoSuchEvent\"}"))
        .withMessageContaining("no ReturnEvent named 'NoSuchEvent'");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventJson.read(cancelledOf("{\"value\":7}")))
        .withMessageContaining("does not fit");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> EventJson.read(cancelledOf("{\"value\":\"has space\"}")))
        .withMessageContaining("invalid ReturnId");
  }

  @Test
  @DisplayName("lists of strings round-trip, empty ones too")
  void strings() {
    assertThat(StringLists.read(StringLists.write(List.of("A", "b\"c", ""))))
        .containsExactly("A", "b\"c", "");
    assertThat(StringLists.read(StringLists.write(List.of()))).isEmpty();
  }

  /** A cancellation whose header's return id is the given JSON. */
  private static String cancelledOf(String returnId) {
    return "{\"@type\":\"ReturnCancelled\",\"header\":{\"returnId\":" + returnId
        + ",\"historySequence\":3,\"index\":0,\"occurredAt\":\"2026-03-04T05:06:07Z\"}}";
  }

  private static List<ReturnEvent> oneOfEach() {
    Money eur = Money.of("4.95", "EUR");
    return List.of(
        new ReturnRequested(header(1), OrderId.of("O-1"), CustomerId.of("C-1"),
            List.of(new RequestedItem(OrderLineId.of("L-1"), Sku.of("SKU-1"), 2,
                ReturnReason.DOES_NOT_FIT))),
        new ReturnSentToReview(header(1), List.of("HIGH_VALUE")),
        new ReturnApproved(header(2), List.of(LINE)),
        new ReturnRejected(header(2), List.of("OUTSIDE_WINDOW", "FINAL_SALE")),
        new ReturnlessRefundGranted(header(2)),
        new ReturnShipmentArranged(header(3), new ShipmentArrangement("post", "RK1",
            ShippingMethod.LABEL, null, AT)),
        new ReturnInTransit(header(4), "RK1", null),
        new ReturnDeliveredToWarehouse(header(5), "RK1"),
        new ReturnLostInTransit(header(5), "RK1"),
        new ReturnReceived(header(6), List.of(LINE)),
        new ReturnInspected(header(7), List.of(new InspectedLine(OrderLineId.of("L-1"),
            Sku.of("SKU-1"), 2, ItemGrade.B, Liability.CUSTOMER, Disposition.RESTOCK))),
        new SettlementStarted(header(8), List.of(PAID), Money.of("1.00", "EUR"), eur,
            Money.zero(eur.currency())),
        new RefundIssued(header(9), PAID),
        new StoreCreditIssued(header(9), new SettlementPayment("R-77/L-2/ITEM_REFUND",
            OrderLineId.of("L-2"), PaymentPurpose.ITEM_REFUND, PaymentKind.STORE_CREDIT,
            Money.of("3", "JPY"), "PAY-10", AT)),
        new ExchangeDifferenceCharged(header(9), new SettlementPayment(
            "R-77/L-3/EXCHANGE_DIFFERENCE", OrderLineId.of("L-3"),
            PaymentPurpose.EXCHANGE_DIFFERENCE, PaymentKind.CHARGE, Money.of("15.00", "EUR"),
            new Tender(TenderType.CARD, "PSP-1", Money.of("40.00", "EUR")), "PAY-11", AT)),
        new ExchangeOrdered(header(9), LINE, new ReplacementItem(Sku.of("SKU-1-L"), 2,
            Money.of("55.00", "EUR")), OrderId.of("RO-1")),
        new RepairOrdered(header(9), LINE),
        new CarrierClaimRecorded(header(9), "post", "RK1", eur),
        new ReturnCompleted(header(10), Money.of("10.50", "EUR"), Money.zero(eur.currency())),
        new ReturnCancelled(header(3), "changed my mind"),
        new ReturnExpired(header(4), AT));
  }

  private static EventHeader header(int sequence) {
    return EventHeader.of(ID, sequence, 0, AT);
  }
}
