package dev.returnkit.core.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.fixtures.Cases;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.storage.StateDigest;
import dev.returnkit.spi.vocabulary.ReturnStatus;
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
        line(l -> l.verdictCodes(List.of("ELIGIBLE", "MORE"))),
        line(l -> l.money(SETTLING.lines().get(0).money()
            .plusPaidOut(Money.of("0.01", "EUR")))));
    for (ReturnCaseSnapshot other : changed) {
      assertThat(StateDigest.of(other)).as(other.toString()).isNotEqualTo(digest);
    }
    assertThat(StateDigest.of(SETTLING.toBuilder().version(99)
        .historyHead(new HistoryHead(42, "f".repeat(64))).build())).isEqualTo(digest);
  }
}
