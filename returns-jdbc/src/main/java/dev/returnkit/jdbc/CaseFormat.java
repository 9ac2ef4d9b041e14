package dev.returnkit.jdbc;

import dev.returnkit.spi.json.JsonWriter;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.ShipmentArrangement;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.LineMoney;
import dev.returnkit.spi.storage.LineQuantities;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Inspection;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Currency;
import java.util.HashSet;
import java.util.Set;

/**
 * The stored form of a case: returns-jdbc's own, explicit JSON format, field by field, with its
 * version in every row ({@code rk_return_case.snapshot_format}).
 *
 * <p>Why written by hand rather than with Jackson: the adapter depends on the SPI only, so a
 * host never meets a second Jackson version through it; and the field list below, not the
 * SPI's record components, is the format, so renaming a component in Java cannot change what is
 * stored or make old rows read as nulls. Reading is strict: a required field missing or null, a
 * value of the wrong type, an unknown field or an unknown format version is a
 * {@link StoredFormatException} naming the case, the format and the field, never a zero.
 * Optional fields (a case's due time, shipment, a line's note, inspection, decisions) may be
 * null or absent.
 *
 * <p>Format 1 is what returns-jdbc wrote from its first release: identifiers as
 * {@code {"value": ...}}, money as {@code {"amount": "10.50", "currency": "EUR"}}, instants and
 * enum constants as strings. Format 2 adds {@code shipment.arrangedAt}, when the case recorded
 * its shipment (carrier reports dated before it are refused); it is omitted when unknown, so a
 * case without it is written exactly as format 1 wrote it. Format 3 gives each line what was
 * paid for its whole order line, {@code orderLinePaid: {gross, tax, discount}}, where formats 1
 * and 2 held a {@code unitPrice} (read as that price times the ordered quantity, untaxed and
 * undiscounted); a line's money adds {@code refundTax}, {@code discountShare} and
 * {@code clawback}, and a payment the {@code tender} it goes back to ({@code {type, reference,
 * captured}}, null for store credit) and a line an exchange's {@code replacement} ({@code {sku,
 * quantity, unitPrice}}, left out when there is none). Format 4 marks a line exchanged in
 * advance ({@code "advanceExchange": true}, left out when it is not, so a case without one is
 * written exactly as format 3 wrote it). A later format gets a new number;
 * every format stays readable (golden fixtures of each are tested). Stateless and thread-safe.
 */
final class CaseFormat {

  /** The format this version writes. */
  static final int CURRENT = 4;

  /** The columns a case is read from, for {@link #read(ResultSet)}: form, format and id. */
  static final String COLUMNS = "snapshot, snapshot_format, return_id";

