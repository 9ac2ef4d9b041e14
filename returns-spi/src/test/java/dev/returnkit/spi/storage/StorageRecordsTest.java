package dev.returnkit.spi.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.CurrencyMismatchException;
import dev.returnkit.spi.event.EventHeader;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("The storage records")
class StorageRecordsTest {

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final ReturnId CASE = ReturnId.of("R-1");
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static Money usd(String amount) {
    return Money.of(amount, "USD");
  }

  static ReturnLineSnapshot line(String orderLineId, Money unitPrice, LineMoney money) {
    return new ReturnLineSnapshot(OrderLineId.of(orderLineId), Sku.of("SKU-" + orderLineId),
        "apparel", LineValue.untaxed(unitPrice.times(3)), 3, ReturnReason.CHANGED_MIND,
        Resolution.REFUND, null,
        LineVerdict.APPROVED, List.of(), false, new LineQuantities(2, 2, 2, 1), null, null,
        null, null, money);
  }

  static ReturnLineSnapshot line(String orderLineId, Money unitPrice) {
    return line(orderLineId, unitPrice, LineMoney.zero(unitPrice.currency()));
  }

  static ReturnCaseSnapshot snapshot(ReturnId id, long version, HistoryHead head,
      List<ReturnLineSnapshot> lines, Money outboundShippingRefund,
      List<SettlementPayment> payments) {
    Money shippingPaid = Money.of(BigDecimal.TEN,
        lines.isEmpty() ? EUR : lines.get(0).currency());
    return new ReturnCaseSnapshot(id, version, head, OrderId.of("O-1"), CustomerId.of("C-1"),
        ReturnStatus.APPROVED, T0, T0, null, ReturnShippingPayer.CUSTOMER, null, lines,
        shippingPaid, outboundShippingRefund, payments);
  }

  static ReturnCaseSnapshot snapshot(long version, HistoryHead head) {
    return snapshot(CASE, version, head, List.of(line("L1", eur("20"))), Money.zero(EUR),
        List.of());
  }

  /** Entries 1..n of a case, properly chained. */
  static List<HistoryEntry> history(ReturnId id, int count) {
    List<HistoryEntry> entries = new ArrayList<>();
    HistoryHead head = HistoryHead.EMPTY;
    for (int i = 0; i < count; i++) {
      HistoryEntry entry = HistoryChain.append(head, id, T0.plusSeconds(i), Actor.SYSTEM,
          ReturnCommand.APPROVE, ReturnStatus.IN_REVIEW, ReturnStatus.APPROVED, List.of(),
          List.of(), "step " + (i + 1));
      entries.add(entry);
      head = HistoryHead.of(entry);
    }
    return entries;
  }

  @Nested
  @DisplayName("LineQuantities")
  class Quantities {

    @Test
    @DisplayName("accepts received <= approved <= requested and accepted <= approved")
    void acceptsOrderedQuantities() {
      LineQuantities quantities = new LineQuantities(5, 4, 3, 2);

      assertThat(quantities.requested()).isEqualTo(5);
      assertThat(quantities.approved()).isEqualTo(4);
      assertThat(quantities.received()).isEqualTo(3);
      assertThat(quantities.accepted()).isEqualTo(2);
    }

    @Test
    @DisplayName("accepts more accepted than received: returnless refunds and lost parcels")
    void acceptsAcceptedAboveReceived() {
      assertThat(new LineQuantities(2, 2, 0, 2).accepted()).isEqualTo(2);
    }

    @Test
    @DisplayName("requested(n) is n requested and nothing else yet")
    void requestedFactory() {
      assertThat(LineQuantities.requested(3)).isEqualTo(new LineQuantities(3, 0, 0, 0));
    }

