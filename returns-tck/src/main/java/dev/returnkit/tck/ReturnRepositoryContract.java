package dev.returnkit.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.Tender;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.LineMoney;
import dev.returnkit.spi.storage.LineQuantities;
import dev.returnkit.spi.storage.Page;
import dev.returnkit.spi.storage.PageRequest;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The {@link ReturnRepository} contract as tests. returnkit never checks what its repository
 * did: it trusts that a save is atomic, that a stale write is refused, that the order limits
 * ({@link dev.returnkit.spi.storage.OrderLimits}) are checked in the same write, that history is
 * never rewritten and that queries filter and order as documented. A host that brings its own
 * storage proves that trust here instead of finding out in production.
 *
 * <p>To use it, extend it in the adapter's tests and return a new, empty repository for every
 * test (for a database: a fresh schema, or truncated tables):
 *
 * <pre>{@code
 * class MyRepositoryTest extends ReturnRepositoryContract {
 *   protected ReturnRepository newRepository() {
 *     return new MyRepository(freshDataSource());
 *   }
 * }
 * }</pre>
 *
 * <p>Where the SPI names two failures that both apply, the contract expects the one returnkit
 * can act on: a write that is stale <em>and</em> whose history no longer fits (the usual shape
 * of a lost race) must be refused with {@link ConcurrentReturnUpdateException}, so the caller
 * reloads and retries instead of reporting a bug.
 *
 * <p>The SPI orders results "by time, then id" in Java {@code String} order; every id here has
 * the same length and only capitals, digits and hyphens, so a database's text collation agrees
 * with it even where the adapter forgot a binary one. The racing tests run many short races on
 * several threads; they find a missing lock often, not always, so a rare failure there is a
 * real bug.
 */
public abstract class ReturnRepositoryContract {

  private static final ReturnId ID = ReturnId.of("R-0100");
  private static final Instant T0 = TckCases.REQUESTED_AT;

  private ReturnRepository repository;

  /** For subclasses. */
  protected ReturnRepositoryContract() {}

  /**
   * The repository under test. Called once before every test.
   *
   * @return a new repository holding no cases
   */
  protected abstract ReturnRepository newRepository();

  @BeforeEach
  void createRepository() {
    repository = newRepository();
  }

  @Nested
  @DisplayName("Saving and loading")
  class SavingAndLoading {