  private static final Set<String> CASE_FIELDS = Set.of("id", "version", "historyHead",
      "orderId", "customerId", "status", "requestedAt", "updatedAt", "dueAt",
      "returnShippingPaidBy", "shipment", "lines", "outboundShippingPaid",
      "outboundShippingRefund", "payments");
  private static final Set<String> LINE_FIELDS_1 = Set.of("orderLineId", "sku", "category",
      "unitPrice", "orderedQuantity", "reason", "resolution", "customerNote", "verdict",
      "verdictCodes", "returnless", "quantities", "inspection", "liability", "disposition",
      "settlementMethod", "money");
  /**
   * Format 3 holds what was paid for the order line instead of a unit price, and an exchange's
   * replacement (omitted when there is none).
   */
  private static final Set<String> LINE_FIELDS_3 = Set.of("replacement", "orderLineId", "sku",
      "category", "orderLinePaid", "orderedQuantity", "reason", "resolution", "customerNote", "verdict",
      "verdictCodes", "returnless", "quantities", "inspection", "liability", "disposition",
      "settlementMethod", "money");
  /** Format 4 marks a line exchanged in advance (omitted when it is not). */
  private static final Set<String> LINE_FIELDS_4 = union(LINE_FIELDS_3, "advanceExchange");
  private static final Set<String> PAYMENT_FIELDS_1 = Set.of("idempotencyKey", "orderLineId",
      "purpose", "kind", "amount", "providerReference", "paidAt");
  /** Format 3 adds the tender a payment goes back to. */
  private static final Set<String> PAYMENT_FIELDS_3 = Set.of("idempotencyKey", "orderLineId",
      "purpose", "kind", "amount", "tender", "providerReference", "paidAt");
  private static final Set<String> TENDER_FIELDS = Set.of("type", "reference", "captured");
  private static final Set<String> SHIPMENT_FIELDS = Set.of("carrier", "trackingNumber",
      "method", "labelUrl", "dropOffDeadline");
  /** Format 2 adds when the case recorded its shipment (omitted when unknown). */
  private static final Set<String> SHIPMENT_FIELDS_2 = Set.of("carrier", "trackingNumber",
      "method", "labelUrl", "dropOffDeadline", "arrangedAt");
  private static final Set<String> QUANTITY_FIELDS =
      Set.of("requested", "approved", "received", "accepted");
  private static final Set<String> LINE_MONEY_FIELDS_1 =
      Set.of("itemRefund", "restockingFee", "returnShippingCharge", "paidOut");
  /** Format 3 adds the tax refunded, the discount share and a clawback. */
  private static final Set<String> LINE_MONEY_FIELDS_3 = Set.of("itemRefund", "restockingFee",
      "returnShippingCharge", "paidOut", "refundTax", "discountShare", "clawback");
  private static final Set<String> INSPECTION_FIELDS = Set.of("grade", "findings", "note");
  private static final Set<String> MONEY_FIELDS = Set.of("amount", "currency");
  private static final Set<String> LINE_VALUE_FIELDS = Set.of("gross", "tax", "discount");
  private static final Set<String> REPLACEMENT_FIELDS = Set.of("sku", "quantity", "unitPrice");
  private static final Set<String> HEAD_FIELDS = Set.of("sequence", "hash");
  private static final Set<String> ID_FIELDS = Set.of("value");

  private CaseFormat() {}

  private static Set<String> union(Set<String> fields, String added) {
    Set<String> all = new HashSet<>(fields);
    all.add(added);
    return Set.copyOf(all);
  }

  // ---------------------------------------------------------------------------------------
  // Writing (format 4)

  /**
   * The stored form of a case, in the {@link #CURRENT} format.
   *
   * @param c the case
   * @return its JSON
   */
  static String write(ReturnCaseSnapshot c) {
    JsonWriter out = new JsonWriter(1024).beginObject();
    id(out.name("id"), c.id().value());
    out.name("version").number(c.version());
    out.name("historyHead").beginObject().name("sequence").number(c.historyHead().sequence())
        .name("hash").string(c.historyHead().hash()).endObject();
    id(out.name("orderId"), c.orderId().value());
    id(out.name("customerId"), c.customerId().value());
    out.name("status").string(c.status().name());
    out.name("requestedAt").string(c.requestedAt().toString());
    out.name("updatedAt").string(c.updatedAt().toString());
    out.name("dueAt").string(text(c.dueAt()));
    out.name("returnShippingPaidBy").string(c.returnShippingPaidBy().name());
    out.name("shipment");
    shipment(out, c.shipment());
    out.name("lines").beginArray();
    c.lines().forEach(line -> line(out, line));
    out.endArray();
    money(out.name("outboundShippingPaid"), c.outboundShippingPaid());
    money(out.name("outboundShippingRefund"), c.outboundShippingRefund());
    out.name("payments").beginArray();
    c.payments().forEach(payment -> payment(out, payment));
    return out.endArray().endObject().toString();
  }

