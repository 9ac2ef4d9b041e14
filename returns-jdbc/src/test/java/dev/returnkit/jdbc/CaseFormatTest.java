package dev.returnkit.jdbc;

import dev.returnkit.spi.json.JsonParser;
import dev.returnkit.spi.json.JsonWriter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The stored format of a case ({@link CaseFormat}) against golden fixtures: JSON that returns-jdbc
 * wrote before the format was made explicit (format 1: the states of a case, cases of a demo
 * run, awkward text and a currency without minor units), each with what it must read back as,
 * written out here. Every later format must keep reading them.
 */
@DisplayName("The stored format of a case")
class CaseFormatTest {

  /** What each format-1 fixture holds: the case, then each line, then each payment. */
  private static final Map<String, List<String>> FORMAT_1 = Map.ofEntries(
        Map.entry("demo-cancelled", List.of(
            "R-000006 CANCELLED v3 #3 due=None shipment=yes outbound=0.00 EUR",
            "1 PUZZLE-1000 APPROVED 2/2/0/0 None None None 0.00-0.00-0.00 paid 0.00",
            "2 EARBUDS APPROVED 1/1/0/0 None None None 0.00-0.00-0.00 paid 0.00",
            "3 MUG-SET REJECTED 1/0/0/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("demo-customer-note", List.of(
            "R-000007 COMPLETED v8 #10 due=None shipment=yes outbound=0.00 EUR",
            "1 BRIEFS-3PK REJECTED 1/0/0/0 None None None 0.00-0.00-0.00 paid 0.00",
            "2 VITAMIN-D APPROVED 2/2/2/2 SELLER RESTOCK REFUND 25.80-0.00-0.00 paid 25.80",
            "3 CABLE-USB-C APPROVED 1/1/1/1 SELLER RESTOCK REFUND 9.99-0.00-0.00 paid 9.99",
            "pay R-000007/2/ITEM_REFUND REFUND 25.80 PAY-2",
            "pay R-000007/3/ITEM_REFUND REFUND 9.99 PAY-3")),
        Map.entry("demo-exchange", List.of(
            "R-000004 COMPLETED v9 #9 due=None shipment=yes outbound=0.00 EUR",
            "1 CHARGER-65W APPROVED 1/1/1/1 SELLER RESTOCK EXCHANGE 0.00-0.00-0.00 paid 0.00")),
        Map.entry("demo-expired", List.of(
            "R-000045 EXPIRED v3 #3 due=None shipment=yes outbound=0.00 EUR",
            "1 SNEAKER-RUN APPROVED 1/1/0/0 None None None 0.00-0.00-0.00 paid 0.00",
            "2 TEE-BASIC APPROVED 1/1/0/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("demo-findings", List.of(
            "R-000021 COMPLETED v10 #11 due=None shipment=yes outbound=0.00 EUR",
            "1 SERUM-FACE APPROVED 1/1/1/1 CARRIER SCRAP STORE_CREDIT 34.00-0.00-0.00 paid 34.00",
            "pay R-000021/1/ITEM_REFUND STORE_CREDIT 34.00 PAY-19")),
        Map.entry("demo-lost-in-transit", List.of(
            "R-000070 COMPLETED v6 #8 due=None shipment=yes outbound=0.00 EUR",
            "1 BRIEFS-3PK REJECTED 1/0/0/0 None None None 0.00-0.00-0.00 paid 0.00",
            "2 PUZZLE-1000 APPROVED 3/3/0/3 CARRIER None REFUND 59.97-0.00-0.00 paid 59.97",
            "3 JEANS-SLIM APPROVED 1/1/0/1 CARRIER None REFUND 59.90-0.00-0.00 paid 59.90",
            "pay R-000070/2/ITEM_REFUND REFUND 59.97 PAY-92",
            "pay R-000070/3/ITEM_REFUND REFUND 59.90 PAY-93")),
        Map.entry("demo-multi-line-fees", List.of(
            "R-000019 COMPLETED v9 #11 due=None shipment=yes outbound=0.00 EUR",
            "1 SNEAKER-RUN APPROVED 1/1/1/1 CUSTOMER RESTOCK_OPEN_BOX REFUND 89.90-0.00-5.95 paid 83.95",
            "3 PUZZLE-1000 APPROVED 1/1/1/1 CUSTOMER REFURBISH STORE_CREDIT 19.99-3.00-0.00 paid 16.99",
            "pay R-000019/1/ITEM_REFUND REFUND 83.95 PAY-42",
            "pay R-000019/3/ITEM_REFUND STORE_CREDIT 16.99 PAY-43")),
        Map.entry("demo-outbound-refund", List.of(
            "R-000025 COMPLETED v9 #11 due=None shipment=yes outbound=4.95 EUR",
            "1 MUG-SET APPROVED 1/1/1/1 SELLER REFURBISH REFUND 24.00-0.00-0.00 paid 24.00",
            "pay R-000025/1/ITEM_REFUND REFUND 24.00 PAY-14",
            "pay R-000025/OUTBOUND_SHIPPING_REFUND REFUND 4.95 PAY-15")),
        Map.entry("demo-rejected", List.of(
            "R-000013 REJECTED v1 #1 due=None shipment=no outbound=0.00 EUR",
            "1 BLENDER-PRO REJECTED 1/0/0/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("demo-repair", List.of(
            "R-000015 COMPLETED v8 #8 due=None shipment=yes outbound=0.00 EUR",
            "1 BLENDER-PRO APPROVED 1/1/1/1 SUPPLIER RETURN_TO_SUPPLIER REPAIR 0.00-0.00-0.00 paid 0.00",
            "2 SANDAL-BEACH APPROVED 1/1/1/1 CUSTOMER RESTOCK EXCHANGE 0.00-0.00-0.00 paid 0.00")),
        Map.entry("demo-returnless", List.of(
            "R-000032 COMPLETED v3 #4 due=None shipment=no outbound=0.00 EUR",
            "1 CABLE-USB-C APPROVED 1/1/0/1 SELLER None REPAIR 0.00-0.00-0.00 paid 0.00")),
        Map.entry("demo-reviewed-rejected", List.of(
            "R-000072 REJECTED v2 #2 due=None shipment=no outbound=0.00 EUR",
            "1 SWIM-SUIT REJECTED 1/0/0/0 None None None 0.00-0.00-0.00 paid 0.00",
            "2 PAN-CAST REJECTED 1/0/0/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("demo-store-credit", List.of(
            "R-000012 COMPLETED v10 #11 due=None shipment=yes outbound=0.00 EUR",
            "1 SNEAKER-RUN APPROVED 1/1/1/1 SELLER REFURBISH STORE_CREDIT 89.90-0.00-0.00 paid 89.90",
            "pay R-000012/1/ITEM_REFUND STORE_CREDIT 89.90 PAY-51")),
        Map.entry("special-text-and-jpy", List.of(
            "R-ü-7 COMPLETED v6 #6 due=None shipment=yes outbound=0 JPY",
            "L/1% TEAPOT-é APPROVED 3/2/2/1 CUSTOMER REFURBISH STORE_CREDIT 4500-675-600 paid 3225",
            "pay R-%C3%BC-7/L%2F1%25/ITEM_REFUND STORE_CREDIT 3225 GC-99")),
        Map.entry("state-approved", List.of(
            "R-1 APPROVED v1 #1 due=2026-03-11T10:00:00Z shipment=no outbound=0.00 EUR",
            "L-1 SKU-KETTLE APPROVED 2/2/0/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("state-awaiting-return", List.of(
            "R-1 AWAITING_RETURN v2 #2 due=2026-03-25T10:00:00Z shipment=yes outbound=0.00 EUR",
            "L-1 SKU-KETTLE APPROVED 2/2/0/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("state-cancelled", List.of(
            "R-1 CANCELLED v2 #2 due=None shipment=no outbound=0.00 EUR",
            "L-1 SKU-KETTLE APPROVED 2/2/0/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("state-completed", List.of(
            "R-1 COMPLETED v6 #7 due=None shipment=yes outbound=0.00 EUR",
            "L-1 SKU-KETTLE APPROVED 2/2/2/2 SELLER RESTOCK REFUND 60.00-0.00-0.00 paid 60.00",
            "pay R-1/L-1/ITEM_REFUND REFUND 60.00 PAY-R-1/L-1/ITEM_REFUND")),
        Map.entry("state-delivered", List.of(
            "R-1 DELIVERED v4 #4 due=2026-03-16T10:00:00Z shipment=yes outbound=0.00 EUR",
            "L-1 SKU-KETTLE APPROVED 2/2/0/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("state-expired", List.of(
            "R-1 EXPIRED v3 #3 due=None shipment=yes outbound=0.00 EUR",
            "L-1 SKU-KETTLE APPROVED 2/2/0/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("state-in-review", List.of(
            "R-1 IN_REVIEW v1 #1 due=2026-03-12T10:00:00Z shipment=no outbound=0.00 EUR",
            "L-1 SKU-KETTLE IN_REVIEW 2/0/0/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("state-in-transit", List.of(
            "R-1 IN_TRANSIT v3 #3 due=2026-03-22T10:00:00Z shipment=yes outbound=0.00 EUR",
            "L-1 SKU-KETTLE APPROVED 2/2/0/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("state-inspected", List.of(
            "R-1 INSPECTED v4 #4 due=2026-03-15T10:00:00Z shipment=yes outbound=0.00 EUR",
            "L-1 SKU-KETTLE APPROVED 2/2/2/2 SELLER RESTOCK None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("state-lost-in-transit", List.of(
            "R-1 LOST_IN_TRANSIT v4 #4 due=2026-03-14T10:00:00Z shipment=yes outbound=0.00 EUR",
            "L-1 SKU-KETTLE APPROVED 2/2/0/2 CARRIER None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("state-received", List.of(
            "R-1 RECEIVED v3 #3 due=2026-03-16T10:00:00Z shipment=yes outbound=0.00 EUR",
            "L-1 SKU-KETTLE APPROVED 2/2/2/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("state-rejected", List.of(
            "R-1 REJECTED v1 #1 due=None shipment=no outbound=0.00 EUR",
            "L-1 SKU-KETTLE REJECTED 2/0/0/0 None None None 0.00-0.00-0.00 paid 0.00")),
        Map.entry("state-settling", List.of(
            "R-1 SETTLING v5 #5 due=2026-03-15T10:00:00Z shipment=yes outbound=0.00 EUR",
            "L-1 SKU-KETTLE APPROVED 2/2/2/2 SELLER RESTOCK REFUND 60.00-0.00-0.00 paid 0.00",
            "pay R-1/L-1/ITEM_REFUND REFUND 60.00 None"))
  );