    @Test
    @DisplayName("a new case reads back equal, with its history in sequence order")
    void newCaseReadsBackEqual() {
      CaseWrite write = TckCases.settlingCase(ID);

      repository.save(write);

      assertThat(repository.findById(ID)).contains(write.snapshot());
      assertThat(repository.history(ID))
          .containsExactlyElementsOf(write.newHistory())
          .extracting(HistoryEntry::sequence).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    @DisplayName("every instant keeps its microseconds")
    void instantsKeepMicroseconds() {
      CaseWrite write = TckCases.settlingCase(ID);
      ReturnCaseSnapshot written = write.snapshot();

      repository.save(write);

      ReturnCaseSnapshot read = stored(ID);
      assertThat(read.requestedAt()).as("requestedAt")
          .isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
      assertThat(read.updatedAt()).as("updatedAt").isEqualTo(written.updatedAt());
      assertThat(read.dueAt()).as("dueAt").isEqualTo(written.dueAt());
      assertThat(read.shipment().dropOffDeadline()).as("shipment deadline")
          .isEqualTo(Instant.parse("2026-07-15T21:59:59.999999Z"));
      assertThat(read.payments().get(0).paidAt()).as("payment time")
          .isEqualTo(written.payments().get(0).paidAt());
      assertThat(repository.history(ID)).extracting(HistoryEntry::at).as("history times")
          .containsExactlyElementsOf(write.newHistory().stream().map(HistoryEntry::at).toList());
    }

    @Test
    @DisplayName("a case without note, inspection, shipment or due time reads back equal")
    void emptyOptionalFieldsReadBackEqual() {
      CaseWrite write = TckCases.newCase(ID, TckCases.ORDER, TckCases.CUSTOMER,
          ReturnStatus.REJECTED, T0, null);

      repository.save(write);

      assertThat(repository.findById(ID)).contains(write.snapshot());
      assertThat(repository.history(ID)).containsExactlyElementsOf(write.newHistory());
    }

    @Test
    @DisplayName("an exchange's replacement is kept with its line")
    void replacementKept() {
      CaseWrite created = TckCases.newCase(ID);
      ReturnLineSnapshot line = created.snapshot().lines().get(0).toBuilder()
          .resolution(Resolution.EXCHANGE).replacement(new ReplacementItem(Sku.of("SKU-TEE-L"),
              1, Money.of("27.50", "EUR"))).build();
      CaseWrite write = TckCases.write(created.snapshot().toBuilder().lines(List.of(line))
          .build(), 0, HistoryHead.EMPTY, Actor.customer("C-501"), ReturnStatus.IN_REVIEW);

      repository.save(write);

      assertThat(repository.findById(ID)).contains(write.snapshot());
      assertThat(stored(ID).lines().get(0).replacement()).isEqualTo(new ReplacementItem(
          Sku.of("SKU-TEE-L"), 1, Money.of("27.50", "EUR")));
    }

    @Test
    @DisplayName("keeps a line exchanged in advance as such (its replacement sent before the "
        + "goods come back)")
    void advanceExchangeKept() {
      CaseWrite created = TckCases.newCase(ID);
      ReturnLineSnapshot line = created.snapshot().lines().get(0).toBuilder()
          .resolution(Resolution.EXCHANGE).advanceExchange(true).build();
      CaseWrite write = TckCases.write(created.snapshot().toBuilder().lines(List.of(line))
          .build(), 0, HistoryHead.EMPTY, Actor.customer("C-501"), ReturnStatus.IN_REVIEW);

      repository.save(write);

      assertThat(repository.findById(ID)).contains(write.snapshot());
      assertThat(stored(ID).lines().get(0).advanceExchange()).isTrue();
    }

    @Test
    @DisplayName("amounts keep their currency's minor unit (three decimals for KWD)")
    void amountsKeepTheirCurrency() {
      Currency kwd = Currency.getInstance("KWD");
      ReturnLineSnapshot line = new ReturnLineSnapshot(OrderLineId.of("L-1"), Sku.of("SKU-OUD"),
          "perfume", new LineValue(Money.of("18.125", "KWD"), Money.of("0.863", "KWD"),
              Money.of("0.500", "KWD")), 1, ReturnReason.DEFECTIVE, Resolution.REFUND,
          null, LineVerdict.APPROVED, List.of(), false, LineQuantities.requested(1), null, null,
          null, null, LineMoney.zero(kwd));
      ReturnCaseSnapshot draft = new ReturnCaseSnapshot(ID, 1, HistoryHead.EMPTY,
          TckCases.ORDER, TckCases.CUSTOMER, ReturnStatus.APPROVED, T0, T0, null,
          ReturnShippingPayer.SELLER, null, List.of(line), Money.of("1.250", "KWD"),
          Money.of("1.005", "KWD"), List.of());
      CaseWrite write = TckCases.write(draft, 0, HistoryHead.EMPTY, Actor.customer("C-501"),
          ReturnStatus.APPROVED);

      repository.save(write);

      assertThat(repository.findById(ID)).contains(write.snapshot());
      assertThat(stored(ID).lines().get(0).orderLinePaid()).isEqualTo(new LineValue(
          Money.of("18.125", "KWD"), Money.of("0.863", "KWD"), Money.of("0.500", "KWD")));
    }

    @Test
    @DisplayName("a second save replaces the snapshot and appends its entries to the history")
    void secondSaveReplacesSnapshotAndAppendsHistory() {
      CaseWrite first = TckCases.newCase(ID);
      repository.save(first);
      CaseWrite second = TckCases.update(stored(ID), ReturnStatus.APPROVED,
          ReturnStatus.AWAITING_RETURN);

      repository.save(second);

      assertThat(repository.findById(ID)).contains(second.snapshot());
      assertThat(stored(ID).version()).isEqualTo(2);
      assertThat(repository.history(ID))
          .containsExactlyElementsOf(concat(first.newHistory(), second.newHistory()))
          .extracting(HistoryEntry::sequence).containsExactly(1, 2, 3);
    }

    @Test
    @DisplayName("an erasure replaces stored entries' text by its digest in the same write, and "
        + "the chain stays intact; an erasure that matches no stored entry stores nothing")
    void erasure() {
      repository.save(TckCases.newCase(ID));
      ReturnCaseSnapshot created = stored(ID);
      // A second-format entry (sealing a state) whose note and actor are personal data.
      HistoryEntry personal = HistoryChain.append(created.historyHead(), ID,
          created.updatedAt().plusSeconds(1), Actor.customer("C-501"), ReturnCommand.APPROVE,
          ReturnStatus.IN_REVIEW, ReturnStatus.APPROVED, List.of(), List.of(),
          "call Jane on +44 20 7946 0000", "ab".repeat(32));
      ReturnCaseSnapshot approved = created.toBuilder().version(2).status(ReturnStatus.APPROVED)
          .updatedAt(personal.at()).historyHead(HistoryHead.of(personal)).build();
      repository.save(new CaseWrite(approved, 1, List.of(personal), List.of()));
      HistoryEntry recorded = HistoryChain.append(approved.historyHead(), ID,
          personal.at().plusSeconds(1), Actor.supervisor("dpo-1"), ReturnCommand.CANCEL,
          ReturnStatus.APPROVED, ReturnStatus.CANCELLED, List.of("PERSONAL_DATA_ERASED"),
          List.of(), null, "cd".repeat(32));
      ReturnCaseSnapshot erasedCase = approved.toBuilder().version(3)
          .status(ReturnStatus.CANCELLED).updatedAt(recorded.at()).dueAt(null)
          .historyHead(HistoryHead.of(recorded)).build();
      HistoryEntry forged = new HistoryEntry(ID, personal.sequence(), personal.at(),
          personal.actor(), personal.command(), personal.fromStatus(), personal.toStatus(),
          personal.reasonCodes(), personal.rules(), null, personal.stateDigest(),
          personal.previousHash(), "0".repeat(64), null, HistoryChain.textDigest("x"));

      assertThatIllegalArgumentException().isThrownBy(() -> repository.save(new CaseWrite(
          erasedCase, 2, List.of(recorded), List.of(), List.of(forged))));
      assertThat(repository.history(ID)).containsExactly(
          repository.history(ID).get(0), personal);

      repository.save(new CaseWrite(erasedCase, 2, List.of(recorded), List.of(),
          List.of(personal.erased(true))));

      List<HistoryEntry> history = repository.history(ID);
      assertThat(history.get(1)).isEqualTo(personal.erased(true));
      assertThat(history.get(1).note()).isNull();
      assertThat(history.get(1).actor().id()).isEqualTo(HistoryEntry.ERASED);
      assertThat(history).hasSize(3);
      assertThat(HistoryChain.firstBrokenLink(history)).isEmpty();
      assertThat(stored(ID)).isEqualTo(erasedCase);
    }

    @Test
    @DisplayName("after many saves the history is an intact hash chain ending at the head")
    void historyStaysAnIntactChain() {
      repository.save(TckCases.newCase(ID));
      repository.save(TckCases.update(stored(ID), ReturnStatus.APPROVED));
      repository.save(TckCases.update(stored(ID), ReturnStatus.AWAITING_RETURN,
          ReturnStatus.IN_TRANSIT));
      repository.save(TckCases.update(stored(ID), ReturnStatus.RECEIVED));
      repository.save(TckCases.update(stored(ID), ReturnStatus.INSPECTED,
          ReturnStatus.SETTLING, ReturnStatus.COMPLETED));

      List<HistoryEntry> history = repository.history(ID);

      assertThat(HistoryChain.firstBrokenLink(history)).isEmpty();
      assertThat(history).extracting(HistoryEntry::sequence)
          .containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
      assertThat(stored(ID).version()).isEqualTo(5);
      assertThat(stored(ID).historyHead()).isEqualTo(HistoryHead.of(history.get(7)));
    }

    @Test
    @DisplayName("changing the history handed out changes nothing stored")
    void handedOutHistoryCannotChangeStorage() {
      repository.save(TckCases.newCase(ID));
      repository.save(TckCases.update(stored(ID), ReturnStatus.APPROVED));
      List<HistoryEntry> before = List.copyOf(repository.history(ID));

      List<HistoryEntry> handedOut = repository.history(ID);
      tryTo(handedOut::clear);
      tryTo(() -> handedOut.add(before.get(0)));
      List<ReturnCaseSnapshot> byOrder = repository.findByOrder(TckCases.ORDER);
      tryTo(byOrder::clear);

      assertThat(repository.history(ID)).containsExactlyElementsOf(before);
      assertThat(repository.findByOrder(TckCases.ORDER)).containsExactly(stored(ID));
    }

    @Test
    @DisplayName("an unknown case has no snapshot and no history")
    void unknownCaseIsEmpty() {
      repository.save(TckCases.newCase(ReturnId.of("R-0999")));

      assertThat(repository.findById(ID)).isEmpty();
      assertThat(repository.history(ID)).isEmpty();
    }
  }