    @ParameterizedTest(name = "requested {0}, approved {1}, received {2}, accepted {3}: {4}")
    @CsvSource({
        "0,  0,  0,  0,  requested must be at least 1",
        "-1, 0,  0,  0,  requested must be at least 1",
        "2,  3,  0,  0,  approved 3 must be between 0 and requested 2",
        "2,  -1, 0,  0,  approved -1 must be between 0 and requested 2",
        "3,  2,  3,  0,  received 3 must be between 0 and approved 2",
        "3,  2,  -1, 0,  received -1 must be between 0 and approved 2",
        "3,  2,  2,  3,  accepted 3 must be between 0 and approved 2",
        "3,  2,  2,  -1, accepted -1 must be between 0 and approved 2",
        "3,  0,  0,  1,  accepted 1 must be between 0 and approved 0",
    })
    @DisplayName("rejects quantities out of order or negative")
    void rejectsBadQuantities(int requested, int approved, int received, int accepted,
        String message) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LineQuantities(requested, approved, received, accepted))
          .withMessageContaining(message);
    }
  }

  @Nested
  @DisplayName("LineMoney")
  class LineAmounts {

    @Test
    @DisplayName("a negative clawback gives an earlier clawback back on top of the line's own "
        + "due, and is not counted against the line; tax refunded never exceeds what is due")
    void clawbackGivenBack() {
      Money zero = eur("0");
      LineMoney givenBack = new LineMoney(eur("54.55"), zero, zero, zero, eur("9.00"),
          eur("5.45"), eur("-5.45"));
      assertThat(givenBack.due()).isEqualTo(eur("60.00"));
      assertThat(givenBack.released()).isEqualTo(eur("5.45"));
      assertThat(givenBack.dueForLine()).isEqualTo(eur("54.55"));
      LineMoney clawed = new LineMoney(eur("45.45"), zero, zero, zero, zero, zero, eur("5.45"));
      assertThat(clawed.due()).isEqualTo(eur("40.00"));
      assertThat(clawed.released()).isEqualTo(zero);
      assertThat(clawed.dueForLine()).isEqualTo(eur("40.00"));
      assertThatIllegalArgumentException().isThrownBy(() -> new LineMoney(eur("10.00"), zero,
          zero, zero, eur("10.01"), zero, zero)).withMessageContaining("tax refunded");
      assertThatIllegalArgumentException().isThrownBy(() -> new LineMoney(eur("10.00"), zero,
          zero, zero, zero, zero, eur("10.01"))).withMessageContaining("exceed the item refund");
    }

    @Test
    @DisplayName("due() is the item refund minus the restocking fee and the shipping charge")
    void due() {
      LineMoney money = new LineMoney(eur("50.00"), eur("5.00"), eur("4.95"), eur("10"));

      assertThat(money.due()).isEqualTo(eur("40.05"));
    }

    @Test
    @DisplayName("zero() is all zero, with nothing due")
    void zero() {
      LineMoney zero = LineMoney.zero(EUR);

      assertThat(List.of(zero.itemRefund(), zero.restockingFee(), zero.returnShippingCharge(),
          zero.paidOut())).containsOnly(Money.zero(EUR));
      assertThat(zero.due()).isEqualTo(Money.zero(EUR));
    }

    @Test
    @DisplayName("accepts deductions that use up the whole refund, and paying exactly what is due")
    void acceptsBoundaries() {
      assertThat(new LineMoney(eur("10"), eur("6"), eur("4"), eur("0")).due().isZero()).isTrue();
      assertThat(new LineMoney(eur("10"), eur("1"), eur("1"), eur("8")).paidOut())
          .isEqualTo(eur("8"));
    }

    @Test
    @DisplayName("rejects deductions above the item refund, naming the amounts")
    void rejectsDeductionsAboveRefund() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LineMoney(eur("10"), eur("6"), eur("4.01"), eur("0")))
          .withMessageContaining("EUR 6.00")
          .withMessageContaining("EUR 4.01")
          .withMessageContaining("EUR 10.00");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LineMoney(eur("10"), eur("10.01"), eur("0"), eur("0")));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LineMoney(eur("0"), eur("0"), eur("0.01"), eur("0")));
    }

    @Test
    @DisplayName("rejects paying out more than is due, naming both amounts")
    void rejectsPaidOutAboveDue() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LineMoney(eur("10"), eur("1"), eur("1"), eur("8.01")))
          .withMessageContaining("EUR 8.01")
          .withMessageContaining("EUR 8.00");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LineMoney(eur("10"), eur("0"), eur("0"), eur("10.01")));
    }

    @Test
    @DisplayName("rejects any negative amount")
    void rejectsNegatives() {
      Money minus = eur("-0.01");
      Money ten = eur("10");
      Money zero = eur("0");

      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LineMoney(minus, zero, zero, zero))
          .withMessageContaining("negative");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LineMoney(ten, minus, zero, zero));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LineMoney(ten, zero, minus, zero));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new LineMoney(ten, zero, zero, minus));
    }

    @Test
    @DisplayName("rejects amounts in different currencies")
    void rejectsMixedCurrencies() {
      assertThatThrownBy(() -> new LineMoney(eur("10"), usd("1"), eur("0"), eur("0")))
          .isInstanceOf(CurrencyMismatchException.class);
      assertThatThrownBy(() -> new LineMoney(eur("10"), eur("1"), eur("0"), usd("0")))
          .isInstanceOf(CurrencyMismatchException.class);
    }
  }

  @Nested
  @DisplayName("ReturnCaseSnapshot")
  class CaseSnapshot {

    private final HistoryHead head = HistoryHead.of(history(CASE, 1).get(0));

    @Test
    @DisplayName("rejects a case without lines")
    void rejectsNoLines() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> snapshot(CASE, 1, head, List.of(), Money.zero(EUR), List.of()))
          .withMessageContaining("R-1");
    }

    @Test
    @DisplayName("rejects the same order line twice, naming it")
    void rejectsDuplicateOrderLines() {
      List<ReturnLineSnapshot> lines =
          List.of(line("L1", eur("20")), line("L2", eur("5")), line("L1", eur("20")));

      assertThatIllegalArgumentException()
          .isThrownBy(() -> snapshot(CASE, 1, head, lines, Money.zero(EUR), List.of()))
          .withMessageContaining("L1");
    }

    @Test
    @DisplayName("rejects lines priced in different currencies, naming both")
    void rejectsMixedLineCurrencies() {
      List<ReturnLineSnapshot> lines = List.of(line("L1", eur("20")), line("L2", usd("5")));

      assertThatThrownBy(() -> snapshot(CASE, 1, head, lines, Money.zero(EUR), List.of()))
          .isInstanceOf(CurrencyMismatchException.class)
          .hasMessageContaining("EUR")
          .hasMessageContaining("USD");
    }

    @Test
    @DisplayName("rejects line money in another currency than the line prices")
    void rejectsLineMoneyInOtherCurrency() {
      List<ReturnLineSnapshot> lines =
          List.of(line("L1", eur("20"), LineMoney.zero(Currency.getInstance("USD"))));

      assertThatThrownBy(() -> snapshot(CASE, 1, head, lines, Money.zero(EUR), List.of()))
          .isInstanceOf(CurrencyMismatchException.class)
          .hasMessageContaining("EUR")
          .hasMessageContaining("USD");
    }

    @Test
    @DisplayName("rejects an outbound shipping refund in another currency")
    void rejectsOutboundRefundInOtherCurrency() {
      List<ReturnLineSnapshot> lines = List.of(line("L1", eur("20")));

      assertThatThrownBy(() -> snapshot(CASE, 1, head, lines, usd("4.95"), List.of()))
          .isInstanceOf(CurrencyMismatchException.class)
          .hasMessageContaining("EUR")
          .hasMessageContaining("USD");
    }

    @Test
    @DisplayName("rejects a payment in another currency")
    void rejectsPaymentInOtherCurrency() {
      List<ReturnLineSnapshot> lines = List.of(line("L1", eur("20")));
      SettlementPayment payment = SettlementPayment.planned("R-1/L1/item", OrderLineId.of("L1"),
          PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, usd("20"));

      assertThatThrownBy(() -> snapshot(CASE, 1, head, lines, Money.zero(EUR), List.of(payment)))
          .isInstanceOf(CurrencyMismatchException.class)
          .hasMessageContaining("EUR")
          .hasMessageContaining("USD");
    }

    @ParameterizedTest(name = "version {0}")
    @ValueSource(longs = {0, -1})
    @DisplayName("rejects a version below 1")
    void rejectsVersionBelowOne(long version) {
      assertThatIllegalArgumentException().isThrownBy(() -> snapshot(version, head))
          .withMessageContaining(String.valueOf(version));
    }

    @Test
    @DisplayName("a line requesting more than was bought is rejected")
    void rejectsRequestAboveOrdered() {
      assertThatIllegalArgumentException().isThrownBy(() -> new ReturnLineSnapshot(
          OrderLineId.of("L1"), Sku.of("S"), "apparel", LineValue.untaxed(eur("1")), 1,
          ReturnReason.DEFECTIVE,
          Resolution.REFUND, null, LineVerdict.APPROVED, List.of(), false,
          LineQuantities.requested(2), null, null, null, null, LineMoney.zero(EUR)))
          .withMessageContaining("L1");
    }

    @Test
    @DisplayName("knows its currency, finds lines, and values units as the first returned")
    void queries() {
      ReturnCaseSnapshot snapshot = snapshot(CASE, 1, head,
          List.of(line("L1", eur("20")), line("L2", eur("5.50"))), Money.zero(EUR), List.of());

      assertThat(snapshot.currency()).isEqualTo(EUR);
      assertThat(snapshot.line(OrderLineId.of("L2"))).hasValueSatisfying(
          l -> assertThat(l.paidFor(2)).isEqualTo(eur("11.00")));
      assertThat(snapshot.line(OrderLineId.of("L3"))).isEmpty();
    }

    @Test
    @DisplayName("paidOut(kind) adds the paid payments of that kind only")
    void paidOut() {
      SettlementPayment refund = SettlementPayment.planned("k1", OrderLineId.of("L1"),
          PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, eur("15"));
      SettlementPayment paidRefund = refund.paidWith(
          new PaymentReceipt("k1", "psp-1", PaymentKind.REFUND, eur("15"), T0));
      SettlementPayment shipping = SettlementPayment.planned("k2", null,
          PaymentPurpose.OUTBOUND_SHIPPING_REFUND, PaymentKind.REFUND, eur("4.95"));
      SettlementPayment paidShipping = shipping.paidWith(
          new PaymentReceipt("k2", "psp-2", PaymentKind.REFUND, eur("4.95"), T0));
      SettlementPayment unpaid = SettlementPayment.planned("k3", OrderLineId.of("L2"),
          PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, eur("100"));
      SettlementPayment credit = SettlementPayment.planned("k4", OrderLineId.of("L2"),
              PaymentPurpose.ITEM_REFUND, PaymentKind.STORE_CREDIT, eur("3"))
          .paidWith(new PaymentReceipt("k4", "psp-4", PaymentKind.STORE_CREDIT, eur("3"), T0));

      ReturnCaseSnapshot snapshot = snapshot(CASE, 1, head,
          List.of(line("L1", eur("20")), line("L2", eur("50"))), eur("4.95"),
          List.of(paidRefund, paidShipping, unpaid, credit));

      assertThat(snapshot.paidOut(PaymentKind.REFUND)).isEqualTo(eur("19.95"));
      assertThat(snapshot.paidOut(PaymentKind.STORE_CREDIT)).isEqualTo(eur("3"));
    }
  }

  @Nested
  @DisplayName("CaseWrite")
  class Write {

    private final List<HistoryEntry> history = history(CASE, 3);

    private CaseWrite write(long version, long expected, List<HistoryEntry> newHistory,
        HistoryHead head, List<ReturnEvent> events) {
      return new CaseWrite(snapshot(version, head), expected, newHistory, events);
    }

    private CaseWrite write(long version, long expected, List<HistoryEntry> newHistory) {
      return write(version, expected, newHistory,
          HistoryHead.of(newHistory.get(newHistory.size() - 1)), List.of());
    }

    @Test
    @DisplayName("accepts a new case: version 1, expected 0, its first entry and events")
    void acceptsNewCase() {
      ReturnEvent event = new ReturnEvent.ReturnlessRefundGranted(
          EventHeader.of(CASE, 1, 0, T0));
      CaseWrite write = write(1, 0, history.subList(0, 1), HistoryHead.of(history.get(0)),
          List.of(event));

      assertThat(write.isNew()).isTrue();
      assertThat(write.newEvents()).containsExactly(event);
    }

    @Test
    @DisplayName("accepts an update: version expected + 1, several consecutive entries")
    void acceptsUpdate() {
      CaseWrite write = write(2, 1, history.subList(1, 3));

      assertThat(write.isNew()).isFalse();
      assertThat(write.newHistory()).containsExactlyElementsOf(history.subList(1, 3));
    }

    @ParameterizedTest(name = "version {0}, expected {1}")
    @CsvSource({"1, 1", "3, 1", "2, 0", "1, 2"})
    @DisplayName("rejects a snapshot version other than expected + 1, naming both")
    void rejectsVersionMismatch(long version, long expected) {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(version, expected, history.subList(0, 1)))
          .withMessageContaining("snapshot version " + version)
          .withMessageContaining("expected version " + expected);
    }

    @Test
    @DisplayName("rejects a negative expected version")
    void rejectsNegativeExpected() {
      // version 0 would already fail in the snapshot; the write's own check comes first here
      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(1, -1, history.subList(0, 1)))
          .withMessageContaining("negative");
    }

    @Test
    @DisplayName("rejects a write without history entries")
    void rejectsEmptyHistory() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(1, 0, List.of(), HistoryHead.of(history.get(0)), List.of()))
          .withMessageContaining("at least one history entry");
    }

    @Test
    @DisplayName("rejects history entries of another case, naming both cases")
    void rejectsEntriesOfAnotherCase() {
      List<HistoryEntry> foreign = history(ReturnId.of("R-2"), 1);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(1, 0, foreign))
          .withMessageContaining("R-2")
          .withMessageContaining("R-1");
    }

    @Test
    @DisplayName("rejects entries whose sequences are not consecutive")
    void rejectsGaps() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(2, 1, List.of(history.get(0), history.get(2))))
          .withMessageContaining("consecutive");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(2, 1, List.of(history.get(1), history.get(0))))
          .withMessageContaining("consecutive");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(2, 1, List.of(history.get(1), history.get(1))))
          .withMessageContaining("consecutive");
    }

    @Test
    @DisplayName("rejects consecutive entries that do not link by hash")
    void rejectsUnlinkedEntries() {
      // Entry 2 of another chain of the same case: right sequence, wrong previous hash.
      HistoryEntry stranger = HistoryChain.append(HistoryHead.of(history.get(0)), CASE, T0,
          Actor.agent("a-9"), ReturnCommand.CANCEL, ReturnStatus.APPROVED,
          ReturnStatus.CANCELLED, List.of(), List.of(), null);
      HistoryEntry third = HistoryChain.append(HistoryHead.of(stranger), CASE, T0,
          Actor.SYSTEM, ReturnCommand.EXPIRE, ReturnStatus.CANCELLED, ReturnStatus.CANCELLED,
          List.of(), List.of(), null);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(2, 1, List.of(history.get(1), third)))
          .withMessageContaining("3");
    }

    @Test
    @DisplayName("rejects a new case whose history does not start at entry 1 from genesis")
    void rejectsNewCaseWithoutGenesis() {
      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(1, 0, history.subList(1, 2)))
          .withMessageContaining("genesis");
    }

    @Test
    @DisplayName("rejects a snapshot whose history head is not the last new entry")
    void rejectsStaleHead() {
      List<HistoryEntry> entries = history.subList(0, 2);

      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(1, 0, entries, HistoryHead.of(history.get(0)), List.of()))
          .withMessageContaining("history head");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(1, 0, entries, HistoryHead.of(history.get(2)), List.of()));
      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(1, 0, entries, new HistoryHead(2, history.get(0).hash()),
              List.of()));
    }

    @Test
    @DisplayName("rejects events of another case")
    void rejectsForeignEvents() {
      ReturnEvent foreign = new ReturnEvent.ReturnlessRefundGranted(
          EventHeader.of(ReturnId.of("R-2"), 1, 0, T0));

      assertThatIllegalArgumentException()
          .isThrownBy(() -> write(1, 0, history.subList(0, 1), HistoryHead.of(history.get(0)),
              List.of(foreign)))
          .withMessageContaining("R-2");
    }

    @Test
    @DisplayName("keeps its own copies of the lists")
    void copiesLists() {
      List<HistoryEntry> entries = new ArrayList<>(history.subList(0, 1));
      CaseWrite write = write(1, 0, entries);

      entries.add(history.get(1));

      assertThat(write.newHistory()).hasSize(1);
      assertThatNullPointerException()
          .isThrownBy(() -> new CaseWrite(null, 0, entries, List.of()));
    }
  }

  @Nested
  @DisplayName("TimeRange")
  class Range {

    private final Instant from = Instant.parse("2026-01-01T00:00:00Z");
    private final Instant to = Instant.parse("2026-02-01T00:00:00Z");

    @Test
    @DisplayName("contains its start but not its end: half-open [from, to)")
    void halfOpen() {
      TimeRange range = new TimeRange(from, to);

      assertThat(range.contains(from)).isTrue();
      assertThat(range.contains(from.plusNanos(1))).isTrue();
      assertThat(range.contains(to.minusNanos(1))).isTrue();
      assertThat(range.contains(to)).isFalse();
      assertThat(range.contains(from.minusNanos(1))).isFalse();
      assertThat(range.contains(to.plusSeconds(1))).isFalse();
    }

    @Test
    @DisplayName("an open end has no bound on that side")
    void openEnds() {
      assertThat(TimeRange.since(from).contains(Instant.MAX)).isTrue();
      assertThat(TimeRange.since(from).contains(from.minusNanos(1))).isFalse();
      assertThat(new TimeRange(null, to).contains(Instant.MIN)).isTrue();
      assertThat(new TimeRange(null, to).contains(to)).isFalse();
      assertThat(TimeRange.ALL.contains(Instant.MIN)).isTrue();
      assertThat(TimeRange.ALL.contains(Instant.MAX)).isTrue();
    }

    @Test
    @DisplayName("rejects an empty range (from == to) and an inverted one (from > to)")
    void rejectsEmptyOrInverted() {
      assertThatIllegalArgumentException().isThrownBy(() -> new TimeRange(from, from))
          .withMessageContaining(from.toString());
      assertThatIllegalArgumentException().isThrownBy(() -> new TimeRange(to, from));
      assertThatNullPointerException().isThrownBy(() -> TimeRange.since(null));
    }
  }

  @Nested
  @DisplayName("PageRequest and Page")
  class Paging {

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {0, -1, 1001, Integer.MAX_VALUE})
    @DisplayName("a page request rejects a size outside 1 to 1000, giving the size")
    void rejectsBadSize(int size) {
      assertThatIllegalArgumentException().isThrownBy(() -> PageRequest.first(size))
          .withMessageContaining(String.valueOf(size));
      assertThatIllegalArgumentException().isThrownBy(() -> new PageRequest(size, "token"));
    }

    @ParameterizedTest(name = "size {0}")
    @ValueSource(ints = {1, 50, PageRequest.MAX_SIZE})
    @DisplayName("a page request accepts sizes 1 to 1000; the first page has no token")
    void acceptsSizes(int size) {
      assertThat(PageRequest.first(size)).isEqualTo(new PageRequest(size, null));
    }

    @Test
    @DisplayName("a page offers its next token, empty on the last page, and copies its items")
    void page() {
      List<String> items = new ArrayList<>(List.of("a", "b"));
      Page<String> page = new Page<>(items, "next");

      items.add("c");

      assertThat(page.items()).containsExactly("a", "b");
      assertThat(page.next()).hasValue("next");
      assertThat(new Page<>(List.of(), null).next()).isEmpty();
    }
  }
}