  private static void line(JsonWriter out, ReturnLineSnapshot line) {
    out.beginObject();
    id(out.name("orderLineId"), line.orderLineId().value());
    id(out.name("sku"), line.sku().value());
    out.name("category").string(line.category());
    out.name("orderLinePaid").beginObject();
    money(out.name("gross"), line.orderLinePaid().gross());
    money(out.name("tax"), line.orderLinePaid().tax());
    money(out.name("discount"), line.orderLinePaid().discount());
    out.endObject();
    out.name("orderedQuantity").number(line.orderedQuantity());
    out.name("reason").string(line.reason().name());
    out.name("resolution").string(line.resolution().name());
    out.name("customerNote").string(line.customerNote());
    out.name("verdict").string(line.verdict().name());
    out.name("verdictCodes").beginArray();
    line.verdictCodes().forEach(out::string);
    out.endArray();
    out.name("returnless").bool(line.returnless());
    LineQuantities q = line.quantities();
    out.name("quantities").beginObject().name("requested").number(q.requested())
        .name("approved").number(q.approved()).name("received").number(q.received())
        .name("accepted").number(q.accepted()).endObject();
    out.name("inspection");
    if (line.inspection() == null) {
      out.nullValue();
    } else {
      out.beginObject().name("grade").string(line.inspection().grade().name());
      out.name("findings").beginArray();
      line.inspection().findings().forEach(finding -> out.string(finding.name()));
      out.endArray().name("note").string(line.inspection().note()).endObject();
    }
    out.name("liability").string(name(line.liability()));
    out.name("disposition").string(name(line.disposition()));
    out.name("settlementMethod").string(name(line.settlementMethod()));
    LineMoney m = line.money();
    out.name("money").beginObject();
    money(out.name("itemRefund"), m.itemRefund());
    money(out.name("restockingFee"), m.restockingFee());
    money(out.name("returnShippingCharge"), m.returnShippingCharge());
    money(out.name("paidOut"), m.paidOut());
    money(out.name("refundTax"), m.refundTax());
    money(out.name("discountShare"), m.discountShare());
    money(out.name("clawback"), m.clawback());
    out.endObject();
    if (line.replacement() != null) {
      out.name("replacement").beginObject();
      id(out.name("sku"), line.replacement().sku().value());
      out.name("quantity").number(line.replacement().quantity());
      money(out.name("unitPrice"), line.replacement().unitPrice());
      out.endObject();
    }
    if (line.advanceExchange()) {
      out.name("advanceExchange").bool(true);
    }
    out.endObject();
  }

  private static void payment(JsonWriter out, SettlementPayment payment) {
    out.beginObject().name("idempotencyKey").string(payment.idempotencyKey());
    out.name("orderLineId");
    if (payment.orderLineId() == null) {
      out.nullValue();
    } else {
      id(out, payment.orderLineId().value());
    }
    out.name("purpose").string(payment.purpose().name());
    out.name("kind").string(payment.kind().name());
    money(out.name("amount"), payment.amount());
    out.name("tender");
    if (payment.tender() == null) {
      out.nullValue();
    } else {
      out.beginObject().name("type").string(payment.tender().type().name())
          .name("reference").string(payment.tender().reference());
      money(out.name("captured"), payment.tender().captured());
      out.endObject();
    }
    out.name("providerReference").string(payment.providerReference());
    out.name("paidAt").string(text(payment.paidAt())).endObject();
  }

  private static void shipment(JsonWriter out, ShipmentArrangement shipment) {
    if (shipment == null) {
      out.nullValue();
      return;
    }
    out.beginObject().name("carrier").string(shipment.carrier())
        .name("trackingNumber").string(shipment.trackingNumber())
        .name("method").string(shipment.method().name())
        .name("labelUrl").string(shipment.labelUrl())
        .name("dropOffDeadline").string(shipment.dropOffDeadline().toString());
    if (shipment.arrangedAt() != null) {
      out.name("arrangedAt").string(shipment.arrangedAt().toString());
    }
    out.endObject();
  }

  private static void id(JsonWriter out, String value) {
    out.beginObject().name("value").string(value).endObject();
  }

  private static void money(JsonWriter out, Money money) {
    out.beginObject().name("amount").decimal(money.amount())
        .name("currency").string(money.currency().getCurrencyCode()).endObject();
  }

  private static String text(Instant instant) {
    return instant == null ? null : instant.toString();
  }

  private static String name(Enum<?> constant) {
    return constant == null ? null : constant.name();
  }

  // ---------------------------------------------------------------------------------------
  // Reading