  @Nested
  @DisplayName("Optimistic locking")
  class OptimisticLocking {

    @Test
    @DisplayName("a write based on an older version is refused and changes nothing")
    void staleWriteIsRefused() {
      repository.save(TckCases.newCase(ID));
      ReturnCaseSnapshot v1 = stored(ID);
      repository.save(TckCases.update(v1, Actor.agent("fast"), ReturnStatus.APPROVED));
      ReturnCaseSnapshot v2 = stored(ID);
      List<HistoryEntry> historyAtV2 = repository.history(ID);

      ConcurrentReturnUpdateException refused = refusedAsConcurrent(
          TckCases.update(v1, Actor.agent("slow"), ReturnStatus.REJECTED));

      assertThat(refused.returnId()).isEqualTo(ID);
      assertThat(refused.expectedVersion()).isEqualTo(1);
      assertThat(refused.actualVersion()).isEqualTo(2);
      assertThat(repository.findById(ID)).contains(v2);
      assertThat(repository.history(ID)).containsExactlyElementsOf(historyAtV2);
    }

    @Test
    @DisplayName("after a refused write the case can still be saved at its stored version")
    void refusedWriteLeavesCaseWritable() {
      repository.save(TckCases.newCase(ID));
      ReturnCaseSnapshot v1 = stored(ID);
      repository.save(TckCases.update(v1, Actor.agent("fast"), ReturnStatus.APPROVED));
      refusedAsConcurrent(TckCases.update(v1, Actor.agent("slow"), ReturnStatus.REJECTED));

      CaseWrite next = TckCases.update(stored(ID), ReturnStatus.AWAITING_RETURN);
      repository.save(next);

      assertThat(repository.findById(ID)).contains(next.snapshot());
      assertThat(HistoryChain.firstBrokenLink(repository.history(ID))).isEmpty();
      assertThat(repository.history(ID)).hasSize(3);
    }

    @Test
    @DisplayName("creating a case that already exists is refused and changes nothing")
    void creatingTwiceIsRefused() {
      CaseWrite first = TckCases.newCase(ID);
      repository.save(first);

      ConcurrentReturnUpdateException refused = refusedAsConcurrent(TckCases.newCase(ID,
          OrderId.of("O-7777"), CustomerId.of("C-7777"), ReturnStatus.APPROVED, T0, null));

      assertThat(refused.returnId()).isEqualTo(ID);
      assertThat(refused.expectedVersion()).isZero();
      assertThat(refused.actualVersion()).isEqualTo(1);
      assertThat(repository.findById(ID)).contains(first.snapshot());
      assertThat(repository.history(ID)).containsExactlyElementsOf(first.newHistory());
      assertThat(repository.findByOrder(OrderId.of("O-7777"))).isEmpty();
    }

    @Test
    @DisplayName("updating a case that does not exist is refused and creates nothing")
    void updatingAMissingCaseIsRefused() {
      CaseWrite update = TckCases.write(TckCases.newCase(ID).snapshot(), 3, HistoryHead.EMPTY,
          Actor.agent("agent-7"), ReturnStatus.APPROVED);

      ConcurrentReturnUpdateException refused = refusedAsConcurrent(update);

      assertThat(refused.returnId()).isEqualTo(ID);
      assertThat(refused.expectedVersion()).isEqualTo(3);
      assertThat(refused.actualVersion()).isZero();
      assertThat(repository.findById(ID)).isEmpty();
      assertThat(repository.history(ID)).isEmpty();
    }

    @Test
    @DisplayName("a write expecting a later version than the stored one is refused")
    void writeAheadOfStoreIsRefused() {
      CaseWrite first = TckCases.newCase(ID);
      repository.save(first);
      ReturnCaseSnapshot v1 = stored(ID);

      ConcurrentReturnUpdateException refused = refusedAsConcurrent(TckCases.write(v1, 3,
          v1.historyHead(), Actor.agent("agent-7"), ReturnStatus.APPROVED));

      assertThat(refused.expectedVersion()).isEqualTo(3);
      assertThat(refused.actualVersion()).isEqualTo(1);
      assertThat(repository.findById(ID)).contains(v1);
      assertThat(repository.history(ID)).containsExactlyElementsOf(first.newHistory());
    }
  }

  @Nested
  @DisplayName("History that does not continue the stored chain")
  class BrokenHistory {

    private static final String FORGED_HASH = "ab".repeat(32);

    // A new case whose history does not start at entry 1 from the genesis hash cannot reach an
    // adapter: CaseWrite refuses to be built that way.

    @Test
    @DisplayName("an update that skips a sequence number is refused and changes nothing")
    void updateSkippingASequence() {
      ReturnCaseSnapshot v1 = storeNewCase();
      HistoryHead gap = new HistoryHead(v1.historyHead().sequence() + 1,
          v1.historyHead().hash());

      assertThatIllegalArgumentException().isThrownBy(() -> repository.save(
          TckCases.write(v1, 1, gap, Actor.agent("agent-7"), ReturnStatus.APPROVED)));

      assertUnchanged(v1);
    }

