package dev.returnkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.audit.AuditFinding;
import dev.returnkit.core.audit.AuditPage;
import dev.returnkit.core.audit.CaseAuditReport;
import dev.returnkit.core.audit.HistoryCheckpoint;
import dev.returnkit.core.fixtures.MutableClock;
import dev.returnkit.core.fixtures.Orders;
import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.AccessDeniedException;
import dev.returnkit.spi.CaseIntegrityException;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.ReturnNotFoundException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ForwardingReturnRepository;
import dev.returnkit.spi.storage.Page;
import dev.returnkit.spi.storage.PageRequest;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tamper evidence through the facade, with a repository that hands out what someone with
 * access to the storage changed behind returnkit's back. (returns-jdbc's TamperingTest does the
 * same with real SQL on PostgreSQL.)
 */
@DisplayName("A case changed behind its history's back")
class TamperEvidenceTest {

  private static final byte[] KEY =
      "a key the database never sees, 32+ bytes".getBytes(StandardCharsets.UTF_8);

  private static final Actor AUDIT_JOB = Actor.system("nightly-audit");

  private final MutableClock clock = new MutableClock(TestShop.START);
  private final InMemoryPorts ports = InMemoryPorts.create(clock);
  private UnaryOperator<ReturnCaseSnapshot> editCase = UnaryOperator.identity();
  private UnaryOperator<List<HistoryEntry>> editHistory = UnaryOperator.identity();
  private Returns returns;
  private ReturnId id;

  @BeforeEach
  void inspectedCase() {
    ForwardingReturnRepository tampered = new ForwardingReturnRepository(ports.repository()) {
      @Override
      public Optional<ReturnCaseSnapshot> findById(ReturnId returnId) {
        return super.findById(returnId).map(editCase);
      }

      @Override
      public List<HistoryEntry> history(ReturnId returnId) {
        return editHistory.apply(super.history(returnId));
      }

      @Override
      public List<ReturnCaseSnapshot> findDue(Set<ReturnStatus> statuses, Instant dueBefore,
          int limit) {
        return super.findDue(statuses, dueBefore, limit).stream().map(editCase).toList();
      }

      @Override
      public Page<ReturnCaseSnapshot> findByStatus(Set<ReturnStatus> statuses,
          TimeRange requested, PageRequest page) {
        Page<ReturnCaseSnapshot> found = super.findByStatus(statuses, requested, page);
        return new Page<>(found.items().stream().map(editCase).toList(), found.nextPageToken());
      }
    };
    returns = ports.wire(Returns.builder()).repository(tampered).policies(TestPolicies.policies())
        .clock(clock).ids(ReturnIdSource.sequential("R")).build();
    id = newInspectedCase("O-1");
  }

  /** A case of customer C-1 through request, label, scan, receipt and inspection. */
  private ReturnId newInspectedCase(String orderId) {
    OrderSnapshot order = Orders.order(orderId, clock.instant())
        .line("L-1", "SKU-LAMP", "home", 1, "40.00").build();
    ports.orders().put(order);
    ReturnId opened = returns.request(TestShop.request(order,
        RequestedLine.of(TestShop.line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND)))
        .id();
    returns.arrangeShipment(opened, ShipmentOptions.label(TestShop.CUSTOMER));
    String tracking = ports.repository().findById(opened).orElseThrow().shipment()
        .trackingNumber();
    returns.recordCarrierEvent(opened, CarrierEvent.inTransit(tracking, clock.instant(), "Hub"),
        TestShop.CARRIER_FEED);
    returns.receive(opened, new GoodsReceipt(TestShop.WAREHOUSE,
        List.of(new ReceivedLine(TestShop.line("L-1"), 1))));
    returns.inspect(opened, new InspectionReport(TestShop.WAREHOUSE,
        List.of(InspectedLine.of(TestShop.line("L-1"), 1, ItemGrade.A))));
    return opened;
  }

  private int lastSequence() {
    return ports.repository().history(id).size();
  }

  private void assertSettlementRefused(String finding) {
    int events = ports.events().events().size();
    assertThatThrownBy(() -> returns.settle(id, TestShop.SETTLEMENT_JOB))
        .isInstanceOfSatisfying(CaseIntegrityException.class, e -> {
          assertThat(e.returnId()).isEqualTo(id);
          assertThat(e.findings()).containsExactly(finding);
          assertThat(e).hasMessage("return case R-1 disagrees with its history, so it is not "
              + "changed: " + finding);
        });
    assertThat(ports.payments().calls()).isEmpty();
    assertThat(ports.events().events()).hasSize(events);
    assertThat(ports.repository().findById(id).orElseThrow().status())
        .isEqualTo(ReturnStatus.INSPECTED);
  }

  @Test
  @DisplayName("is intact when nobody touched it, and its entries seal its state")
  void intact() {
    CaseAuditReport report = returns.audit(id, TestShop.SUPERVISOR);
    assertThat(report.intact()).isTrue();
    assertThat(report.entries()).isEqualTo(5);
    assertThat(report.sealedEntries()).isEqualTo(5);
    assertThat(report.describe()).isEqualTo("R-1: intact (5 entries, 5 sealing the state)");
  }

