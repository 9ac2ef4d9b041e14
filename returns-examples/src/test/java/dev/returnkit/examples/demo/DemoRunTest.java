package dev.returnkit.examples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.examples.report.ReportWriter;
import dev.returnkit.examples.report.ReturnsReport.ReasonCount;
import dev.returnkit.examples.report.ReturnsReport.StatusCount;
import dev.returnkit.examples.report.ReturnsReport;
import dev.returnkit.examples.report.TenderBooks;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentPurpose;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.Liability;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The demo on a small month: the run takes every case to a final state, the report adds up
 * against the events and the payment provider, and the generated world exercises what the
 * issue asks for (every reason, abusive customers, late requests, final sale, lost parcels,
 * payment failures).
 */
@DisplayName("The demo run and its report")
class DemoRunTest {

  private static final int CASES = 400;
  private static SimulationResult result;
  private static ReturnsReport report;

  @BeforeAll
  static void runTheMonth() {
    result = Demo.run(new Demo.Options(CASES, 8, null, null), DemoListener.SILENT);
    report = ReturnsReport.of(result);
  }

  @Test
  @DisplayName("every requested return becomes exactly one case, and every case ends final")
  void everyCaseEndsInExactlyOneFinalState() {
    assertThat(result.cases()).hasSize(CASES);
    assertThat(result.cases()).extracting(c -> c.id().value()).doesNotHaveDuplicates();
    assertThat(result.cases()).allSatisfy(c -> assertThat(c.status().isTerminal())
        .as("%s is final", c.id()).isTrue());
    assertThat(report.outcomes().stream().mapToInt(StatusCount::cases).sum()).isEqualTo(CASES);
    assertThat(report.outcomes()).filteredOn(r -> r.status() == ReturnStatus.COMPLETED)
        .singleElement().extracting(StatusCount::cases).isEqualTo(
            (int) result.cases().stream()
                .filter(c -> c.status() == ReturnStatus.COMPLETED).count());
  }

  @Test
  @DisplayName("the refunded total equals the sum of the refund events and the provider's books")
  void refundsAddUp() {
    Money fromEvents = sum(result.events().stream()
        .filter(e -> e instanceof ReturnEvent.RefundIssued)
        .map(e -> ((ReturnEvent.RefundIssued) e).payment().amount()).toList());
    Money fromProvider = sum(result.receipts().stream()
        .filter(r -> r.kind() == PaymentKind.REFUND).map(PaymentReceipt::amount).toList());

    assertThat(report.money().refunded()).isEqualTo(fromEvents).isEqualTo(fromProvider);
    assertThat(report.money().refunded().isPositive()).isTrue();
    assertThat(report.money().ordersPaidAboveTotal()).isZero();
    assertThat(report.checks()).isEmpty();
    assertThat(result.stats().errors()).isEmpty();
  }

  @Test
  @DisplayName("counts per reason sum to the lines requested, in Pareto order")
  void reasonsSumToTheLinesRequested() {
    int lines = result.cases().stream().mapToInt(c -> c.lines().size()).sum();

    assertThat(report.reasons().stream().mapToInt(ReasonCount::lines).sum()).isEqualTo(lines);
    assertThat(report.linesRequested()).isEqualTo(lines);
    assertThat(report.reasons()).extracting(ReasonCount::lines)
        .isSortedAccordingTo((a, b) -> b - a);
    assertThat(report.reasons().get(report.reasons().size() - 1).cumulativeLines())
        .isEqualTo(lines);
  }

  @Test
  @DisplayName("the orders' money shows: VAT refunded, discounts, gift-card tenders, exchanges "
      + "for dearer and cheaper items; every tender reconciles with the provider's books")
  void ordersHaveRealMoney() {
    TenderBooks books = report.tenders();
    assertThat(books.rows()).extracting(TenderBooks.Row::tender)
        .contains(TenderType.CARD, TenderType.GIFT_CARD);
    assertThat(books.rows()).allSatisfy(row -> assertThat(row.reconciles()).as(row.toString())
        .isTrue());
    // Added up over tenders, the books give the refunds the cases paid, counted apart.
    assertThat(sum(books.rows().stream().map(TenderBooks.Row::refunded).toList()))
        .isEqualTo(report.money().refunded());
    assertThat(books.rows()).filteredOn(row -> row.tender() == TenderType.GIFT_CARD)
        .singleElement().satisfies(row -> assertThat(row.refunded().isPositive()).isTrue());
    assertThat(books.taxRefunded().isPositive()).isTrue();
    assertThat(books.discountShare().isPositive()).isTrue();
    assertThat(books.exchangeDifferencesCharged().isPositive()).isTrue();
    assertThat(books.exchangeDifferencesRefunded().isPositive()).isTrue();
    List<Money> charges = result.events().stream()
        .filter(ReturnEvent.ExchangeDifferenceCharged.class::isInstance)
        .map(e -> ((ReturnEvent.ExchangeDifferenceCharged) e).payment().amount()).toList();
    assertThat(sum(charges)).isEqualTo(books.exchangeDifferencesCharged()
        .plus(books.advanceReplacementsCharged()));
  }