    @Test
    @DisplayName("an update whose first entry does not link to the stored head is refused")
    void updateNotLinkingToTheHead() {
      ReturnCaseSnapshot v1 = storeNewCase();
      HistoryHead forged = new HistoryHead(v1.historyHead().sequence(), FORGED_HASH);

      assertThatIllegalArgumentException().isThrownBy(() -> repository.save(
          TckCases.write(v1, 1, forged, Actor.agent("agent-7"), ReturnStatus.APPROVED)));

      assertUnchanged(v1);
    }

    @Test
    @DisplayName("an update that starts the history over is refused and changes nothing")
    void updateRestartingTheHistory() {
      ReturnCaseSnapshot v1 = storeNewCase();

      assertThatIllegalArgumentException().isThrownBy(() -> repository.save(TckCases.write(v1,
          1, HistoryHead.EMPTY, Actor.agent("agent-7"), ReturnStatus.APPROVED)));

      assertUnchanged(v1);
    }

    private ReturnCaseSnapshot storeNewCase() {
      repository.save(TckCases.newCase(ID));
      return stored(ID);
    }

    private void assertNothingStored() {
      assertThat(repository.findById(ID)).isEmpty();
      assertThat(repository.history(ID)).isEmpty();
      assertThat(repository.findByOrder(TckCases.ORDER)).isEmpty();
    }

    private void assertUnchanged(ReturnCaseSnapshot stored) {
      assertThat(repository.findById(ID)).contains(stored);
      assertThat(repository.history(ID)).hasSize(1)
          .extracting(HistoryHead::of).containsExactly(stored.historyHead());
    }
  }

  @Nested
  @DisplayName("Order limits")
  class Limits {

    private final OrderId order = OrderId.of("O-3001");
    private final Money none = Money.zero(TckCases.EUR);

    private Money eur(String amount) {
      return Money.of(amount, "EUR");
    }

    private void assertOnlyStored(ReturnId... ids) {
      assertThat(repository.findByOrder(order)).extracting(ReturnCaseSnapshot::id)
          .containsExactlyInAnyOrder(ids);
    }

    @Test
    @DisplayName("cases of one order may together hold what was bought, owe what was paid and "
        + "refund the shipping once")
    void withinLimits() {
      repository.save(TckCases.holding(ReturnId.of("R-0301"), order, 1, eur("24.95"),
          eur("4.95")));
      repository.save(TckCases.holding(ReturnId.of("R-0302"), order, 1, eur("24.95"), none));

      assertOnlyStored(ReturnId.of("R-0301"), ReturnId.of("R-0302"));
    }

    @Test
    @DisplayName("a case holding units beyond what was bought is refused and nothing is stored")
    void unitsBeyondBought() {
      repository.save(TckCases.holding(ReturnId.of("R-0311"), order, 2, none, none));

      assertThatThrownBy(() -> repository.save(
          TckCases.holding(ReturnId.of("R-0312"), order, 1, none, none)))
          .isInstanceOfSatisfying(OrderLimitExceededException.class, e -> {
            assertThat(e.returnId()).isEqualTo(ReturnId.of("R-0312"));
            assertThat(e.orderId()).isEqualTo(order);
          })
          .hasMessageContaining("L-1");

      assertThat(repository.findById(ReturnId.of("R-0312"))).isEmpty();
      assertThat(repository.history(ReturnId.of("R-0312"))).isEmpty();
      assertOnlyStored(ReturnId.of("R-0311"));
    }

    @Test
    @DisplayName("units refunded at nothing count against what was bought like any others")
    void freeUnitsCount() {
      repository.save(TckCases.holding(ReturnId.of("R-0316"), order, 1, none, none));
      repository.save(TckCases.holding(ReturnId.of("R-0317"), order, 1, none, none));

      assertThatThrownBy(() -> repository.save(
          TckCases.holding(ReturnId.of("R-0318"), order, 1, none, none)))
          .as("two bought, two held by earlier cases")
          .isInstanceOf(OrderLimitExceededException.class);
      assertOnlyStored(ReturnId.of("R-0316"), ReturnId.of("R-0317"));
    }

    @Test
    @DisplayName("a case owing more than was paid for the line is refused")
    void moneyBeyondPaid() {
      repository.save(TckCases.holding(ReturnId.of("R-0321"), order, 1, eur("24.95"), none));

      assertThatThrownBy(() -> repository.save(
          TckCases.holding(ReturnId.of("R-0322"), order, 1, eur("25.00"), none)))
          .isInstanceOf(OrderLimitExceededException.class);

      assertOnlyStored(ReturnId.of("R-0321"));
    }

    @Test
    @DisplayName("refunds to one tender beyond what it captured, over two cases, are refused; "
        + "up to it, taken")
    void tenderBeyondCaptured() {
      Tender giftCard = new Tender(TenderType.GIFT_CARD, "GC-" + order.value(), eur("20.00"));
      repository.save(TckCases.refundingTender(ReturnId.of("R-0351"), order, eur("15.00"),
          giftCard));

      assertThatThrownBy(() -> repository.save(TckCases.refundingTender(ReturnId.of("R-0352"),
          order, eur("5.01"), giftCard)))
          .isInstanceOf(OrderLimitExceededException.class)
          .hasMessageContaining("GC-" + order.value());
      repository.save(TckCases.refundingTender(ReturnId.of("R-0353"), order, eur("5.00"),
          giftCard));

      assertOnlyStored(ReturnId.of("R-0351"), ReturnId.of("R-0353"));
    }

    @Test
    @DisplayName("an exchange difference charged to a tender is no refund to it: the tender may "
        + "still get back all it captured")
    void chargeIsNoRefund() {
      Tender card = new Tender(TenderType.CARD, "PSP-" + order.value(), eur("20.00"));

      repository.save(TckCases.refundingAndCharging(ReturnId.of("R-0371"), order,
          eur("15.00"), eur("30.00"), card));

      assertThatThrownBy(() -> repository.save(TckCases.refundingTender(ReturnId.of("R-0372"),
          order, eur("5.01"), card)))
          .isInstanceOf(OrderLimitExceededException.class)
          .hasMessageContaining("PSP-" + order.value());
      repository.save(TckCases.refundingTender(ReturnId.of("R-0373"), order, eur("5.00"),
          card));
      assertOnlyStored(ReturnId.of("R-0371"), ReturnId.of("R-0373"));
    }

