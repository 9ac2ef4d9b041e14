package dev.returnkit.core.returncase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.fixtures.Cases;
import dev.returnkit.core.order.OrderReturnLedger;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Disposition;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole state x command matrix of the lifecycle, table-driven: in every state, every command
 * with valid inputs either does exactly what the table below says (one history entry, the
 * table's target state, events) or throws an {@link IllegalReturnTransitionException} naming the
 * state and the command, and leaves the case exactly as it was.
 *
 * <p>The expected table is written here, not read from {@link Lifecycle}: a wrong entry there
 * must fail this test. docs/architecture.md must show the same table.
 */
@DisplayName("The lifecycle matrix")
class LifecycleMatrixTest {

  /** What may happen in each state: "COMMAND -> TARGET", comma-separated. */
  private static final String EXPECTED = """
      IN_REVIEW:       APPROVE -> APPROVED, REJECT -> REJECTED, CANCEL -> CANCELLED
      APPROVED:        ARRANGE_SHIPMENT -> AWAITING_RETURN, \
      GRANT_RETURNLESS_REFUND -> INSPECTED, CANCEL -> CANCELLED
      AWAITING_RETURN: RECORD_IN_TRANSIT -> IN_TRANSIT, RECORD_DELIVERY -> DELIVERED, \
      RECEIVE -> RECEIVED, CANCEL -> CANCELLED, EXPIRE -> EXPIRED, \
      CHARGE_ADVANCE_REPLACEMENT -> SETTLING
      IN_TRANSIT:      RECORD_IN_TRANSIT -> IN_TRANSIT, RECORD_DELIVERY -> DELIVERED, \
      RECORD_LOSS -> LOST_IN_TRANSIT, RECEIVE -> RECEIVED
      DELIVERED:       RECEIVE -> RECEIVED
      RECEIVED:        INSPECT -> INSPECTED
      INSPECTED:       BEGIN_SETTLEMENT -> SETTLING
      LOST_IN_TRANSIT: BEGIN_SETTLEMENT -> SETTLING
      SETTLING:        RECORD_PAYMENT -> SETTLING, COMPLETE_SETTLEMENT -> COMPLETED
      COMPLETED:
      REJECTED:
      CANCELLED:
      EXPIRED:
      """;

  private static final Map<ReturnStatus, Map<ReturnCommand, ReturnStatus>> TABLE = parse();

  private static Map<ReturnStatus, Map<ReturnCommand, ReturnStatus>> parse() {
    Map<ReturnStatus, Map<ReturnCommand, ReturnStatus>> table = new EnumMap<>(ReturnStatus.class);
    for (String row : EXPECTED.strip().split("\n")) {
      String[] parts = row.split(":", 2);
      Map<ReturnCommand, ReturnStatus> allowed = new EnumMap<>(ReturnCommand.class);
      for (String pair : parts[1].split(",")) {
        if (!pair.isBlank()) {
          String[] arrow = pair.split("->");
          allowed.put(ReturnCommand.valueOf(arrow[0].strip()),
              ReturnStatus.valueOf(arrow[1].strip()));
        }
      }
      table.put(ReturnStatus.valueOf(parts[0].strip()), allowed);
    }
    return table;
  }

  /**
   * How to run each command on a case with valid inputs, how to prepare for it, and whether it
   * needs a case exchanged in advance.
   */
  private record Invocation(Consumer<ReturnCase> prepare, Consumer<ReturnCase> run,
      boolean inAdvance) {

    Invocation(Consumer<ReturnCase> prepare, Consumer<ReturnCase> run) {
      this(prepare, run, false);
    }

    ReturnCase caseIn(ReturnStatus status) {
      return Cases.inState(status, inAdvance);
    }
  }

  private static final Map<ReturnCommand, Invocation> COMMANDS = commands();

  private static Map<ReturnCommand, Invocation> commands() {
    Map<ReturnCommand, Invocation> commands = new EnumMap<>(ReturnCommand.class);
    Consumer<ReturnCase> nothing = c -> { };
    commands.put(ReturnCommand.APPROVE,
        new Invocation(nothing, c -> c.approve(Cases.approval(), Cases.at(1))));
    commands.put(ReturnCommand.REJECT,
        new Invocation(nothing, c -> c.reject(Cases.rejection(), Cases.at(1))));
    commands.put(ReturnCommand.ARRANGE_SHIPMENT, new Invocation(nothing,
        c -> c.arrangeShipment(Cases.shipment(), Cases.AGENT, Cases.at(1))));
    commands.put(ReturnCommand.GRANT_RETURNLESS_REFUND, new Invocation(nothing,
        c -> c.grantReturnlessRefund(Cases.liability(Liability.SELLER), Actor.SYSTEM,
            Cases.at(1))));
    commands.put(ReturnCommand.RECORD_IN_TRANSIT, new Invocation(nothing,
        c -> c.recordCarrierEvent(Cases.scan(CarrierEventType.IN_TRANSIT), Cases.noLiability(),
            Actor.SYSTEM, Cases.at(2))));
    commands.put(ReturnCommand.RECORD_DELIVERY, new Invocation(nothing,
        c -> c.recordCarrierEvent(Cases.scan(CarrierEventType.DELIVERED_TO_WAREHOUSE),
            Cases.noLiability(), Actor.SYSTEM, Cases.at(2))));
    commands.put(ReturnCommand.RECORD_LOSS, new Invocation(nothing,
        c -> c.recordCarrierEvent(Cases.scan(CarrierEventType.LOST),
            Cases.liability(Liability.CARRIER), Actor.SYSTEM, Cases.at(3))));
    commands.put(ReturnCommand.RECEIVE,
        new Invocation(nothing, c -> c.receive(Cases.receipt(c), Cases.at(3))));
    commands.put(ReturnCommand.INSPECT, new Invocation(nothing,
        c -> c.inspect(Cases.inspection(c), Cases.liability(Liability.SELLER),
            Cases.disposition(Disposition.RESTOCK), Cases.at(4))));
    commands.put(ReturnCommand.BEGIN_SETTLEMENT, new Invocation(nothing,
        c -> c.beginSettlement(Cases.fullRefund(), Cases.order(), OrderReturnLedger.empty(),
            Cases.AGENT, Cases.at(5))));
    commands.put(ReturnCommand.RECORD_PAYMENT, new Invocation(nothing, c -> {
      SettlementPayment unpaid = c.payments().stream().filter(p -> !p.isPaid()).findFirst()
          .orElse(SettlementPayment.planned("R-1/L-1/ITEM_REFUND", Cases.L1,
              PaymentPurpose.ITEM_REFUND, PaymentKind.REFUND, Money.of("60.00", "EUR")));
      c.recordPayment(Cases.receiptFor(unpaid), Cases.AGENT, Cases.at(6));
    }));
    // Completing needs every payment confirmed first; that is a precondition, not the command.
    commands.put(ReturnCommand.COMPLETE_SETTLEMENT, new Invocation(c -> {
      if (c.status() == ReturnStatus.SETTLING) {
        Cases.payAll(c);
        c.markSaved();
      }
    }, c -> c.completeSettlement(Cases.AGENT, Cases.at(6))));
    commands.put(ReturnCommand.CANCEL, new Invocation(nothing,
        c -> c.cancel(new Cancellation(Actor.customer("C-1"), "no longer needed"), Cases.at(1))));
    commands.put(ReturnCommand.EXPIRE, new Invocation(nothing,
        c -> c.expire(Actor.SYSTEM, Cases.shipment().dropOffDeadline().plusSeconds(1))));
    commands.put(ReturnCommand.CHARGE_ADVANCE_REPLACEMENT, new Invocation(nothing,
        c -> c.chargeAdvanceReplacement(Cases.fullRefund(), Cases.order(),
            OrderReturnLedger.empty(), Actor.SYSTEM,
            Cases.shipment().dropOffDeadline().plusSeconds(1)), true));
    return commands;
  }

  static Stream<Arguments> legal() {
    List<Arguments> pairs = new ArrayList<>();
    TABLE.forEach((status, allowed) -> allowed.forEach(
        (command, target) -> pairs.add(Arguments.of(status, command, target))));
    return pairs.stream();
  }

  static Stream<Arguments> illegal() {
    List<Arguments> pairs = new ArrayList<>();
    for (ReturnStatus status : ReturnStatus.values()) {
      for (ReturnCommand command : COMMANDS.keySet()) {
        if (!TABLE.get(status).containsKey(command)) {
          pairs.add(Arguments.of(status, command));
        }
      }
    }
    return pairs.stream();
  }

  @ParameterizedTest(name = "{0} + {1} -> {2}")
  @MethodSource("legal")
  @DisplayName("every legal transition moves to the table's state with one history entry")
  void legalTransition(ReturnStatus from, ReturnCommand command, ReturnStatus to) {
    Invocation invocation = COMMANDS.get(command);
    ReturnCase c = invocation.caseIn(from);
    invocation.prepare().accept(c);
    long versionBefore = c.snapshot().version();
    int sequenceBefore = c.snapshot().historyHead().sequence();

    invocation.run().accept(c);

    assertThat(c.status()).isEqualTo(to);
    assertThat(c.pendingHistory()).singleElement().satisfies(entry -> {
      assertThat(entry.command()).isEqualTo(command);
      assertThat(entry.fromStatus()).isEqualTo(from);
      assertThat(entry.toStatus()).isEqualTo(to);
      assertThat(entry.sequence()).isEqualTo(sequenceBefore + 1);
    });
    assertThat(c.pendingEvents()).isNotEmpty().allSatisfy(event ->
        assertThat(event.header().historySequence()).isEqualTo(sequenceBefore + 1));
    assertThat(c.pendingWrite().expectedVersion()).isEqualTo(versionBefore);
    assertThat(c.pendingWrite().snapshot().version()).isEqualTo(versionBefore + 1);
    assertThat(c.snapshot().historyHead().sequence()).isEqualTo(sequenceBefore + 1);
  }

  @ParameterizedTest(name = "{0} + {1} is refused")
  @MethodSource("illegal")
  @DisplayName("every illegal command throws, naming state and command, and changes nothing")
  void illegalTransition(ReturnStatus from, ReturnCommand command) {
    Invocation invocation = COMMANDS.get(command);
    ReturnCase c = invocation.caseIn(from);
    invocation.prepare().accept(c);
    ReturnCaseSnapshot before = c.snapshot();

    assertThatThrownBy(() -> invocation.run().accept(c))
        .isInstanceOfSatisfying(IllegalReturnTransitionException.class, e -> {
          assertThat(e.status()).isEqualTo(from);
          assertThat(e.command()).isEqualTo(command);
          assertThat(e.returnId()).isEqualTo(before.id());
        })
        .hasMessageContaining(from.name())
        .hasMessageContaining(command.name());
    assertThat(c.snapshot()).isEqualTo(before);
    assertThat(c.pendingHistory()).isEmpty();
    assertThat(c.pendingEvents()).isEmpty();
  }

  @Test
  @DisplayName("the Lifecycle table is exactly the expected one, terminal states included")
  void lifecycleIsTheExpectedTable() {
    for (ReturnStatus status : ReturnStatus.values()) {
      Map<ReturnCommand, ReturnStatus> actual = new EnumMap<>(ReturnCommand.class);
      for (ReturnCommand command : Lifecycle.allowedCommands(status)) {
        actual.put(command, Lifecycle.target(status, command).orElseThrow());
      }
      assertThat(actual).as(status.name()).isEqualTo(TABLE.get(status));
      assertThat(actual.isEmpty()).as(status + " is terminal").isEqualTo(status.isTerminal());
    }
  }

  @Test
  @DisplayName("the matrix covers every state and every command but REQUEST and "
      + "ERASE_PERSONAL_DATA (outside the table: allowed in every state, it moves no case)")
  void coversEverything() {
    assertThat(TABLE).containsOnlyKeys(ReturnStatus.values());
    assertThat(COMMANDS.keySet()).hasSize(ReturnCommand.values().length - 2)
        .doesNotContain(ReturnCommand.REQUEST, ReturnCommand.ERASE_PERSONAL_DATA);
    for (ReturnStatus status : ReturnStatus.values()) {
      // ErasureTest erases in every state, through the facade.
      assertThat(Lifecycle.target(status, ReturnCommand.ERASE_PERSONAL_DATA)).isEmpty();
    }
    assertThat(legal().count() + illegal().count())
        .isEqualTo((long) ReturnStatus.values().length * COMMANDS.size());
    for (ReturnStatus status : ReturnStatus.values()) {
      assertThat(Cases.inState(status).status()).isEqualTo(status);
    }
  }

  @Test
  @DisplayName("docs/architecture.md shows the same lifecycle table")
  void documentedTableIsTheExpectedOne() throws IOException {
    Path doc = Path.of(System.getProperty("basedir", System.getProperty("user.dir")))
        .resolve("../docs/architecture.md").normalize();
    Pattern row = Pattern.compile("^\\| ((?:`[A-Z_]+`(?:, )?)+) \\| `([A-Z_]+)`[^|]* \\| `([A-Z_]+)` \\|$");
    Map<ReturnStatus, Map<ReturnCommand, ReturnStatus>> documented = new HashMap<>();
    for (String line : Files.readAllLines(doc)) {
      Matcher m = row.matcher(line);
      if (m.matches()) {
        for (String from : m.group(1).replace("`", "").split(", ")) {
          documented.computeIfAbsent(ReturnStatus.valueOf(from), s -> new HashMap<>())
              .put(ReturnCommand.valueOf(m.group(2)), ReturnStatus.valueOf(m.group(3)));
        }
      }
    }
    Map<ReturnStatus, Map<ReturnCommand, ReturnStatus>> expected = new HashMap<>();
    TABLE.forEach((status, allowed) -> {
      if (!allowed.isEmpty()) {
        expected.put(status, new HashMap<>(allowed));
      }
    });
    assertThat(documented).isEqualTo(expected);
  }

  @Test
  @DisplayName("a case's history from request to completion is one intact hash chain")
  void historyChain() {
    // Built without saving in between, so every entry stays pending and can be inspected.
    ReturnCase c = ReturnCase.request(ReturnId.of("R-1"), Cases.request(),
        Cases.context(Cases.order()), Cases.eligibility(LineVerdict.APPROVED, false),
        ServiceLevels.DEFAULT);
    c.arrangeShipment(Cases.shipment(), Cases.AGENT, Cases.at(1));
    c.receive(Cases.receipt(c), Cases.at(3));
    c.inspect(Cases.inspection(c), Cases.liability(Liability.SELLER),
        Cases.disposition(Disposition.RESTOCK), Cases.at(4));
    c.beginSettlement(Cases.fullRefund(), Cases.order(), OrderReturnLedger.empty(), Cases.AGENT,
        Cases.at(5));
    Cases.payAll(c);
    c.completeSettlement(Cases.AGENT, Cases.at(6));
    List<HistoryEntry> everything = c.pendingHistory();

    assertThat(everything).extracting(HistoryEntry::command).containsExactly(
        ReturnCommand.REQUEST, ReturnCommand.ARRANGE_SHIPMENT, ReturnCommand.RECEIVE,
        ReturnCommand.INSPECT, ReturnCommand.BEGIN_SETTLEMENT, ReturnCommand.RECORD_PAYMENT,
        ReturnCommand.COMPLETE_SETTLEMENT);
    assertThat(HistoryChain.firstBrokenLink(everything)).isEmpty();
    assertThat(c.snapshot().historyHead().sequence()).isEqualTo(7);
  }
}