  @Test
  @DisplayName("some exchanges went ahead of their goods; those whose goods never came were "
      + "charged the replacement, never refunded")
  void advanceExchanges() {
    List<ReturnCaseSnapshot> ahead = result.cases().stream()
        .filter(c -> c.lines().stream().anyMatch(ReturnLineSnapshot::advanceExchange)).toList();
    assertThat(ahead).hasSizeGreaterThan(10);
    List<ReturnCaseSnapshot> charged = ahead.stream().filter(c -> c.payments().stream()
        .anyMatch(p -> p.purpose() == PaymentPurpose.ADVANCE_REPLACEMENT)).toList();
    assertThat(charged).isNotEmpty();
    List<ReturnCaseSnapshot> neverSent = charged.stream().filter(c -> c.lines().stream()
        .allMatch(line -> line.quantities().received() == 0)).toList();
    assertThat(report.paths().get(ReturnsReport.ADVANCE_CHARGED)).isPositive()
        .isEqualTo(neverSent.size());
    assertThat(neverSent).allSatisfy(c -> {
      assertThat(c.status()).isEqualTo(ReturnStatus.COMPLETED);
      assertThat(c.paidOut(PaymentKind.REFUND).plus(c.paidOut(PaymentKind.STORE_CREDIT))
          .isZero()).as(c.id().value()).isTrue();
    });
    Money advance = Money.zero(Currency.getInstance("EUR"));
    for (ReturnCaseSnapshot c : charged) {
      for (var payment : c.payments()) {
        if (payment.purpose() == PaymentPurpose.ADVANCE_REPLACEMENT) {
          advance = advance.plus(payment.amount());
        }
      }
    }
    assertThat(report.tenders().advanceReplacementsCharged()).isEqualTo(advance);
  }