    @Test
    @DisplayName("a promotion given back beyond what the order's cases clawed back is refused; "
        + "what was clawed back may be given back, on top of what the line was paid")
    void clawbackGivenBack() {
      repository.save(TckCases.clawingBack(ReturnId.of("R-0361"), order, eur("24.95"),
          eur("3.00")));

      assertThatThrownBy(() -> repository.save(TckCases.clawingBack(ReturnId.of("R-0362"),
          order, eur("24.95"), eur("-3.01"))))
          .isInstanceOf(OrderLimitExceededException.class)
          .hasMessageContaining("clawed back");
      repository.save(TckCases.clawingBack(ReturnId.of("R-0363"), order, eur("24.95"),
          eur("-3.00")));

      assertOnlyStored(ReturnId.of("R-0361"), ReturnId.of("R-0363"));
      assertThat(stored(ReturnId.of("R-0363")).lines().get(0).money().due())
          .isEqualTo(eur("27.95"));
    }

    @Test
    @DisplayName("a second refund of the outbound shipping is refused")
    void shippingTwice() {
      repository.save(TckCases.holding(ReturnId.of("R-0331"), order, 1, none, eur("4.95")));

      assertThatThrownBy(() -> repository.save(
          TckCases.holding(ReturnId.of("R-0332"), order, 1, none, eur("0.01"))))
          .isInstanceOf(OrderLimitExceededException.class);

      assertOnlyStored(ReturnId.of("R-0331"));
    }

    @Test
    @DisplayName("an update is checked too, and leaves the stored case as it was when refused")
    void updatesAreChecked() {
      repository.save(TckCases.holding(ReturnId.of("R-0341"), order, 1, none, none));
      repository.save(TckCases.holding(ReturnId.of("R-0342"), order, 1, none, none));
      ReturnCaseSnapshot before = stored(ReturnId.of("R-0342"));
      ReturnCaseSnapshot greedier = TckCases.holding(ReturnId.of("R-0342"), order, 2, none, none)
          .snapshot();

      assertThatThrownBy(() -> repository.save(TckCases.write(greedier, before.version(),
          before.historyHead(), Actor.agent("agent-7"), ReturnStatus.SETTLING)))
          .isInstanceOf(OrderLimitExceededException.class);

      assertThat(stored(ReturnId.of("R-0342"))).isEqualTo(before);
    }

    @Test
    @DisplayName("a case whose refund is lowered, with the same units, frees the money for "
        + "another case")
    void loweredRefundFreesMoney() {
      repository.save(TckCases.holding(ReturnId.of("R-0345"), order, 1, eur("24.95"), none));
      ReturnCaseSnapshot before = stored(ReturnId.of("R-0345"));
      ReturnCaseSnapshot lowered = TckCases.holding(ReturnId.of("R-0345"), order, 1,
          eur("10.00"), none).snapshot();
      repository.save(TckCases.write(lowered, before.version(), before.historyHead(),
          Actor.agent("agent-7"), ReturnStatus.SETTLING));

      assertThatThrownBy(() -> repository.save(TckCases.holding(ReturnId.of("R-0346"), order,
          1, eur("39.91"), none))).as("10.00 + 39.91 of 49.90 paid")
          .isInstanceOf(OrderLimitExceededException.class);
      repository.save(TckCases.holding(ReturnId.of("R-0347"), order, 1, eur("39.90"), none));
      assertOnlyStored(ReturnId.of("R-0345"), ReturnId.of("R-0347"));
    }

    @Test
    @DisplayName("a cancelled case holds nothing, so another may take its units")
    void cancelledCaseFreesUnits() {
      ReturnCaseSnapshot first = TckCases.holding(ReturnId.of("R-0351"), order, 2, none, none)
          .snapshot();
      repository.save(TckCases.write(
          new ReturnCaseSnapshot(first.id(), 1, HistoryHead.EMPTY, order, first.customerId(),
              ReturnStatus.CANCELLED, T0, T0, null, first.returnShippingPaidBy(), null,
              first.lines(), first.outboundShippingPaid(), none, List.of()),
          0, HistoryHead.EMPTY, Actor.customer(TckCases.CUSTOMER.value()),
          ReturnStatus.CANCELLED));

      repository.save(TckCases.holding(ReturnId.of("R-0352"), order, 2, none, none));

      assertOnlyStored(ReturnId.of("R-0351"), ReturnId.of("R-0352"));
    }
  }

  @Nested
  @DisplayName("Finding an order's cases")
  class ByOrder {

    private final OrderId order = OrderId.of("O-2001");

    @Test
    @DisplayName("returns only that order's cases, by request time and then id")
    void onlyThatOrderInOrder() {
      save("R-0203", order, TckCases.CUSTOMER, ReturnStatus.APPROVED, T0, null);
      save("R-0201", order, TckCases.CUSTOMER, ReturnStatus.APPROVED, T0.plusSeconds(7200), null);
      save("R-0202", order, TckCases.CUSTOMER, ReturnStatus.APPROVED, T0, null);
      save("R-0204", OrderId.of("O-2002"), TckCases.CUSTOMER, ReturnStatus.APPROVED,
          T0.minusSeconds(60), null);

      assertThat(ids(repository.findByOrder(order)))
          .containsExactly("R-0202", "R-0203", "R-0201");
    }

    @Test
    @DisplayName("returns each case once, as last saved")
    void eachCaseOnceAsLastSaved() {
      save("R-0211", order, TckCases.CUSTOMER, ReturnStatus.IN_REVIEW, T0, null);
      save("R-0212", order, TckCases.CUSTOMER, ReturnStatus.IN_REVIEW, T0.plusSeconds(1), null);
      ReturnId updated = ReturnId.of("R-0211");
      repository.save(TckCases.update(stored(updated), ReturnStatus.APPROVED));
      repository.save(TckCases.update(stored(updated), ReturnStatus.AWAITING_RETURN));

      assertThat(repository.findByOrder(order))
          .containsExactly(stored(updated), stored(ReturnId.of("R-0212")));
    }

    @Test
    @DisplayName("returns nothing for an order without cases")
    void nothingForAnOrderWithoutCases() {
      save("R-0221", order, TckCases.CUSTOMER, ReturnStatus.APPROVED, T0, null);

      assertThat(repository.findByOrder(OrderId.of("O-2999"))).isEmpty();
    }
  }