  /** Fields a stored case may leave out or null; every other field is required. */
  private static final Set<String> OPTIONAL = Set.of("dueAt", "shipment", "labelUrl",
      "customerNote", "inspection", "note", "liability", "disposition", "settlementMethod",
      "payments[].orderLineId", "providerReference", "paidAt");

  static Stream<String> format1Fixtures() {
    return FORMAT_1.keySet().stream().sorted();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("format1Fixtures")
  @DisplayName("format 1 reads back as it was stored, and reads back equal once written again")
  void format1ReadsBack(String name) {
    String stored = fixture("v1/cases/" + name + ".json");

    ReturnCaseSnapshot read = CaseFormat.read(stored, 1, name);

    assertThat(summary(read)).containsExactlyElementsOf(FORMAT_1.get(name));
    assertThat(CaseFormat.read(CaseFormat.write(read), CaseFormat.CURRENT, name))
        .isEqualTo(read);
  }

  @Test
  @DisplayName("a unit price of formats 1 and 2 reads as that price times the units bought, "
      + "untaxed and undiscounted")
  void unitPriceOfFormat1() {
    ReturnCaseSnapshot read = CaseFormat.read(fixture("v1/cases/demo-cancelled.json"), 1,
        "R-1");

    assertThat(read.lines()).extracting(ReturnLineSnapshot::orderLinePaid).containsExactly(
        LineValue.untaxed(Money.of("39.98", "EUR")), LineValue.untaxed(Money.of("79.00", "EUR")),
        LineValue.untaxed(Money.of("16.80", "EUR")));
  }

  @Test
  @DisplayName("format 3 gives a line what was paid for its order line (gross, tax, discount) "
      + "and the tax it refunds, a payment its tender; reads it back and writes it again byte "
      + "for byte; format 2 has no such field")
  void format3OrderLinePaid() {
    String stored = fixture("v3/cases/taxed-discounted-line.json");

    ReturnCaseSnapshot read = CaseFormat.read(stored, 3, "R-3");

    assertThat(read.lines().get(0).orderLinePaid()).isEqualTo(new LineValue(
        Money.of("270.00", "EUR"), Money.of("43.11", "EUR"), Money.of("30.00", "EUR")));
    assertThat(read.lines().get(0).money().refundTax()).isEqualTo(Money.of("28.74", "EUR"));
    assertThat(read.lines().get(0).money().discountShare()).isEqualTo(Money.of("20.00", "EUR"));
    assertThat(read.payments().get(0).tender()).isEqualTo(new Tender(TenderType.CARD, "PSP-3",
        Money.of("270.00", "EUR")));
    assertThat(CaseFormat.write(read)).isEqualTo(stored);
    assertThatThrownBy(() -> CaseFormat.read(stored, 2, "R-3"))
        .isInstanceOf(StoredFormatException.class)
        .hasMessage("stored case R-3 (format 2): lines[0].orderLinePaid: not a field of this "
            + "format");
  }

  @Test
  @DisplayName("format 4 marks a line exchanged in advance, only when it is (a case without "
      + "one is written as format 3 wrote it); reads it back and writes it again byte for "
      + "byte; format 3 has no such field")
  void format4AdvanceExchange() {
    String stored = fixture("v4/cases/advance-exchange-charged.json");

    ReturnCaseSnapshot read = CaseFormat.read(stored, 4, "R-4");

    assertThat(read.lines().get(0).advanceExchange()).isTrue();
    assertThat(read.lines().get(0).quantities().accepted()).isZero();
    assertThat(read.payments()).singleElement().satisfies(charge -> {
      assertThat(charge.purpose()).isEqualTo(PaymentPurpose.ADVANCE_REPLACEMENT);
      assertThat(charge.kind()).isEqualTo(PaymentKind.CHARGE);
      assertThat(charge.amount()).isEqualTo(Money.of("55.00", "EUR"));
    });
    assertThat(CaseFormat.write(read)).isEqualTo(stored);
    assertThat(CaseFormat.CURRENT).isEqualTo(4);
    assertThatThrownBy(() -> CaseFormat.read(stored, 3, "R-4"))
        .isInstanceOf(StoredFormatException.class)
        .hasMessage("stored case R-4 (format 3): lines[0].advanceExchange: not a field of this "
            + "format");
    String format3 = fixture("v3/cases/taxed-discounted-line.json");
    assertThat(CaseFormat.write(CaseFormat.read(format3, 4, "R-3"))).isEqualTo(format3);
  }

  @Test
  @DisplayName("format 2 adds when the case recorded its shipment, reads it back equal once "
      + "written again; format 1 has no such field")
  void format2ArrangedAt() {
    String stored = fixture("v2/cases/shipment-arranged-at.json");

    ReturnCaseSnapshot read = CaseFormat.read(stored, 2, "R-000059");

    assertThat(read.shipment().arrangedAt())
        .isEqualTo(java.time.Instant.parse("2026-03-02T08:15:00.123456Z"));
    assertThat(read.shipment().trackingNumber()).isEqualTo("RK000059");
    assertThat(CaseFormat.read(CaseFormat.write(read), CaseFormat.CURRENT, "R-000059"))
        .isEqualTo(read);
    assertThatThrownBy(() -> CaseFormat.read(stored, 1, "R-000059"))
        .isInstanceOf(StoredFormatException.class)
        .hasMessage("stored case R-000059 (format 1): shipment.arrangedAt: not a field of this "
            + "format");
    // Read as format 2, a format-1 case is the same case: the new field is optional.
    String older = fixture("v1/cases/demo-lost-in-transit.json");
    assertThat(CaseFormat.read(older, 2, "R-000059"))
        .isEqualTo(CaseFormat.read(older, 1, "R-000059"));
  }

  @Test
  @DisplayName("every format-1 fixture is in the table above")
  void everyFixtureIsChecked() throws IOException {
    try (Stream<Path> files = Files.list(directory("v1/cases"))) {
      assertThat(files.map(file -> file.getFileName().toString().replace(".json", "")))
          .containsExactlyInAnyOrderElementsOf(FORMAT_1.keySet());
    }
  }

  @Test
  @DisplayName("keeps text exactly: quotes, backslashes, control characters, emoji, lone surrogates")
  void awkwardText() {
    ReturnCaseSnapshot read = CaseFormat.read(fixture("v1/cases/special-text-and-jpy.json"), 1,
        "R-\u00fc-7");
    ReturnLineSnapshot line = read.lines().get(0);

    assertThat(line.customerNote())
        .isEqualTo("It \"leaks\"\\\n\ttab \u0001 emoji \ud83e\uded6 lone \ud800 end");
    assertThat(line.category()).isEqualTo("kitchen & dining");
    assertThat(line.inspection().note()).isEqualTo("lid chipped \u2014 see photo");
    assertThat(line.inspection().grade()).isEqualTo(ItemGrade.C);
    assertThat(line.inspection().findings()).containsExactly(
        InspectionFinding.MISSING_ACCESSORIES, InspectionFinding.SIGNS_OF_USE);
    assertThat(read.requestedAt()).hasToString("2026-03-10T10:00:00.123456Z");
    assertThat(read.shipment().labelUrl()).isNull();
    SettlementPayment payment = read.payments().get(0);
    assertThat(payment.orderLineId()).isEqualTo(OrderLineId.of("L/1%"));
    assertThat(payment.paidAt()).hasToString("2026-03-11T09:53:20.123456Z");
  }

  @Test
  @DisplayName("reads a customer's note and an inspection's findings of a demo case")
  void notesAndFindings() {
    assertThat(CaseFormat.read(fixture("v1/cases/demo-customer-note.json"), 1, "R-000007")
        .lines().get(0).customerNote()).isEqualTo("Bought two sizes, keeping the other one");
    assertThat(CaseFormat.read(fixture("v1/cases/demo-findings.json"), 1, "R-000021")
        .lines().get(0).inspection().findings()).containsExactly(
            InspectionFinding.PACKAGING_DAMAGED, InspectionFinding.ITEM_DAMAGED);
  }

  @Nested
  @DisplayName("refuses, naming the case, the format and the field,")
  class Refusals {

    private final String stored = fixture("v1/cases/special-text-and-jpy.json");

    @Test
    @DisplayName("every required field left out, and reads an optional one left out as null")
    void missingFields() {
      Object tree = new JsonParser(stored).parseDocument();
      List<String> paths = new ArrayList<>();
      fieldPaths(tree, "", paths);
      assertThat(paths).hasSizeGreaterThan(50);

      for (String path : paths) {
        String withoutIt = json(without(tree, path));
        if (OPTIONAL.contains(lastName(path))
            || OPTIONAL.contains(path.replaceAll("\\[\\d+\\]", "[]"))) {
          // Absent reads as null, which the case itself may then refuse (a paid payment without
          // its reference), but never as "missing".
          Throwable refused = catchThrowable(() -> CaseFormat.read(withoutIt, 1, "R-1"));
          if (refused != null) {
            assertThat(refused).as(path).isInstanceOf(StoredFormatException.class)
                .hasMessageContaining("makes no valid value");
          }
        } else {
          assertThatThrownBy(() -> CaseFormat.read(withoutIt, 1, "R-1")).as(path)
              .isInstanceOf(StoredFormatException.class)
              .hasMessage("stored case R-1 (format 1): " + path + ": missing");
        }
      }
    }

    @Test
    @DisplayName("a required field that is null")
    void nullField() {
      assertThatThrownBy(() -> CaseFormat.read(stored.replace("\"status\":\"COMPLETED\"",
          "\"status\":null"), 1, "R-1"))
          .isInstanceOf(StoredFormatException.class)
          .hasMessage("stored case R-1 (format 1): status: must not be null");
    }

    @Test
    @DisplayName("values of the wrong type or out of their set")
    void wrongValues() {
      record Bad(String from, String to, String message) {}
      for (Bad bad : List.of(
          new Bad("\"requested\":3", "\"requested\":\"3\"",
              "lines[0].quantities.requested: must be a whole number, got '3'"),
          new Bad("\"requested\":3", "\"requested\":3.5",
              "lines[0].quantities.requested: must be a whole number, got 3.5"),
          new Bad("\"status\":\"COMPLETED\"", "\"status\":\"DONE\"",
              "status: 'DONE' is not a ReturnStatus"),
          new Bad("\"amount\":\"4500\"", "\"amount\":\"45,00\"",
              "lines[0].unitPrice.amount: must be a decimal, got '45,00'"),
          new Bad("\"requestedAt\":\"2026-03-10T10:00:00.123456Z\"", "\"requestedAt\":\"today\"",
              "requestedAt: must be an instant such as 2026-03-10T10:00:00Z, got 'today'"),
          new Bad("\"verdictCodes\":[", "\"verdictCodes\":[null,",
              "lines[0].verdictCodes[0]: must not be null"),
          new Bad("\"outboundShippingPaid\":{\"amount\":\"600\",\"currency\":\"JPY\"}",
              "\"outboundShippingPaid\":[\"600\"]",
              "outboundShippingPaid: must be an object, got an array"),
          new Bad("\"returnless\":false", "\"returnless\":false,\"returnlessReason\":\"x\"",
              "lines[0].returnlessReason: not a field of this format"))) {
        assertThat(stored).contains(bad.from());
        assertThatThrownBy(() -> CaseFormat.read(stored.replaceFirst(
            java.util.regex.Pattern.quote(bad.from()),
            java.util.regex.Matcher.quoteReplacement(bad.to())), 1, "R-1"))
            .as(bad.message()).isInstanceOf(StoredFormatException.class)
            .hasMessageStartingWith("stored case R-1 (format 1): " + bad.message());
      }
    }

    @Test
    @DisplayName("values a case cannot hold, with the case's own reason")
    void invalidCase() {
      assertThatThrownBy(() -> CaseFormat.read(stored.replace("\"accepted\":1",
          "\"accepted\":3"), 1, "R-1"))
          .isInstanceOf(StoredFormatException.class)
          .hasMessage("stored case R-1 (format 1): lines[0].quantities: makes no valid value: "
              + "accepted 3 must be between 0 and approved 2");
    }

    @Test
    @DisplayName("text that is not JSON, and a format it does not know")
    void notJsonOrUnknownFormat() {
      assertThatThrownBy(() -> CaseFormat.read(stored.substring(0, 100), 1, "R-1"))
          .isInstanceOf(StoredFormatException.class)
          .hasMessageStartingWith("stored case R-1 (format 1) is not JSON: ");
      assertThatThrownBy(() -> CaseFormat.read(stored, 5, "R-1"))
          .isInstanceOf(StoredFormatException.class)
          .hasMessage("stored case R-1 (format 5): this returns-jdbc reads formats 1 to 4; the "
              + "row was written by another version");
      assertThatThrownBy(() -> CaseFormat.read(stored, 0, "R-1"))
          .isInstanceOf(StoredFormatException.class)
          .hasMessageStartingWith("stored case R-1 (format 0): this returns-jdbc reads formats 1");
    }
  }

  /** One line per case, line and payment, as the FORMAT_1 table has them. */
  static List<String> summary(ReturnCaseSnapshot c) {
    List<String> lines = new ArrayList<>();
    lines.add(c.id() + " " + c.status() + " v" + c.version() + " #" + c.historyHead().sequence()
        + " due=" + or(c.dueAt()) + " shipment=" + (c.shipment() == null ? "no" : "yes")
        + " outbound=" + c.outboundShippingRefund().amount().toPlainString() + " "
        + c.currency().getCurrencyCode());
    for (ReturnLineSnapshot l : c.lines()) {
      lines.add(l.orderLineId() + " " + l.sku() + " " + l.verdict() + " "
          + l.quantities().requested() + "/" + l.quantities().approved() + "/"
          + l.quantities().received() + "/" + l.quantities().accepted() + " " + or(l.liability())
          + " " + or(l.disposition()) + " " + or(l.settlementMethod()) + " "
          + l.money().itemRefund().amount().toPlainString() + "-"
          + l.money().restockingFee().amount().toPlainString() + "-"
          + l.money().returnShippingCharge().amount().toPlainString() + " paid "
          + l.money().paidOut().amount().toPlainString());
    }
    for (SettlementPayment p : c.payments()) {
      lines.add("pay " + p.idempotencyKey() + " " + p.kind() + " "
          + p.amount().amount().toPlainString() + " " + or(p.providerReference()));
    }
    return lines;
  }

  private static String or(Object value) {
    return value == null ? "None" : value.toString();
  }

  static String fixture(String name) {
    try {
      return Files.readString(directory(name), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path directory(String name) {
    try {
      return Path.of(Objects.requireNonNull(CaseFormatTest.class.getResource(
          "/stored-format/" + name), name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A parsed document written again (every number in the format is a whole number). */
  private static String json(Object node) {
    JsonWriter out = new JsonWriter(2048);
    write(out, node);
    return out.toString();
  }

  private static void write(JsonWriter out, Object node) {
    if (node instanceof Map<?, ?> object) {
      out.beginObject();
      object.forEach((name, value) -> write(out.name((String) name), value));
      out.endObject();
    } else if (node instanceof List<?> items) {
      out.beginArray();
      items.forEach(item -> write(out, item));
      out.endArray();
    } else if (node instanceof String text) {
      out.string(text);
    } else if (node instanceof java.math.BigDecimal number) {
      out.number(number.longValueExact());
    } else if (node instanceof Boolean bool) {
      out.bool(bool);
    } else {
      out.nullValue();
    }
  }

  /** The path of every field of every object in a parsed document. */
  private static void fieldPaths(Object node, String path, List<String> paths) {
    if (node instanceof Map<?, ?> object) {
      for (Map.Entry<?, ?> field : object.entrySet()) {
        String child = path.isEmpty() ? (String) field.getKey() : path + "." + field.getKey();
        paths.add(child);
        fieldPaths(field.getValue(), child, paths);
      }
    } else if (node instanceof List<?> items) {
      for (int i = 0; i < items.size(); i++) {
        fieldPaths(items.get(i), path + "[" + i + "]", paths);
      }
    }
  }

  /** A copy of a parsed document without the field at a path. */
  private static Object without(Object node, String path) {
    if (node instanceof Map<?, ?> object) {
      Map<String, Object> copy = new LinkedHashMap<>();
      for (Map.Entry<?, ?> field : object.entrySet()) {
        String name = (String) field.getKey();
        if (path.equals(name)) {
          continue;
        }
        copy.put(name, path.startsWith(name + ".") || path.startsWith(name + "[")
            ? without(field.getValue(), path.substring(name.length()).replaceFirst("^\\.", ""))
            : field.getValue());
      }
      return copy;
    }
    if (node instanceof List<?> items && path.startsWith("[")) {
      int end = path.indexOf(']');
      int index = Integer.parseInt(path.substring(1, end));
      List<Object> copy = new ArrayList<>(items);
      copy.set(index, without(items.get(index), path.substring(end + 1).replaceFirst("^\\.",
          "")));
      return copy;
    }
    return node;
  }

  private static String lastName(String path) {
    return path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[\\d+\\]$", "");
  }
}