  @Test
  @DisplayName("in its stored state (a SKU changed) is refused by every command and reported "
      + "by the audit at its last entry")
  void stateEdited() {
    editCase = c -> c.toBuilder().lines(List.of(c.lines().get(0).toBuilder()
        .sku(Sku.of("SKU-CHEAPER")).build())).build();

    assertSettlementRefused("#5: state mismatch (the stored case is not the state this entry "
        + "sealed)");
    assertThat(returns.audit(id, TestShop.SUPERVISOR).findings())
        .containsExactly(new AuditFinding.StateMismatch(5));
  }

  @Test
  @DisplayName("in a history entry (a note changed, its hash left) is found at that entry")
  void entryEdited() {
    editHistory = history -> {
      List<HistoryEntry> edited = new ArrayList<>(history);
      HistoryEntry third = edited.get(2);
      edited.set(2, new HistoryEntry(third.returnId(), third.sequence(), third.at(),
          third.actor(), third.command(), third.fromStatus(), third.toStatus(),
          third.reasonCodes(), third.rules(), "Hub Somewhere Else", third.stateDigest(),
          third.previousHash(), third.hash()));
      return edited;
    };

    assertSettlementRefused("#3: broken link (the entry's hash does not match its content, or "
        + "its link to the entry before)");
  }

  @Test
  @DisplayName("with its last entry removed is a head mismatch")
  void entryRemoved() {
    editHistory = history -> history.subList(0, history.size() - 1);
    CaseAuditReport report = returns.audit(id, TestShop.SUPERVISOR);
    assertThat(report.findings()).singleElement().isInstanceOfSatisfying(
        AuditFinding.HeadMismatch.class, mismatch -> {
          assertThat(mismatch.sequence()).isEqualTo(4);
          assertThat(mismatch.recordedSequence()).isEqualTo(5);
        });
    assertThatThrownBy(() -> returns.settle(id, TestShop.SETTLEMENT_JOB))
        .isInstanceOf(CaseIntegrityException.class).hasMessageContaining("#4: head mismatch");
  }

  @Test
  @DisplayName("with its history rewritten and every hash recomputed is found only against a "
      + "checkpoint taken before")
  void rewrittenWithCheckpoint() {
    HistoryCheckpoint before = returns.checkpoint(AUDIT_JOB, KEY);
    List<HistoryEntry> original = ports.repository().history(id);
    List<HistoryEntry> forged = rewriteFrom(original, 2, "a forged note");
    editHistory = history -> forged;
    editCase = c -> c.toBuilder().historyHead(HistoryHead.of(forged.get(forged.size() - 1)))
        .build();

    assertThat(returns.audit(id, TestShop.SUPERVISOR).intact()).as("without a checkpoint")
        .isTrue();
    AuditPage page = returns.auditStore(PageRequest.first(10), AUDIT_JOB, before, KEY);
    assertThat(page.broken()).singleElement().satisfies(report -> assertThat(report.findings())
        .containsExactly(new AuditFinding.CheckpointMismatch(5, original.get(4).hash())));
  }

  /** The history with entry {@code index}'s note changed and the chain recomputed from it. */
  private static List<HistoryEntry> rewriteFrom(List<HistoryEntry> history, int index,
      String note) {
    List<HistoryEntry> forged = new ArrayList<>(history.subList(0, index));
    HistoryHead head = index == 0 ? HistoryHead.EMPTY : HistoryHead.of(forged.get(index - 1));
    for (int i = index; i < history.size(); i++) {
      HistoryEntry e = history.get(i);
      HistoryEntry copy = HistoryChain.append(head, e.returnId(), e.at(), e.actor(), e.command(),
          e.fromStatus(), e.toStatus(), e.reasonCodes(), e.rules(), i == index ? note : e.note(),
          e.stateDigest());
      forged.add(copy);
      head = HistoryHead.of(copy);
    }
    return forged;
  }

  @Test
  @DisplayName("is told from a command that committed after the case was read")
  void raceIsNoTampering() {
    ReturnCaseSnapshot stale = ports.repository().findById(id).orElseThrow();
    returns.settle(id, TestShop.SETTLEMENT_JOB);
    // The first read is the stale case, the second the stored one.
    boolean[] first = {true};
    editCase = c -> {
      if (first[0]) {
        first[0] = false;
        return stale;
      }
      return c;
    };
    assertThat(returns.audit(id, TestShop.SUPERVISOR).intact()).isTrue();
  }