  @Nested
  @DisplayName("Finding a customer's cases")
  class ByCustomer {

    private final CustomerId customer = CustomerId.of("C-3001");
    private final TimeRange march1 = new TimeRange(T0, T0.plus(Duration.ofDays(1)));

    @BeforeEach
    void storeCasesAroundOneDay() {
      Instant end = march1.to();
      save("R-0301", customer, T0.minusNanos(1_000));
      save("R-0305", customer, end.minusNanos(1_000));
      save("R-0302", customer, T0);
      save("R-0304", customer, T0.plus(Duration.ofHours(12)));
      save("R-0303", customer, T0.plus(Duration.ofHours(12)));
      save("R-0306", customer, end);
      save("R-0399", CustomerId.of("C-3999"), T0.plus(Duration.ofHours(1)));
    }

    @Test
    @DisplayName("returns only that customer's cases requested from the start, before the end")
    void onlyInHalfOpenRange() {
      assertThat(ids(repository.findByCustomer(customer, march1)))
          .containsExactly("R-0302", "R-0303", "R-0304", "R-0305");
    }

    @Test
    @DisplayName("with an open range returns all of that customer's cases, in order")
    void openRange() {
      assertThat(ids(repository.findByCustomer(customer, TimeRange.ALL)))
          .containsExactly("R-0301", "R-0302", "R-0303", "R-0304", "R-0305", "R-0306");
      assertThat(ids(repository.findByCustomer(customer, TimeRange.since(march1.to()))))
          .containsExactly("R-0306");
    }

    @Test
    @DisplayName("returns nothing for a customer without cases")
    void nothingForACustomerWithoutCases() {
      assertThat(repository.findByCustomer(CustomerId.of("C-3998"), TimeRange.ALL)).isEmpty();
    }

    private void save(String id, CustomerId customerId, Instant requestedAt) {
      ReturnRepositoryContract.this.save(id, OrderId.of("O-" + id), customerId,
          ReturnStatus.IN_REVIEW, requestedAt, null);
    }
  }

  @Nested
  @DisplayName("Paging cases by status")
  class ByStatus {

    private final Set<ReturnStatus> open = Set.of(ReturnStatus.IN_REVIEW, ReturnStatus.APPROVED);
    private final TimeRange march = new TimeRange(T0, T0.plus(Duration.ofDays(30)));

    @Test
    @DisplayName("returns only cases in the given states requested in the range, in order")
    void filtersByStatusAndRange() {
      save("R-0403", ReturnStatus.IN_REVIEW, T0.plusSeconds(60));
      save("R-0401", ReturnStatus.APPROVED, T0.plusSeconds(120));
      save("R-0402", ReturnStatus.IN_REVIEW, T0.plusSeconds(60));
      save("R-0404", ReturnStatus.REJECTED, T0.plusSeconds(60));
      save("R-0405", ReturnStatus.APPROVED, T0.minusSeconds(1));
      save("R-0406", ReturnStatus.APPROVED, march.to());

      Page<ReturnCaseSnapshot> page = repository.findByStatus(open, march,
          PageRequest.first(PageRequest.MAX_SIZE));

      assertThat(ids(page.items())).containsExactly("R-0402", "R-0403", "R-0401");
      assertThat(page.nextPageToken()).isNull();
    }

    @Test
    @DisplayName("finds a case by the state it was last saved in")
    void findsByCurrentStatus() {
      save("R-0411", ReturnStatus.IN_REVIEW, T0);
      ReturnId id = ReturnId.of("R-0411");
      repository.save(TckCases.update(stored(id), ReturnStatus.APPROVED));

      assertThat(all(Set.of(ReturnStatus.IN_REVIEW), 10)).isEmpty();
      assertThat(all(Set.of(ReturnStatus.APPROVED), 10)).containsExactly(stored(id));
    }

    @Test
    @DisplayName("following the page tokens visits every case once, in order, in full pages")
    void pagesVisitEveryCaseOnce() {
      List<String> expected = storeSevenMatchingCasesAndSomeOthers();

      List<Page<ReturnCaseSnapshot>> pages = new ArrayList<>();
      Page<ReturnCaseSnapshot> page = repository.findByStatus(open, march, PageRequest.first(3));
      pages.add(page);
      while (page.nextPageToken() != null && pages.size() <= expected.size()) {
        page = repository.findByStatus(open, march, new PageRequest(3, page.nextPageToken()));
        pages.add(page);
      }

      assertThat(pages).extracting(p -> p.items().size()).containsExactly(3, 3, 1);
      assertThat(pages.get(2).nextPageToken()).isNull();
      assertThat(ids(pages.stream().flatMap(p -> p.items().stream()).toList()))
          .containsExactlyElementsOf(expected);
    }

    @Test
    @DisplayName("a page exactly as large as what matches is the last one")
    void exactlyFullPageIsLast() {
      List<String> expected = storeSevenMatchingCasesAndSomeOthers();

      Page<ReturnCaseSnapshot> page = repository.findByStatus(open, march, PageRequest.first(7));

      assertThat(ids(page.items())).containsExactlyElementsOf(expected);
      assertThat(page.nextPageToken()).isNull();
    }

    @Test
    @DisplayName("cases requested at the same instant are paged by id, none lost or repeated")
    void sameInstantPagedById() {
      save("R-0442", ReturnStatus.APPROVED, T0);
      save("R-0441", ReturnStatus.IN_REVIEW, T0);
      save("R-0443", ReturnStatus.APPROVED, T0);

      List<String> seen = new ArrayList<>();
      Page<ReturnCaseSnapshot> page = repository.findByStatus(open, march, PageRequest.first(1));
      seen.addAll(ids(page.items()));
      for (int pages = 1; page.nextPageToken() != null && pages <= 3; pages++) {
        page = repository.findByStatus(open, march, new PageRequest(1, page.nextPageToken()));
        seen.addAll(ids(page.items()));
      }

      assertThat(seen).containsExactly("R-0441", "R-0442", "R-0443");
      assertThat(page.nextPageToken()).isNull();
    }