  /**
   * Reads a stored case from a row selected with {@link #COLUMNS} first.
   *
   * @param row the row
   * @return the case
   * @throws StoredFormatException as {@link #read(String, int, String)}
   */
  static ReturnCaseSnapshot read(ResultSet row) throws SQLException {
    return read(row.getString(1), row.getInt(2), row.getString(3));
  }

  /**
   * Reads a stored case.
   *
   * @param json the stored JSON
   * @param format the format its row records
   * @param returnId the row's case id, for messages
   * @return the case
   * @throws StoredFormatException if it does not read as that format, or the format is unknown
   */
  static ReturnCaseSnapshot read(String json, int format, String returnId) {
    String document = "stored case " + returnId + " (format " + format + ")";
    if (format < 1 || format > CURRENT) {
      throw new StoredFormatException(document + ": this returns-jdbc reads formats 1 to "
          + CURRENT + "; the row was written by another version", null);
    }
    StoredJson c = StoredJson.parse(json, document).only(CASE_FIELDS);
    return c.build(root -> ReturnCaseSnapshot.builder()
        .id(ReturnId.of(id(root.required("id"))))
        .version(root.required("version").longInteger())
        .historyHead(head(root.required("historyHead")))
        .orderId(OrderId.of(id(root.required("orderId"))))
        .customerId(CustomerId.of(id(root.required("customerId"))))
        .status(root.required("status").constant(ReturnStatus.class))
        .requestedAt(root.required("requestedAt").instant())
        .updatedAt(root.required("updatedAt").instant())
        .dueAt(instantOrNull(root.optional("dueAt")))
        .returnShippingPaidBy(root.required("returnShippingPaidBy")
            .constant(ReturnShippingPayer.class))
        .shipment(root.optional("shipment") == null ? null
            : shipment(root.required("shipment"), format))
        .lines(root.required("lines").list(line -> line(line, format)))
        .outboundShippingPaid(money(root.required("outboundShippingPaid")))
        .outboundShippingRefund(money(root.required("outboundShippingRefund")))
        .payments(root.required("payments").list(payment -> payment(payment, format)))
        .build());
  }

  private static ReturnLineSnapshot line(StoredJson line, int format) {
    line.only(format < 3 ? LINE_FIELDS_1 : format < 4 ? LINE_FIELDS_3 : LINE_FIELDS_4);
    return line.build(l -> paid(ReturnLineSnapshot.builder(), l, format)
        .orderLineId(OrderLineId.of(id(l.required("orderLineId"))))
        .sku(Sku.of(id(l.required("sku"))))
        .category(l.required("category").text())
        .orderedQuantity(l.required("orderedQuantity").integer())
        .reason(l.required("reason").constant(ReturnReason.class))
        .resolution(l.required("resolution").constant(Resolution.class))
        .customerNote(textOrNull(l.optional("customerNote")))
        .verdict(l.required("verdict").constant(LineVerdict.class))
        .verdictCodes(l.required("verdictCodes").list(StoredJson::text))
        .returnless(l.required("returnless").bool())
        .quantities(quantities(l.required("quantities")))
        .inspection(l.optional("inspection") == null ? null
            : inspection(l.required("inspection")))
        .liability(constantOrNull(l.optional("liability"), Liability.class))
        .disposition(constantOrNull(l.optional("disposition"), Disposition.class))
        .settlementMethod(constantOrNull(l.optional("settlementMethod"), Resolution.class))
        .money(lineMoney(l.required("money"), format))
        .replacement(format < 3 || l.optional("replacement") == null ? null
            : replacement(l.required("replacement")))
        .advanceExchange(format >= 4 && l.optional("advanceExchange") != null
            && l.required("advanceExchange").bool())
        .build());
  }

  private static ReturnLineSnapshot.Builder paid(ReturnLineSnapshot.Builder line, StoredJson l,
      int format) {
    if (format < 3) {
      return line.unitPrice(money(l.required("unitPrice")));
    }
    StoredJson paid = l.required("orderLinePaid");
    paid.only(LINE_VALUE_FIELDS);
    return line.orderLinePaid(paid.build(v -> new LineValue(money(v.required("gross")),
        money(v.required("tax")), money(v.required("discount")))));
  }