  @Test
  @DisplayName("is skipped by the expiry job, which expires the others")
  void expiryGoesOn() {
    List<ReturnId> awaiting = new ArrayList<>();
    for (String orderId : List.of("O-7", "O-8")) {
      OrderSnapshot order = Orders.order(orderId, clock.instant())
          .line("L-1", "SKU-LAMP", "home", 1, "40.00").build();
      ports.orders().put(order);
      ReturnId opened = returns.request(TestShop.request(order, RequestedLine.of(
          TestShop.line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND))).id();
      returns.arrangeShipment(opened, ShipmentOptions.label(TestShop.CUSTOMER));
      awaiting.add(opened);
    }
    ReturnId tamperedWith = awaiting.get(0);
    editCase = c -> c.id().equals(tamperedWith)
        ? c.toBuilder().returnShippingPaidBy(dev.returnkit.spi.vocabulary.ReturnShippingPayer
            .CUSTOMER == c.returnShippingPaidBy()
            ? dev.returnkit.spi.vocabulary.ReturnShippingPayer.SELLER
            : dev.returnkit.spi.vocabulary.ReturnShippingPayer.CUSTOMER).build()
        : c;
    clock.advance(java.time.Duration.ofDays(30));

    assertThat(returns.expireOverdue(clock.instant(), Actor.SYSTEM))
        .extracting(ReturnResult::id).containsExactly(awaiting.get(1));
    assertThat(ports.repository().findById(tamperedWith).orElseThrow().status())
        .isEqualTo(ReturnStatus.AWAITING_RETURN);
  }

  @Test
  @DisplayName("is listed in the page of the store audit it is on, with its neighbours intact")
  void storeAudit() {
    ReturnId second = newInspectedCase("O-2");
    ReturnId third = newInspectedCase("O-3");
    editCase = c -> c.id().equals(second) ? c.toBuilder().dueAt(null).build() : c;

    AuditPage first = returns.auditStore(PageRequest.first(2), AUDIT_JOB);
    AuditPage rest = returns.auditStore(new PageRequest(2, first.next().orElseThrow()),
        AUDIT_JOB);

    List<CaseAuditReport> all = new ArrayList<>(first.reports());
    all.addAll(rest.reports());
    assertThat(all).extracting(CaseAuditReport::returnId).containsExactly(id, second, third);
    assertThat(first.broken()).extracting(CaseAuditReport::returnId).containsExactly(second);
    assertThat(rest.broken()).isEmpty();
    assertThat(rest.next()).isEmpty();
  }

  @Test
  @DisplayName("the audit is the supervisors' and system jobs', takes a well-formed actor, and "
      + "names an unknown case")
  void whoAudits() {
    for (Runnable call : List.<Runnable>of(
        () -> returns.audit(id, TestShop.WAREHOUSE),
        () -> returns.auditStore(PageRequest.first(5), TestShop.WAREHOUSE),
        () -> returns.checkpoint(TestShop.AGENT, KEY))) {
      assertThatThrownBy(call::run).isInstanceOf(AccessDeniedException.class)
          .hasMessageContaining("only SUPERVISOR or SYSTEM may audit");
    }
    for (Runnable call : List.<Runnable>of(
        () -> returns.audit(id, null),
        () -> returns.auditStore(PageRequest.first(5), null),
        () -> returns.checkpoint(new Actor(ActorRole.SYSTEM, " "), KEY))) {
      assertThatThrownBy(call::run).isInstanceOfSatisfying(InvalidReturnRequestException.class,
          e -> assertThat(e.violations()).extracting(Violation::path)
              .containsAnyOf("actor", "actor.id"));
    }
    assertThatThrownBy(() -> returns.audit(ReturnId.of("R-404"), TestShop.SUPERVISOR))
        .isInstanceOf(ReturnNotFoundException.class);
  }

  @Test
  @DisplayName("checkpoints: sealed with the key, refused with another or once changed, and "
      + "read back from their text")
  void checkpoints() {
    HistoryCheckpoint checkpoint = returns.checkpoint(AUDIT_JOB, KEY);
    assertThat(checkpoint.heads()).containsOnlyKeys(id);
    assertThat(checkpoint.heads().get(id).sequence()).isEqualTo(5);
    assertThat(checkpoint.isSealedWith(KEY)).isTrue();
    HistoryCheckpoint read = HistoryCheckpoint.parse(checkpoint.text());
    assertThat(read).isEqualTo(checkpoint);
    assertThat(read.isSealedWith(KEY)).isTrue();

    byte[] other = "another key the database never sees, 32+".getBytes(StandardCharsets.UTF_8);
    assertThat(read.isSealedWith(other)).isFalse();
    assertThatThrownBy(() -> returns.auditStore(PageRequest.first(5), AUDIT_JOB,
        read, other)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("is not sealed with this key: it was changed, or the key is "
            + "another");
    String moved = checkpoint.text().replace(" 5 ", " 4 ");
    assertThat(HistoryCheckpoint.parse(moved).isSealedWith(KEY)).isFalse();
    assertThatThrownBy(() -> HistoryCheckpoint.seal(clock.instant(), checkpoint.heads(),
        new byte[31])).hasMessage("a checkpoint key needs at least 32 bytes, got 31");
    assertThatThrownBy(() -> HistoryCheckpoint.parse("returnkit-checkpoint 1\nsealed-at x\n"
        + "cases 0\nhmac-sha256 00\n")).hasMessage("line 2: expected 'sealed-at <instant>'");
    assertThatThrownBy(() -> HistoryCheckpoint.parse(checkpoint.text().replace("cases 1",
        "cases 2"))).hasMessage("line 3: says 2 cases, the file has 1 case lines");
  }
}