    @Test
    @DisplayName("a token still works after cases were added: later ones show, none repeats")
    void tokensAreKeysetPositions() {
      List<String> expected = storeSevenMatchingCasesAndSomeOthers();
      Page<ReturnCaseSnapshot> first = repository.findByStatus(open, march, PageRequest.first(3));
      save("R-0400", ReturnStatus.IN_REVIEW, T0);
      save("R-0499", ReturnStatus.APPROVED, T0.plus(Duration.ofDays(20)));

      List<ReturnCaseSnapshot> rest = new ArrayList<>();
      String token = first.nextPageToken();
      for (int pages = 0; token != null && pages <= expected.size(); pages++) {
        Page<ReturnCaseSnapshot> page = repository.findByStatus(open, march,
            new PageRequest(3, token));
        rest.addAll(page.items());
        token = page.nextPageToken();
      }

      List<String> expectedRest = new ArrayList<>(expected.subList(3, expected.size()));
      expectedRest.add("R-0499");
      assertThat(ids(first.items())).containsExactlyElementsOf(expected.subList(0, 3));
      assertThat(ids(rest)).containsExactlyElementsOf(expectedRest);
    }

    @Test
    @DisplayName("a token the repository did not hand out is refused")
    void foreignTokenIsRefused() {
      storeSevenMatchingCasesAndSomeOthers();

      assertThatIllegalArgumentException().isThrownBy(() -> repository.findByStatus(open, march,
          new PageRequest(3, "this is not a page token!")));
      assertThatIllegalArgumentException().isThrownBy(() -> repository.findByStatus(open, march,
          new PageRequest(3, "%%%")));
    }

    /** Seven matching cases out of insertion and id order, and four that do not match. */
    private List<String> storeSevenMatchingCasesAndSomeOthers() {
      save("R-0427", ReturnStatus.APPROVED, T0.plus(Duration.ofDays(3)));
      save("R-0421", ReturnStatus.IN_REVIEW, T0.plus(Duration.ofDays(5)));
      save("R-0423", ReturnStatus.IN_REVIEW, T0.plus(Duration.ofDays(1)));
      save("R-0422", ReturnStatus.APPROVED, T0.plus(Duration.ofDays(1)));
      save("R-0426", ReturnStatus.APPROVED, T0);
      save("R-0425", ReturnStatus.IN_REVIEW, T0.plus(Duration.ofDays(2)));
      save("R-0424", ReturnStatus.APPROVED, T0.plus(Duration.ofDays(4)));
      save("R-0431", ReturnStatus.CANCELLED, T0.plus(Duration.ofDays(1)));
      save("R-0432", ReturnStatus.AWAITING_RETURN, T0.plus(Duration.ofDays(2)));
      save("R-0433", ReturnStatus.APPROVED, T0.minus(Duration.ofDays(1)));
      save("R-0434", ReturnStatus.IN_REVIEW, march.to().plusSeconds(1));
      return List.of("R-0426", "R-0422", "R-0423", "R-0425", "R-0427", "R-0424", "R-0421");
    }

    private List<ReturnCaseSnapshot> all(Set<ReturnStatus> statuses, int size) {
      Page<ReturnCaseSnapshot> page = repository.findByStatus(statuses, TimeRange.ALL,
          PageRequest.first(size));
      assertThat(page.nextPageToken()).as("a single page is enough").isNull();
      return page.items();
    }

    private void save(String id, ReturnStatus status, Instant requestedAt) {
      ReturnRepositoryContract.this.save(id, TckCases.ORDER, TckCases.CUSTOMER, status,
          requestedAt, null);
    }
  }

  @Nested
  @DisplayName("Finding overdue cases")
  class Due {

    private final Instant cutoff = T0.plus(Duration.ofHours(2));
    private final Set<ReturnStatus> pending = Set.of(ReturnStatus.IN_REVIEW,
        ReturnStatus.APPROVED, ReturnStatus.AWAITING_RETURN);

    @BeforeEach
    void storeCasesAroundTheCutoff() {
      save("R-0503", ReturnStatus.IN_REVIEW, T0.plus(Duration.ofHours(1)));
      save("R-0502", ReturnStatus.AWAITING_RETURN, T0);
      save("R-0504", ReturnStatus.AWAITING_RETURN, cutoff.minusNanos(1_000));
      save("R-0501", ReturnStatus.AWAITING_RETURN, T0);
      save("R-0505", ReturnStatus.AWAITING_RETURN, cutoff);
      save("R-0506", ReturnStatus.AWAITING_RETURN, cutoff.plus(Duration.ofDays(1)));
      save("R-0507", ReturnStatus.IN_TRANSIT, T0.minus(Duration.ofDays(1)));
      save("R-0508", ReturnStatus.APPROVED, null);
    }

    @Test
    @DisplayName("returns cases in the given states due strictly before, most overdue first")
    void overdueFirst() {
      assertThat(ids(repository.findDue(pending, cutoff, 100)))
          .containsExactly("R-0501", "R-0502", "R-0503", "R-0504");
    }

    @Test
    @DisplayName("returns no more than the limit, the most overdue")
    void respectsTheLimit() {
      assertThat(ids(repository.findDue(pending, cutoff, 3)))
          .containsExactly("R-0501", "R-0502", "R-0503");
      assertThat(ids(repository.findDue(pending, cutoff, 1))).containsExactly("R-0501");
    }

    @Test
    @DisplayName("never returns a case without a due time")
    void neverReturnsCasesWithoutDueTime() {
      Instant farFuture = T0.plus(Duration.ofDays(3650));

      assertThat(repository.findDue(Set.of(ReturnStatus.APPROVED), farFuture, 100)).isEmpty();
      assertThat(ids(repository.findDue(EnumSet.allOf(ReturnStatus.class), farFuture, 100)))
          .hasSize(7).doesNotContain("R-0508");
    }

    private void save(String id, ReturnStatus status, Instant dueAt) {
      ReturnRepositoryContract.this.save(id, TckCases.ORDER, TckCases.CUSTOMER, status,
          T0.minus(Duration.ofDays(1)), dueAt);
    }
  }

  @Nested
  @DisplayName("Racing writers")
  class RacingWriters {

