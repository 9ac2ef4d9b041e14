package dev.returnkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.tck.TckCases;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("What the database itself refuses")
class DatabaseGuardsTest {

  private static final ReturnId ID = ReturnId.of("R-GUARD");

  @AfterEach
  void closePools() {
    TestDatabases.closePools();
  }

  @Nested
  @DisplayName("The history on PostgreSQL")
  class History {

    @Test
    @DisplayName("cannot be updated, deleted or truncated, even with SQL around the adapter")
    void appendOnly() {
      DataSource dataSource = TestDatabases.freshPostgres();
      JdbcReturnRepository repository = JdbcReturnRepository.create(dataSource);
      repository.save(TckCases.settlingCase(ID));
      List<HistoryEntry> history = repository.history(ID);

      for (String sql : List.of("update rk_history set note = 'rewritten'",
          "delete from rk_history where sequence = 2", "truncate rk_history cascade")) {
        assertThatThrownBy(() -> Writes.execute(dataSource, sql)).as(sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("returnkit history is append-only");
      }

      assertThat(repository.history(ID)).isEqualTo(history);
    }

    @Test
    @DisplayName("allows one update only: a sealed entry's note and actor id erased, their "
        + "digests kept, nothing else changed")
    void erasureOnly() throws SQLException {
      DataSource dataSource = TestDatabases.freshPostgres();
      JdbcReturnRepository repository = JdbcReturnRepository.create(dataSource);
      repository.save(TckCases.newCase(ID));
      ReturnCaseSnapshot created = repository.findById(ID).orElseThrow();
      HistoryEntry sealed = HistoryChain.append(created.historyHead(), ID,
          created.updatedAt().plusSeconds(1), Actor.customer("C-501"), ReturnCommand.APPROVE,
          ReturnStatus.IN_REVIEW, ReturnStatus.APPROVED, List.of(), List.of(), "personal",
          "ab".repeat(32));
      repository.save(new CaseWrite(created.toBuilder().version(2)
          .status(ReturnStatus.APPROVED).updatedAt(sealed.at())
          .historyHead(HistoryHead.of(sealed)).build(), 1, List.of(sealed), List.of()));
      String digest = "'" + "d".repeat(64) + "'";
      String both = "note = null, note_digest = " + digest;

      for (String sql : List.of(
          // the first-format entry covers its text itself
          "update rk_history set " + both + " where sequence = 1",
          "update rk_history set note = null where sequence = 2",
          "update rk_history set " + both + ", rules = '[\"x\"]' where sequence = 2",
          "update rk_history set " + both + ", hash = " + digest + " where sequence = 2",
          "update rk_history set actor_id = 'someone', " + both + " where sequence = 2",
          "update rk_history set actor_id = 'erased', " + both + " where sequence = 2",
          "update rk_history set note = 'other', note_digest = " + digest
              + " where sequence = 2")) {
        assertThatThrownBy(() -> Writes.execute(dataSource, sql)).as(sql)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("returnkit history is append-only");
      }
      Writes.execute(dataSource, "update rk_history set actor_id = 'erased', actor_digest = "
          + digest + ", " + both + " where sequence = 2");
      assertThat(repository.history(ID).get(1).note()).isNull();
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("the order ledgers refuse more units or money than bought and paid")
  void ledgerChecks(TestDatabases.Kind kind) {
    DataSource dataSource = kind.fresh();
    JdbcReturnRepository.create(dataSource).save(TckCases.holding(ID, TckCases.ORDER, 1,
        Money.of("24.95", "EUR"), Money.of("4.95", "EUR")));

    for (String sql : List.of(
        "update rk_order_line_ledger set units_held = units_bought + 1",
        "update rk_order_line_ledger set amount_due = amount_paid + 0.01",
        "update rk_order_ledger set shipping_refunded = shipping_paid + 0.01",
        "update rk_return_line set amount_paid_out = amount_due + 0.01")) {
      assertThatThrownBy(() -> Writes.execute(dataSource, sql)).as(sql)
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(Jdbc.isCheckViolation((SQLException) e)).isTrue());
    }
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("a refusal of money beyond what was paid says how much, in plain amounts")
  void ledgerRefusalSaysHowMuch(TestDatabases.Kind kind) {
    JdbcReturnRepository repository = JdbcReturnRepository.create(kind.fresh());
    repository.save(TckCases.holding(ID, TckCases.ORDER, 1, Money.of("24.95", "EUR"),
        Money.of("0.00", "EUR")));

    assertThatThrownBy(() -> repository.save(TckCases.holding(ReturnId.of("R-GUARD-2"),
        TckCases.ORDER, 1, Money.of("25.00", "EUR"), Money.of("0.00", "EUR"))))
        .isInstanceOf(OrderLimitExceededException.class)
        .hasMessageContaining("order line L-1 would be owed 49.95 EUR of 49.9 EUR paid");
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("a ledger change only the database's check refuses is an order limit, and "
      + "changes nothing")
  void ledgerRefusedByTheDatabase(TestDatabases.Kind kind) throws SQLException {
    DataSource dataSource = kind.fresh();
    JdbcReturnRepository repository = JdbcReturnRepository.create(dataSource);
    repository.save(TckCases.holding(ID, TckCases.ORDER, 1, Money.of("24.95", "EUR"),
        Money.of("4.95", "EUR")));
    ReturnCaseSnapshot stored = repository.findById(ID).orElseThrow();
    // SQL around the adapter forgets the unit the case holds: releasing it would leave the
    // ledger at -1, which the adapter's own checks (of the upper limits) do not look for.
    Writes.execute(dataSource, "update rk_order_line_ledger set units_held = 0");

    assertThatThrownBy(() -> repository.save(TckCases.update(stored,
        ReturnStatus.CANCELLED)))
        .isInstanceOfSatisfying(OrderLimitExceededException.class, e -> {
          assertThat(e.returnId()).isEqualTo(ID);
          assertThat(e.getMessage()).contains("the database refused the ledger change")
              .containsIgnoringCase("rk_ledger_units_within_bought");
        });
    assertThat(repository.findById(ID)).contains(stored);
    assertThat(repository.history(ID)).hasSize(stored.historyHead().sequence());
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("an idempotency key planned by one case cannot be planned by another")
  void idempotencyKeysAreUnique(TestDatabases.Kind kind) {
    DataSource dataSource = kind.fresh();
    JdbcReturnRepository repository = JdbcReturnRepository.create(dataSource);
    repository.save(TckCases.settlingCase(ID));
    ReturnCaseSnapshot other = TckCases.settlingCase(ReturnId.of("R-OTHER")).snapshot();
    // The other case, of another order, plans a payment under the first case's key.
    List<SettlementPayment> payments = new ArrayList<>(other.payments());
    payments.set(0, SettlementPayment.planned(ID.value() + "/L-1/ITEM_REFUND",
        payments.get(0).orderLineId(), PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND,
        payments.get(0).amount()));
    CaseWrite stealing = TckCases.write(copy(other, OrderId.of("O-2002"), payments), 0,
        HistoryHead.EMPTY, Actor.SYSTEM, ReturnStatus.SETTLING);

    assertThatIllegalArgumentException().isThrownBy(() -> repository.save(stealing))
        .withMessageContaining("already planned by another case");
    assertThat(repository.findById(stealing.snapshot().id())).isEmpty();
    assertThat(Writes.rows(dataSource, "rk_payment")).isEqualTo(3);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("a paid payment can neither change nor disappear")
  void paidPaymentsStayPaid(TestDatabases.Kind kind) {
    JdbcReturnRepository repository = JdbcReturnRepository.create(kind.fresh());
    repository.save(TckCases.settlingCase(ID));
    ReturnCaseSnapshot stored = repository.findById(ID).orElseThrow();
    SettlementPayment paid = stored.payments().get(0);
    List<SettlementPayment> unpaid = new ArrayList<>(stored.payments());
    unpaid.set(0, SettlementPayment.planned(paid.idempotencyKey(), paid.orderLineId(),
        paid.purpose(), paid.kind(), paid.amount()));
    List<SettlementPayment> dropped = stored.payments().subList(1, 3);

    for (List<SettlementPayment> payments : List.of(unpaid, dropped)) {
      CaseWrite write = TckCases.update(copy(stored, stored.orderId(), payments),
          ReturnStatus.SETTLING);
      assertThatIllegalArgumentException().isThrownBy(() -> repository.save(write))
          .withMessageContaining(paid.idempotencyKey());
    }
    assertThat(repository.findById(ID)).contains(stored);
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("a line dropped from a case leaves no line row and frees its units in the ledger")
  void droppedLine(TestDatabases.Kind kind) {
    DataSource dataSource = kind.fresh();
    JdbcReturnRepository repository = JdbcReturnRepository.create(dataSource);
    repository.save(TckCases.settlingCase(ID));
    ReturnCaseSnapshot stored = repository.findById(ID).orElseThrow();
    ReturnCaseSnapshot oneLine = new ReturnCaseSnapshot(stored.id(), stored.version(),
        stored.historyHead(), stored.orderId(), stored.customerId(), stored.status(),
        stored.requestedAt(), stored.updatedAt(), stored.dueAt(), stored.returnShippingPaidBy(),
        stored.shipment(), stored.lines().subList(0, 1), stored.outboundShippingPaid(),
        stored.outboundShippingRefund(), stored.payments());

    repository.save(TckCases.update(oneLine, ReturnStatus.SETTLING));

    assertThat(Writes.rows(dataSource, "rk_return_line")).isEqualTo(1);
    assertThat(Writes.single(dataSource, "select units_held from rk_order_line_ledger"
        + " where order_line_id = 'L-2'")).isZero();
    assertThat(Writes.single(dataSource, "select units_held from rk_order_line_ledger"
        + " where order_line_id = 'L-1'")).isEqualTo(2);
  }

  @ParameterizedTest
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("the tender ledger keeps what a tender got back, and its check refuses more "
      + "than it captured even from SQL around the adapter")
  void tenderLedger(TestDatabases.Kind kind) {
    DataSource dataSource = kind.fresh();
    JdbcReturnRepository repository = JdbcReturnRepository.create(dataSource);
    OrderId order = OrderId.of("O-TENDER");
    Tender giftCard = new Tender(TenderType.GIFT_CARD, "GC-1", Money.of("20.00", "EUR"));
    repository.save(TckCases.refundingTender(ReturnId.of("R-T1"), order,
        Money.of("15.00", "EUR"), giftCard));

    assertThat(Writes.single(dataSource, "select refunded * 100 from rk_order_tender_ledger"
        + " where tender_reference = 'GC-1'")).isEqualTo(1500);
    assertThatThrownBy(() -> Writes.execute(dataSource, "update rk_order_tender_ledger"
        + " set refunded = 20.01 where tender_reference = 'GC-1'"))
        .isInstanceOf(SQLException.class)
        .hasMessageContaining("rk_ledger_tender_within_captured");
  }

  private static ReturnCaseSnapshot copy(ReturnCaseSnapshot base, OrderId orderId,
      List<SettlementPayment> payments) {
    return new ReturnCaseSnapshot(base.id(), base.version(), base.historyHead(), orderId,
        base.customerId(), base.status(), base.requestedAt(), base.updatedAt(), base.dueAt(),
        base.returnShippingPaidBy(), base.shipment(), base.lines(), base.outboundShippingPaid(),
        base.outboundShippingRefund(), payments);
  }
}