  private static SettlementPayment payment(StoredJson payment, int format) {
    payment.only(format < 3 ? PAYMENT_FIELDS_1 : PAYMENT_FIELDS_3);
    return payment.build(p -> new SettlementPayment(p.required("idempotencyKey").text(),
        p.optional("orderLineId") == null ? null
            : OrderLineId.of(id(p.required("orderLineId"))),
        p.required("purpose").constant(PaymentPurpose.class),
        p.required("kind").constant(PaymentKind.class),
        money(p.required("amount")),
        format < 3 || p.optional("tender") == null ? null : tender(p.required("tender")),
        textOrNull(p.optional("providerReference")),
        instantOrNull(p.optional("paidAt"))));
  }

  private static ShipmentArrangement shipment(StoredJson shipment, int format) {
    shipment.only(format == 1 ? SHIPMENT_FIELDS : SHIPMENT_FIELDS_2);
    return shipment.build(s -> new ShipmentArrangement(s.required("carrier").text(),
        s.required("trackingNumber").text(),
        s.required("method").constant(ShippingMethod.class),
        textOrNull(s.optional("labelUrl")),
        s.required("dropOffDeadline").instant(),
        format == 1 ? null : instantOrNull(s.optional("arrangedAt"))));
  }

  private static Inspection inspection(StoredJson inspection) {
    inspection.only(INSPECTION_FIELDS);
    return inspection.build(i -> new Inspection(i.required("grade").constant(ItemGrade.class),
        Set.copyOf(i.required("findings").list(f -> f.constant(InspectionFinding.class))),
        textOrNull(i.optional("note"))));
  }

  private static LineQuantities quantities(StoredJson quantities) {
    quantities.only(QUANTITY_FIELDS);
    return quantities.build(q -> new LineQuantities(q.required("requested").integer(),
        q.required("approved").integer(), q.required("received").integer(),
        q.required("accepted").integer()));
  }

  private static ReplacementItem replacement(StoredJson replacement) {
    replacement.only(REPLACEMENT_FIELDS);
    return replacement.build(r -> new ReplacementItem(Sku.of(id(r.required("sku"))),
        r.required("quantity").integer(), money(r.required("unitPrice"))));
  }

  private static Tender tender(StoredJson tender) {
    tender.only(TENDER_FIELDS);
    return tender.build(t -> new Tender(t.required("type").constant(TenderType.class),
        t.required("reference").text(), money(t.required("captured"))));
  }

  private static LineMoney lineMoney(StoredJson money, int format) {
    if (format < 3) {
      money.only(LINE_MONEY_FIELDS_1);
      return money.build(m -> new LineMoney(money(m.required("itemRefund")),
          money(m.required("restockingFee")), money(m.required("returnShippingCharge")),
          money(m.required("paidOut"))));
    }
    money.only(LINE_MONEY_FIELDS_3);
    return money.build(m -> new LineMoney(money(m.required("itemRefund")),
        money(m.required("restockingFee")), money(m.required("returnShippingCharge")),
        money(m.required("paidOut")), money(m.required("refundTax")),
        money(m.required("discountShare")), money(m.required("clawback"))));
  }

  private static HistoryHead head(StoredJson head) {
    head.only(HEAD_FIELDS);
    return head.build(h -> new HistoryHead(h.required("sequence").integer(),
        h.required("hash").text()));
  }

  private static Money money(StoredJson money) {
    money.only(MONEY_FIELDS);
    return money.build(m -> Money.of(m.required("amount").decimal(),
        Currency.getInstance(m.required("currency").text())));
  }

  private static String id(StoredJson id) {
    return id.only(ID_FIELDS).required("value").text();
  }

  private static String textOrNull(StoredJson value) {
    return value == null ? null : value.text();
  }

  private static Instant instantOrNull(StoredJson value) {
    return value == null ? null : value.instant();
  }

  private static <E extends Enum<E>> E constantOrNull(StoredJson value, Class<E> type) {
    return value == null ? null : value.constant(type);
  }
}
