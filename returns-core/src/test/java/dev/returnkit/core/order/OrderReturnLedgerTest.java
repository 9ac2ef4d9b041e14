package dev.returnkit.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.fixtures.Cases;
import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("An order's return ledger")
class OrderReturnLedgerTest {

  private static final Currency EUR = Currency.getInstance("EUR");

  @Test
  @DisplayName("counts the units and the open cases of each order line, leaving one case out")
  void unitsAndOpenCases() {
    ReturnCaseSnapshot awaiting = Cases.inState(ReturnStatus.AWAITING_RETURN).snapshot();
    ReturnCaseSnapshot inReview = Cases.inState(ReturnStatus.IN_REVIEW).snapshot().toBuilder()
        .id(ReturnId.of("R-2")).build();

    OrderReturnLedger both = OrderReturnLedger.of(List.of(awaiting, inReview), null);
    OrderReturnLedger withoutFirst = OrderReturnLedger.of(List.of(awaiting, inReview),
        awaiting.id());

    assertThat(both.unitsHeld(Cases.L1)).isEqualTo(4);
    assertThat(both.openCases(Cases.L1)).isEqualTo(2);
    assertThat(withoutFirst.unitsHeld(Cases.L1)).isEqualTo(2);
    assertThat(withoutFirst.openCases(Cases.L1)).isEqualTo(1);
    assertThat(OrderReturnLedger.empty().openCases(Cases.L1)).isZero();
  }

  @Test
  @DisplayName("does not count a case that holds no units of a line as open on it")
  void nothingHeldIsNotOpen() {
    ReturnCase rejectedInReview = Cases.requested(LineVerdict.IN_REVIEW, false);
    rejectedInReview.reject(Cases.rejection(), Cases.at(1));
    ReturnCaseSnapshot rejected = rejectedInReview.snapshot();
    // A terminal case holds nothing; an approved case with nothing approved holds nothing too.
    ReturnCaseSnapshot nothingApproved = Cases.inState(ReturnStatus.APPROVED).snapshot()
        .toBuilder().lines(List.of(Cases.inState(ReturnStatus.APPROVED).snapshot().lines().get(0)
            .withVerdict(LineVerdict.REJECTED, List.of("X")))).build();

    OrderReturnLedger ledger = OrderReturnLedger.of(List.of(rejected, nothingApproved), null);

    assertThat(ledger.unitsHeld(Cases.L1)).isZero();
    assertThat(ledger.openCases(Cases.L1)).isZero();
  }

  @Test
  @DisplayName("counts what settling and completed cases refund, and their outbound shipping")
  void refunded() {
    ReturnCaseSnapshot settling = Cases.inState(ReturnStatus.SETTLING).snapshot();
    ReturnCaseSnapshot inspected = Cases.inState(ReturnStatus.INSPECTED).snapshot();

    OrderReturnLedger ledger = OrderReturnLedger.of(List.of(settling), null);

    assertThat(ledger.refunded(Cases.L1, EUR)).isEqualTo(Money.of("60.00", "EUR"));
    assertThat(ledger.outboundShippingRefunded(EUR)).isEqualTo(Money.of("0.00", "EUR"));
    assertThat(OrderReturnLedger.of(List.of(inspected), null).refunded(Cases.L1, EUR))
        .isEqualTo(Money.zero(EUR));
  }
}