    @Test
    @DisplayName("of one version of a case: exactly one wins, and only its history is stored")
    void oneWinnerPerVersion() {
      for (int round = 0; round < Race.ROUNDS; round++) {
        ReturnId id = ReturnId.of(String.format("R-07%02d", round));
        CaseWrite created = TckCases.newCase(id);
        repository.save(created);
        ReturnCaseSnapshot v1 = stored(id);
        List<CaseWrite> writes = IntStream.range(0, Race.THREADS)
            .mapToObj(n -> TckCases.update(v1, Actor.agent("agent-" + n), ReturnStatus.APPROVED))
            .toList();

        List<Race.Outcome<CaseWrite>> outcomes = Race.run(Race.THREADS, n -> {
          repository.save(writes.get(n));
          return writes.get(n);
        });

        List<CaseWrite> winners = Race.values(outcomes);
        assertThat(winners).as("winners of round %d", round).hasSize(1);
        assertThat(Race.failures(outcomes)).hasSize(Race.THREADS - 1)
            .allSatisfy(e -> assertThat(e).isInstanceOf(ConcurrentReturnUpdateException.class));
        CaseWrite winner = winners.get(0);
        assertThat(repository.findById(id)).contains(winner.snapshot());
        assertThat(repository.history(id)).as("history of round %d", round)
            .containsExactlyElementsOf(concat(created.newHistory(), winner.newHistory()));
      }
    }

    @Test
    @DisplayName("creating the same case: exactly one wins")
    void oneCreatorWins() {
      for (int round = 0; round < Race.ROUNDS; round++) {
        ReturnId id = ReturnId.of(String.format("R-08%02d", round));
        OrderId order = OrderId.of(String.format("O-08%02d", round));
        List<CaseWrite> writes = IntStream.range(0, Race.THREADS)
            .mapToObj(n -> TckCases.newCase(id, order, CustomerId.of("C-" + n),
                ReturnStatus.IN_REVIEW, T0, null))
            .toList();

        List<Race.Outcome<CaseWrite>> outcomes = Race.run(Race.THREADS, n -> {
          repository.save(writes.get(n));
          return writes.get(n);
        });

        List<CaseWrite> winners = Race.values(outcomes);
        assertThat(winners).as("winners of round %d", round).hasSize(1);
        assertThat(Race.failures(outcomes))
            .allSatisfy(e -> assertThat(e).isInstanceOf(ConcurrentReturnUpdateException.class));
        assertThat(repository.findById(id)).contains(winners.get(0).snapshot());
        assertThat(repository.history(id))
            .containsExactlyElementsOf(winners.get(0).newHistory());
        assertThat(repository.findByOrder(order)).hasSize(1);
      }
    }

    @Test
    @DisplayName("never let a reader see a snapshot without the history saved with it")
    void readersSeeSnapshotAndHistoryTogether() {
      repository.save(TckCases.newCase(ID));
      AtomicBoolean writing = new AtomicBoolean(true);

      List<Race.Outcome<List<String>>> outcomes = Race.run(Race.THREADS, racer -> {
        List<String> torn = new ArrayList<>();
        if (racer == 0) {
          try {
            for (int i = 0; i < 10 * Race.ROUNDS; i++) {
              repository.save(TckCases.update(stored(ID),
                  i % 2 == 0 ? ReturnStatus.APPROVED : ReturnStatus.IN_REVIEW));
            }
          } finally {
            writing.set(false);
          }
        }
        while (writing.get()) {
          // Snapshot first, then history: the history may have grown since, never lag behind.
          HistoryHead head = stored(ID).historyHead();
          List<HistoryEntry> history = repository.history(ID);
          if (history.size() < head.sequence()
              || !HistoryHead.of(history.get(head.sequence() - 1)).equals(head)) {
            torn.add("head " + head.sequence() + " read with " + history.size() + " entries");
          }
        }
        return torn;
      });

      assertThat(Race.failures(outcomes)).isEmpty();
      assertThat(Race.values(outcomes)).allSatisfy(torn -> assertThat(torn).isEmpty());
      assertThat(repository.history(ID)).hasSize(1 + 10 * Race.ROUNDS);
    }

    @Test
    @DisplayName("of different cases: every write is stored")
    void differentCasesDoNotConflict() {
      List<Race.Outcome<ReturnId>> outcomes = Race.run(Race.THREADS, n -> {
        ReturnId id = ReturnId.of("R-06" + String.format("%02d", n));
        repository.save(TckCases.newCase(id));
        repository.save(TckCases.update(stored(id), ReturnStatus.APPROVED));
        return id;
      });

      assertThat(Race.failures(outcomes)).isEmpty();
      assertThat(repository.findByOrder(TckCases.ORDER)).hasSize(Race.THREADS)
          .allSatisfy(snapshot -> assertThat(snapshot.version()).isEqualTo(2));
      assertThat(new HashSet<>(ids(repository.findByOrder(TckCases.ORDER))))
          .hasSize(Race.THREADS);
    }
  }

  private void save(String id, OrderId orderId, CustomerId customerId, ReturnStatus status,
      Instant requestedAt, Instant dueAt) {
    repository.save(TckCases.newCase(ReturnId.of(id), orderId, customerId, status, requestedAt,
        dueAt));
  }

  private ReturnCaseSnapshot stored(ReturnId id) {
    return repository.findById(id).orElseThrow(() -> new AssertionError(id + " is not stored"));
  }

  private ConcurrentReturnUpdateException refusedAsConcurrent(CaseWrite write) {
    Throwable thrown = catchThrowable(() -> repository.save(write));
    assertThat(thrown).isInstanceOf(ConcurrentReturnUpdateException.class);
    return (ConcurrentReturnUpdateException) thrown;
  }

  private static List<String> ids(List<ReturnCaseSnapshot> snapshots) {
    return snapshots.stream().map(snapshot -> snapshot.id().value()).toList();
  }

  private static <T> List<T> concat(List<T> first, List<T> second) {
    return Stream.concat(first.stream(), second.stream()).toList();
  }

  /** Either refused with an exception, or done: both are fine for what the caller checks. */
  private static void tryTo(Runnable change) {
    try {
      change.run();
    } catch (UnsupportedOperationException refused) {
      // An unmodifiable list: the safest answer.
    }
  }
}
