package dev.returnkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.audit.Erasure;
import dev.returnkit.core.fixtures.AccessWorld;
import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.jdbc.JdbcReturnRepository;
import dev.returnkit.jdbc.ReturnkitSchema;
import dev.returnkit.spi.AccessDeniedException;
import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.testing.postgres.FreshPostgres;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

/**
 * Forgetting a customer: their notes, the staff's notes about their case and their own actor
 * ids go, from the stored case and its history; the chain and the audit stay intact, the
 * erasure is recorded, and nothing else moves. In memory and on PostgreSQL (where the
 * append-only trigger allows exactly this).
 */
@DisplayName("Forgetting a customer")
class ErasureTest {

  private static final AtomicInteger WORLDS = new AtomicInteger(1000);
  private static DataSource postgres;

  private static synchronized ReturnRepository repository(String store) {
    if (store.equals("in memory")) {
      return null;
    }
    if (postgres == null) {
      postgres = FreshPostgres.schema().dataSource();
      ReturnkitSchema.migrate(postgres);
    }
    return JdbcReturnRepository.create(postgres);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"in memory", "on PostgreSQL"})
  @DisplayName("erases notes and the customer's ids, keeps the chain and the rest, and records it")
  void forgets(String store) {
    AccessWorld world = new AccessWorld(TestPolicies.policies(), repository(store),
        WORLDS.incrementAndGet());
    world.order("600.00");
    ReturnRequest own = world.ownersRequest();
    ReturnId id = world.returns.request(new ReturnRequest(own.orderId(), own.customerId(),
        List.of(new RequestedLine(AccessWorld.L1, 1, ReturnReason.DEFECTIVE, Resolution.REFUND,
            "I am Jane Doe, 12 Rose Lane; it broke")), world.owner)).id();
    world.returns.approve(id, new Approval(TestShop.SUPERVISOR, "called Jane, she is nice"));
    world.returns.arrangeShipment(id, ShipmentOptions.label(world.owner));
    world.returns.recordCarrierEvent(id, CarrierEvent.inTransit(world.tracking(id),
        world.clock.instant(), "Hub"), TestShop.CARRIER_FEED);
    world.returns.receive(id, new GoodsReceipt(TestShop.WAREHOUSE,
        List.of(new ReceivedLine(AccessWorld.L1, 1))));
    world.returns.inspect(id, new InspectionReport(TestShop.WAREHOUSE, List.of(
        new InspectedLine(AccessWorld.L1, 1, ItemGrade.B, Set.of(), "Jane's hair in the box"))));
    ReturnCaseSnapshot before = world.returns.find(id).orElseThrow();
    List<HistoryEntry> historyBefore = world.returns.history(id);

    Erasure erasure = world.returns.forgetCustomer(CustomerId.of(world.owner.id()),
        TestShop.SUPERVISOR);

    assertThat(erasure.cases()).containsExactly(id);
    assertThat(erasure.entriesKept()).isZero();
    ReturnCaseSnapshot after = world.returns.find(id).orElseThrow();
    assertThat(after.lines().get(0).customerNote()).isNull();
    assertThat(after.lines().get(0).inspection().note()).isNull();
    assertThat(after.lines().get(0).inspection().grade()).isEqualTo(ItemGrade.B);
    assertThat(after.status()).isEqualTo(before.status());
    assertThat(after.lines().get(0).money()).isEqualTo(before.lines().get(0).money());
    List<HistoryEntry> history = world.returns.history(id);
    assertThat(history).hasSize(historyBefore.size() + 1);
    assertThat(history).allSatisfy(entry -> assertThat(entry.note()).isNull());
    assertThat(history).filteredOn(e -> e.actor().role() == ActorRole.CUSTOMER)
        .isNotEmpty().allSatisfy(e -> assertThat(e.actor().id()).isEqualTo(HistoryEntry.ERASED));
    assertThat(history).filteredOn(e -> e.actor().role() != ActorRole.CUSTOMER)
        .extracting(e -> e.actor().id()).doesNotContain(HistoryEntry.ERASED);
    assertThat(history).extracting(HistoryEntry::hash).startsWith(
        historyBefore.stream().map(HistoryEntry::hash).toArray(String[]::new));
    HistoryEntry recorded = history.get(history.size() - 1);
    assertThat(recorded.command()).isEqualTo(ReturnCommand.ERASE_PERSONAL_DATA);
    assertThat(recorded.reasonCodes()).containsExactly("PERSONAL_DATA_ERASED");
    assertThat(recorded.actor()).isEqualTo(TestShop.SUPERVISOR);
    assertThat(HistoryChain.firstBrokenLink(history)).isEmpty();
    assertThat(world.returns.audit(id, TestShop.SUPERVISOR).intact()).isTrue();
    assertThat(history.toString() + after).doesNotContain("Jane");

    // The case goes on: it is settled as it would have been.
    world.returns.settle(id, TestShop.SETTLEMENT_JOB);
    assertThat(world.returns.find(id).orElseThrow().status()).isEqualTo(ReturnStatus.COMPLETED);
  }

  @org.junit.jupiter.api.Test
  @DisplayName("on PostgreSQL also takes a cancellation's reason out of the outbox")
  void outbox() throws java.sql.SQLException {
    AccessWorld world = new AccessWorld(TestPolicies.policies(), repository("on PostgreSQL"),
        WORLDS.incrementAndGet());
    ReturnId id = world.caseIn(ReturnStatus.APPROVED);
    world.returns.cancel(id, new dev.returnkit.core.returncase.Cancellation(world.owner,
        "moving in with Jane's mum"));
    assertThat(outbox(id)).contains("moving in with Jane's mum");

    world.returns.forgetCustomer(CustomerId.of(world.owner.id()), TestShop.SUPERVISOR);

    assertThat(outbox(id)).doesNotContain("Jane").contains("\"reason\":null");

    // A case stored by an earlier release, whose history has nothing it could erase, still
    // loses the reason from the outbox.
    ReturnId old = ReturnId.of("R-OLD-" + WORLDS.incrementAndGet());
    var created = dev.returnkit.tck.TckCases.newCase(old);
    ReturnRepository store = repository("on PostgreSQL");
    store.save(new dev.returnkit.spi.storage.CaseWrite(created.snapshot(), 0,
        created.newHistory(), List.of(new dev.returnkit.spi.event.ReturnEvent.ReturnCancelled(
            dev.returnkit.spi.event.EventHeader.of(old, 1, 0, created.snapshot().requestedAt()),
            "ask Jane next door"))));
    AccessWorld earlier = new AccessWorld(TestPolicies.policies(), store,
        WORLDS.incrementAndGet());
    earlier.returns.forgetCustomer(created.snapshot().customerId(), TestShop.SUPERVISOR);
    assertThat(outbox(old)).doesNotContain("Jane").contains("\"reason\":null");
  }

  private static String outbox(ReturnId id) throws java.sql.SQLException {
    StringBuilder payloads = new StringBuilder();
    try (var connection = postgres.getConnection(); var select = connection.prepareStatement(
        "select payload from rk_outbox where return_id = ? order by id")) {
      select.setString(1, id.value());
      try (var row = select.executeQuery()) {
        while (row.next()) {
          payloads.append(row.getString(1)).append('\n');
        }
      }
    }
    return payloads.toString();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(ReturnStatus.class)
  @DisplayName("is possible in every state, and moves no case")
  void everyState(ReturnStatus state) {
    AccessWorld world = new AccessWorld();
    ReturnId id = world.caseIn(state);
    world.returns.forgetCustomer(CustomerId.of("C-1"), TestShop.SETTLEMENT_JOB);
    assertThat(world.returns.find(id).orElseThrow().status()).isEqualTo(state);
    assertThat(world.returns.audit(id, TestShop.SUPERVISOR).intact()).isTrue();
  }

  @org.junit.jupiter.api.Test
  @DisplayName("keeps and counts the entries of the first chain format, whose hash covers their "
      + "text, and refuses a malformed actor")
  void firstFormatEntriesKept() {
    AccessWorld world = new AccessWorld();
    // A case stored by an earlier release: two first-format entries, by the customer and by
    // an agent with a note.
    world.ports.repository().save(dev.returnkit.tck.TckCases.newCase(ReturnId.of("R-OLD")));
    ReturnCaseSnapshot stored = world.ports.repository().findById(ReturnId.of("R-OLD"))
        .orElseThrow();
    world.ports.repository().save(dev.returnkit.tck.TckCases.update(stored,
        ReturnStatus.APPROVED));
    CustomerId customer = stored.customerId();

    assertThatThrownBy(() -> world.returns.forgetCustomer(customer, null))
        .isInstanceOf(dev.returnkit.spi.InvalidReturnRequestException.class)
        .hasMessageContaining("actor");
    Erasure erasure = world.returns.forgetCustomer(customer, TestShop.SUPERVISOR);

    assertThat(erasure.cases()).containsExactly(ReturnId.of("R-OLD"));
    assertThat(erasure.entriesKept()).isEqualTo(2);
    List<HistoryEntry> history = world.returns.history(ReturnId.of("R-OLD"));
    assertThat(history.get(1).note()).as("kept: erasing it would break the chain").isNotNull();
    assertThat(history.get(2).command()).isEqualTo(ReturnCommand.ERASE_PERSONAL_DATA);
    assertThat(world.returns.audit(ReturnId.of("R-OLD"), TestShop.SUPERVISOR).intact()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"customer", "agent", "warehouse"})
  @DisplayName("is refused to anyone but supervisors and system jobs, and changes nothing")
  void whoMayForget(String who) {
    AccessWorld world = new AccessWorld();
    ReturnId id = world.caseIn(ReturnStatus.APPROVED);
    Object before = world.everything(id);
    var actor = switch (who) {
      case "customer" -> world.owner;
      case "agent" -> TestShop.AGENT;
      default -> TestShop.WAREHOUSE;
    };
    assertThatThrownBy(() -> world.returns.forgetCustomer(CustomerId.of("C-1"), actor))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessageEndingWith("only SUPERVISOR or SYSTEM may forgetCustomer");
    assertThat(world.everything(id)).isEqualTo(before);
  }
}
