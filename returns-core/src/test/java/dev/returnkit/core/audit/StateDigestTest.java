package dev.returnkit.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.fixtures.Cases;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.LineValue;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.storage.StateDigest;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.tck.TckCases;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The digest of a case's state")
class StateDigestTest {

  private static final ReturnCaseSnapshot SETTLING =
      Cases.inState(ReturnStatus.SETTLING).snapshot();

  private static ReturnCaseSnapshot line(UnaryOperator<ReturnLineSnapshot.Builder> change) {
    return SETTLING.toBuilder()
        .lines(List.of(change.apply(SETTLING.lines().get(0).toBuilder()).build())).build();
  }

  @Test
  @DisplayName("is the digest the case's last history entry sealed")
  void sealedByTheLastEntry() {
    var c = Cases.inState(ReturnStatus.SETTLING);
    assertThat(c.pendingHistory()).isEmpty();
    assertThat(StateDigest.of(c.snapshot())).hasSize(64);
    var inspected = Cases.inState(ReturnStatus.INSPECTED);
    inspected.beginSettlement(Cases.fullRefund(), Cases.order(),
        dev.returnkit.core.order.OrderReturnLedger.of(List.of(), null), Cases.AGENT, Cases.at(6));
    assertThat(inspected.pendingHistory().get(0).stateDigest())
        .isEqualTo(StateDigest.of(inspected.snapshot()));
  }

  @Test
  @DisplayName("changes with any field of the case or its lines, and not with the version or "
      + "the head")
  void coversEveryField() {
    String digest = StateDigest.of(SETTLING);
    List<ReturnCaseSnapshot> changed = List.of(
        SETTLING.toBuilder().status(ReturnStatus.COMPLETED).build(),
        SETTLING.toBuilder().updatedAt(Instant.EPOCH).build(),
        SETTLING.toBuilder().dueAt(null).build(),
        SETTLING.toBuilder().outboundShippingRefund(Money.of("0.01", "EUR")).build(),
        SETTLING.toBuilder().shipment(SETTLING.shipment().withArrangedAt(Instant.EPOCH)).build(),
        SETTLING.toBuilder().payments(List.of()).build(),
        line(l -> l.sku(Sku.of("SKU-OTHER"))),
        line(l -> l.category("other")),
        line(l -> l.customerNote("a note")),
        line(l -> l.orderLinePaid(SETTLING.lines().get(0).orderLinePaid()
            .plus(new LineValue(Money.of("0.01", "EUR"), Money.of("0.01", "EUR"),
                Money.of("0.00", "EUR"))))),
        line(l -> l.orderLinePaid(SETTLING.lines().get(0).orderLinePaid()
            .plus(new LineValue(Money.of("0.00", "EUR"), Money.of("0.00", "EUR"),
                Money.of("0.01", "EUR"))))),
        line(l -> l.verdictCodes(List.of("ELIGIBLE", "MORE"))),
        line(l -> l.money(SETTLING.lines().get(0).money()
            .plusPaidOut(Money.of("0.01", "EUR")))));
    for (ReturnCaseSnapshot other : changed) {
      assertThat(StateDigest.of(other)).as(other.toString()).isNotEqualTo(digest);
    }
    assertThat(StateDigest.of(SETTLING.toBuilder().version(99)
        .historyHead(new HistoryHead(42, "f".repeat(64))).build())).isEqualTo(digest);
  }

  @Test
  @DisplayName("accepts the digest an entry sealed before line values had tax and discounts "
      + "(returnkit-state-1), for a case that format describes, and nothing else")
  void olderFormatStillSeals() {
    // Worked out with returnkit-state-1 (the code of commit 4f2f75a) for this TCK case: two
    // jackets at EUR 49.90 and a mug at EUR 12.00, untaxed.
    String format1 = "e707d368d359345a356c9560435718ea4436f3ce202d694e12ac37b47a82889a";
    ReturnCaseSnapshot stored = TckCases.settlingCase(ReturnId.of("R-LEGACY")).snapshot();

    assertThat(StateDigest.seals(stored, format1)).isTrue();
    assertThat(StateDigest.of(stored)).isNotEqualTo(format1);
    assertThat(StateDigest.seals(stored, StateDigest.of(stored))).isTrue();
    assertThat(StateDigest.seals(stored.toBuilder().status(ReturnStatus.COMPLETED).build(),
        format1)).isFalse();
    ReturnLineSnapshot jacket = stored.lines().get(0);
    ReturnCaseSnapshot taxed = stored.toBuilder().lines(List.of(jacket.toBuilder()
        .orderLinePaid(new LineValue(jacket.orderLinePaid().gross(), Money.of("15.93", "EUR"),
            Money.of("0.00", "EUR"))).build(), stored.lines().get(1))).build();
    assertThat(StateDigest.seals(taxed, format1)).isFalse();
    ReturnCaseSnapshot oddTotal = stored.toBuilder().lines(List.of(jacket.toBuilder()
        .orderLinePaid(LineValue.untaxed(Money.of("99.81", "EUR"))).build(),
        stored.lines().get(1))).build();
    assertThat(StateDigest.seals(oddTotal, format1)).isFalse();
  }
}
