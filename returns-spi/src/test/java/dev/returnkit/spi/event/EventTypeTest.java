package dev.returnkit.spi.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("Event types")
class EventTypeTest {

  private static final ReturnId CASE = ReturnId.of("R-42");
  private static final Instant AT = Instant.parse("2026-03-01T10:00:00Z");

  static Stream<Class<?>> eventRecords() {
    return Arrays.stream(ReturnEvent.class.getPermittedSubclasses());
  }

  @Nested
  @DisplayName("EventType and the sealed ReturnEvent")
  class SealedSet {

    @Test
    @DisplayName("ReturnEvent is sealed and permits only records")
    void sealedRecords() {
      assertThat(ReturnEvent.class.isSealed()).isTrue();
      assertThat(eventRecords()).isNotEmpty().allSatisfy(type -> assertThat(type.isRecord())
          .as("%s is a record", type.getSimpleName()).isTrue());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.returnkit.spi.event.EventTypeTest#eventRecords")
    @DisplayName("every permitted event record has exactly one EventType")
    void everyRecordHasOneType(Class<?> record) {
      List<EventType> types = Arrays.stream(EventType.values())
          .filter(type -> type.recordType() == record)
          .toList();

      assertThat(types).as("event types of %s", record.getSimpleName()).hasSize(1);
    }

    @Test
    @DisplayName("every EventType's record type is a permitted subclass, and none is shared")
    void everyTypeIsPermitted() {
      Set<Class<?>> permitted = eventRecords().collect(Collectors.toSet());

      assertThat(EventType.values()).allSatisfy(type -> assertThat(permitted)
          .as("%s.recordType()", type).contains(type.recordType()));
      assertThat(Arrays.stream(EventType.values()).map(EventType::recordType))
          .doesNotHaveDuplicates();
      assertThat(EventType.values()).hasSameSizeAs(permitted);
    }

    @Test
    @DisplayName("each type is named after its record, so its stable name says what it is")
    void namesMatch() {
      for (EventType type : EventType.values()) {
        String snake = type.recordType().getSimpleName()
            .replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase();

        assertThat(type.name()).as("the type of %s", type.recordType().getSimpleName())
            .isEqualTo(snake);
      }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.returnkit.spi.event.EventTypeTest#eventRecords")
    @DisplayName("an event's type() is the EventType of its own record")
    void instanceTypeMatchesRecord(Class<?> record) throws Exception {
      ReturnEvent event = instantiate(record);

      assertThat(event.type().recordType()).isEqualTo(record);
    }

    @Test
    @DisplayName("every EventType is produced by an instance of its record")
    void everyTypeReachable() {
      Set<EventType> produced = EnumSet.noneOf(EventType.class);
      eventRecords().forEach(record -> {
        try {
          produced.add(instantiate(record).type());
        } catch (ReflectiveOperationException e) {
          throw new AssertionError(e);
        }
      });

      assertThat(produced).containsExactlyInAnyOrder(EventType.values());
    }
  }

  /** Builds an event of the given record with a sample value for each component. */
  private static ReturnEvent instantiate(Class<?> record) throws ReflectiveOperationException {
    EventHeader header = EventHeader.of(CASE, 3, 1, AT);
    Map<Class<?>, Object> samples = Map.of(
        EventHeader.class, header,
        List.class, List.of(),
        OrderId.class, OrderId.of("O-1"),
        CustomerId.class, CustomerId.of("C-1"),
        ShipmentArrangement.class,
        new ShipmentArrangement("carrier", "TRK-1", ShippingMethod.LABEL, null, AT),
        SettlementPayment.class, SettlementPayment.planned("k", OrderLineId.of("L1"),
            PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, Money.of("1", "EUR")),
        LineQuantity.class, new LineQuantity(OrderLineId.of("L1"), Sku.of("S-1"), 1),
        Money.class, Money.of("1", "EUR"),
        String.class, "text",
        Instant.class, AT);
    RecordComponent[] components = record.getRecordComponents();
    Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType)
        .toArray(Class<?>[]::new);
    Object[] args = Arrays.stream(types).map(samples::get).toArray();
    ReturnEvent event = (ReturnEvent) record.getDeclaredConstructor(types).newInstance(args);

    assertThat(event.header()).isSameAs(header);
    return event;
  }

  @Nested
  @DisplayName("EventHeader")
  class Header {

    @Test
    @DisplayName("of() builds the id <returnId>/<sequence>/<index>")
    void buildsIds() {
      EventHeader header = EventHeader.of(CASE, 7, 2, AT);

      assertThat(header.eventId()).isEqualTo("R-42/7/2");
      assertThat(header.returnId()).isEqualTo(CASE);
      assertThat(header.historySequence()).isEqualTo(7);
      assertThat(header.occurredAt()).isEqualTo(AT);
      assertThat(EventHeader.of(CASE, 1, 0, AT).eventId()).isEqualTo("R-42/1/0");
    }

    @Test
    @DisplayName("ids are stable for the same command and distinct across commands and events")
    void idsAreStableAndDistinct() {
      assertThat(EventHeader.of(CASE, 7, 2, AT)).isEqualTo(EventHeader.of(CASE, 7, 2, AT));
      assertThat(Stream.of(
              EventHeader.of(CASE, 1, 0, AT), EventHeader.of(CASE, 1, 1, AT),
              EventHeader.of(CASE, 2, 0, AT), EventHeader.of(CASE, 11, 1, AT),
              EventHeader.of(CASE, 1, 11, AT), EventHeader.of(ReturnId.of("R-4"), 21, 1, AT))
          .map(EventHeader::eventId))
          .doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("rejects a history sequence below 1")
    void rejectsSequenceBelowOne() {
      assertThatIllegalArgumentException().isThrownBy(() -> EventHeader.of(CASE, 0, 0, AT))
          .withMessageContaining("historySequence");
    }

    @Test
    @DisplayName("rejects a negative index")
    void rejectsNegativeIndex() {
      assertThatIllegalArgumentException().isThrownBy(() -> EventHeader.of(CASE, 1, -1, AT))
          .withMessageContaining("index");
    }

    @Test
    @DisplayName("events expose their header's case, id and time")
    void eventsDelegateToHeader() {
      ReturnEvent event = new ReturnEvent.ReturnCancelled(EventHeader.of(CASE, 4, 0, AT), "r");

      assertThat(event.returnId()).isEqualTo(CASE);
      assertThat(event.eventId()).isEqualTo("R-42/4/0");
      assertThat(event.occurredAt()).isEqualTo(AT);
      assertThat(event.type()).isEqualTo(EventType.RETURN_CANCELLED);
    }
  }
}