  @Test
  @DisplayName("the world has every reason, abuse, late and final-sale requests, and losses")
  void theWorldIsVaried() {
    Set<ReturnReason> reasons = report.reasons().stream().map(ReasonCount::reason)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ReturnReason.class)));
    assertThat(reasons).containsExactlyInAnyOrder(ReturnReason.values());
    assertThat(report.rejectionCodes()).containsKeys("RETURN_WINDOW_EXPIRED", "NON_RETURNABLE");
    assertThat(report.reviews()).extracting(ReturnsReport.ReviewReason::reasonCode)
        .contains("HIGH_RETURN_RATE", "NON_RETURNABLE_SELLER_FAULT");
    assertThat(report.abuse().abusiveCustomers()).isPositive();
    assertThat(report.paths().get(ReturnsReport.RETURNLESS)).isPositive();
    assertThat(report.paths().get(ReturnsReport.LOST)).isPositive();
    assertThat(report.money().lostParcelClaims().isPositive()).isTrue();
    assertThat(report.money().transitDamageClaims().isPositive()).isTrue();
    // Each kind of claim is the carrier-liable lines' refunds of its own cases.
    Money lost = Money.zero(Currency.getInstance("EUR"));
    Money damaged = lost;
    int lostCases = 0;
    for (ReturnCaseSnapshot c : result.cases()) {
      Money carrierLiable = lost.minus(lost);
      for (ReturnLineSnapshot line : c.lines()) {
        if (line.liability() == Liability.CARRIER && c.status() == ReturnStatus.COMPLETED) {
          carrierLiable = carrierLiable.plus(line.money().itemRefund());
        }
      }
      if (!carrierLiable.isPositive()) {
        continue;
      }
      if (c.lines().stream().allMatch(line -> line.quantities().received() == 0)
          && c.shipment() != null) {
        lost = lost.plus(carrierLiable);
        lostCases++;
      } else {
        damaged = damaged.plus(carrierLiable);
      }
    }
    assertThat(report.money().lostParcelClaims()).isEqualTo(lost);
    assertThat(report.money().lostParcelCases()).isEqualTo(lostCases);
    assertThat(report.money().transitDamageClaims()).isEqualTo(damaged);
    assertThat(report.liability()).hasSizeGreaterThanOrEqualTo(3);
    assertThat(report.dispositions()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  @DisplayName("payment failures were retried without paying any key twice")
  void paymentFailuresNeverPayTwice() {
    SimulationStats stats = result.stats();
    assertThat(stats.paymentTimeoutsAfterPaying()).isPositive();
    assertThat(stats.settlementRetries())
        .isEqualTo(stats.paymentTimeoutsBeforePaying() + stats.paymentTimeoutsAfterPaying());
    assertThat(result.receipts()).extracting(PaymentReceipt::idempotencyKey)
        .doesNotHaveDuplicates();
    long plannedAndPaid = result.cases().stream().flatMap(c -> c.payments().stream())
        .filter(p -> p.paidAt() != null).count();
    assertThat(result.receipts()).hasSize((int) plannedAndPaid);
    assertThat(stats.paymentAttempts()).isGreaterThan(result.receipts().size());
  }

  @Test
  @DisplayName("cycle times are measured for every stage a case went through")
  void cycleTimesAreConsistent() {
    assertThat(report.stageTimes()).allSatisfy(row -> {
      assertThat(row.cases()).as(row.stage().label()).isPositive();
      assertThat(row.median()).isLessThanOrEqualTo(row.p90());
      assertThat(row.median().isNegative()).isFalse();
    });
    long completed = result.cases().stream()
        .filter(c -> c.status() == ReturnStatus.COMPLETED).count();
    assertThat(report.stageTimes()).filteredOn(r -> r.stage().name().equals("END_TO_END"))
        .singleElement().extracting(ReturnsReport.StageTime::cases)
        .isEqualTo((int) completed);
  }

  @Test
  @DisplayName("the same seed gives the same report, byte for byte; another seed does not")
  void sameSeedSameReport() {
    ReturnsReport again = ReturnsReport.of(Demo.run(new Demo.Options(60, 11, null, null),
        DemoListener.SILENT));
    ReturnsReport once = ReturnsReport.of(Demo.run(new Demo.Options(60, 11, null, null),
        DemoListener.SILENT));
    ReturnsReport other = ReturnsReport.of(Demo.run(new Demo.Options(60, 12, null, null),
        DemoListener.SILENT));

    assertThat(ReportWriter.markdown(again)).isEqualTo(ReportWriter.markdown(once));
    assertThat(ReportWriter.casesCsv(again)).isEqualTo(ReportWriter.casesCsv(once));
    assertThat(ReportWriter.linesCsv(again)).isEqualTo(ReportWriter.linesCsv(once));
    assertThat(ReportWriter.markdown(other)).isNotEqualTo(ReportWriter.markdown(once));
  }

  @Test
  @DisplayName("the checks catch refunds that disagree with the events")
  void checksCatchADisagreement() {
    List<ReturnEvent> withoutOneRefund = new ArrayList<>(result.events());
    withoutOneRefund.remove(withoutOneRefund.stream()
        .filter(e -> e instanceof ReturnEvent.RefundIssued).findFirst().orElseThrow());
    SimulationResult tampered = new SimulationResult(result.shop(), result.policies(),
        result.cases(), result.histories(), withoutOneRefund, result.receipts(),
        result.paid(), result.stats(), result.storage(), result.outboxEvents());

    assertThat(ReturnsReport.of(tampered).checks()).singleElement().asString()
        .startsWith("refunds disagree");
  }

  @Test
  @DisplayName("the checks catch a case left open")
  void checksCatchAnOpenCase() {
    List<ReturnCaseSnapshot> cases = new ArrayList<>(result.cases());
    ReturnCaseSnapshot first = cases.get(0);
    cases.set(0, new ReturnCaseSnapshot(first.id(), first.version(), first.historyHead(),
        first.orderId(), first.customerId(), ReturnStatus.IN_REVIEW, first.requestedAt(),
        first.updatedAt(), first.dueAt(), first.returnShippingPaidBy(), first.shipment(),
        first.lines(), first.outboundShippingPaid(), first.outboundShippingRefund(),
        first.payments()));
    SimulationResult tampered = new SimulationResult(result.shop(), result.policies(), cases,
        result.histories(), result.events(), result.receipts(), result.paid(),
        result.stats(), result.storage(), result.outboxEvents());

    assertThat(ReturnsReport.of(tampered).checks())
        .contains("case " + first.id() + " ended the run in IN_REVIEW");
  }

  private static Money sum(List<Money> amounts) {
    return Money.sum(amounts, result.shop().orders().get(0).currency());
  }
}
