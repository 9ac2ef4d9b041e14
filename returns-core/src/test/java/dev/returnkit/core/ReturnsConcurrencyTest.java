package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.inmemory.InMemoryPorts;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.returncase.Cancellation;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ForwardingReturnRepository;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** No update is ever lost: a stale write fails clearly and leaves nothing half-done. */
@DisplayName("Concurrent use")
class ReturnsConcurrencyTest {

  private final TestShop shop = new TestShop();

  private ReturnId caseInReview() {
    OrderSnapshot order = shop.add(shop.order("O-1")
        .line("L-1", "SKU-CAMERA", "electronics", 1, "749.00").build());
    return shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)))
        .returnCase().id();
  }

  @Test
  @DisplayName("a command that lost the race to another writer fails, and only the winner's "
      + "change, events and messages exist")
  void lostRace() {
    ReturnId id = caseInReview();
    int eventsBefore = shop.ports.events().events().size();
    int messagesBefore = shop.ports.notifier().sent().size();
    // A second facade on the same storage approves the case while the first one is deciding.
    Returns other = shop.ports.wire(Returns.builder()).policies(TestPolicies.policies())
        .clock(shop.clock).ids(ReturnIdSource.sequential("X")).build();
    InMemoryPorts ports = shop.ports;
    Returns racing = ports.wire(Returns.builder()).policies(TestPolicies.policies())
        .clock(shop.clock).ids(ReturnIdSource.sequential("Y"))
        .repository(new RacingRepository(ports.repository(),
            () -> other.approve(id, new Approval(TestShop.AGENT, "fine by me"))))
        .build();

    assertThatThrownBy(() -> racing.reject(id,
        new Rejection(TestShop.AGENT, "SUSPECTED_ABUSE", null)))
        .isInstanceOfSatisfying(ConcurrentReturnUpdateException.class, e -> {
          assertThat(e.returnId()).isEqualTo(id);
          assertThat(e.expectedVersion()).isEqualTo(1);
          assertThat(e.actualVersion()).isEqualTo(2);
        })
        .hasMessageContaining("changed concurrently");

    assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.APPROVED);
    assertThat(shop.returns.history(id)).extracting(HistoryEntry::command)
        .containsExactly(ReturnCommand.REQUEST, ReturnCommand.APPROVE);
    assertThat(shop.ports.events().events().subList(eventsBefore,
        shop.ports.events().events().size()))
        .singleElement().isInstanceOf(ReturnEvent.ReturnApproved.class);
    assertThat(shop.ports.notifier().sent().subList(messagesBefore,
        shop.ports.notifier().sent().size()))
        .singleElement().satisfies(n -> assertThat(n.templateId()).isEqualTo("return.approved"));
  }

  @Test
  @DisplayName("of many reviewers deciding one case at once, exactly one wins")
  void manyReviewers() throws Exception {
    ReturnId id = caseInReview();
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<ReturnResult>> outcomes = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        boolean approve = i % 2 == 0;
        outcomes.add(pool.submit(() -> {
          start.await();
          return approve
              ? shop.returns.approve(id, new Approval(TestShop.AGENT, null))
              : shop.returns.reject(id, new Rejection(TestShop.AGENT, "NOT_ELIGIBLE", null));
        }));
      }
      start.countDown();
      int won = 0;
      for (Future<ReturnResult> outcome : outcomes) {
        try {
          outcome.get(30, TimeUnit.SECONDS);
          won++;
        } catch (ExecutionException e) {
          // Losers either lost the write or loaded the case after the winner decided it.
          assertThat(e.getCause()).isInstanceOfAny(ConcurrentReturnUpdateException.class,
              IllegalReturnTransitionException.class);
        }
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(shop.returns.history(id)).hasSize(2);
    assertThat(shop.find(id).version()).isEqualTo(2);
    assertThat(shop.find(id).status()).isIn(ReturnStatus.APPROVED, ReturnStatus.REJECTED);
  }

  @Test
  @DisplayName("many requests for the same order line at once never return more than was bought")
  void manyRequestsOneLine() throws Exception {
    OrderSnapshot order = shop.add(shop.order("O-2")
        .line("L-1", "SKU-GLASS", "kitchen", 3, "4.00").build());
    int threads = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    int opened = 0;
    try {
      List<Future<ReturnResult>> outcomes = new ArrayList<>();
      Callable<ReturnResult> ask = () -> {
        start.await();
        return shop.returns.request(request(order,
            RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND)));
      };
      for (int i = 0; i < threads; i++) {
        outcomes.add(pool.submit(ask));
      }
      start.countDown();
      for (Future<ReturnResult> outcome : outcomes) {
        try {
          outcome.get(30, TimeUnit.SECONDS);
          opened++;
        } catch (ExecutionException e) {
          assertThat(e.getCause()).isInstanceOf(InvalidReturnRequestException.class)
              .hasMessageContaining("lines[0].quantity: must be at most 0");
        }
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(opened).isEqualTo(3);
    int requested = 0;
    for (ReturnCaseSnapshot c : shop.ports.repository().findByOrder(order.id())) {
      for (ReturnLineSnapshot l : c.lines()) {
        requested += l.quantities().requested();
      }
    }
    assertThat(requested).isEqualTo(3);
  }

  @Test
  @DisplayName("a payment provider that takes its time holds up no request, on other orders or "
      + "on its own")
  void slowPaymentHoldsNothingUp() throws Exception {
    HeldPayments slow = new HeldPayments(shop.ports.payments(), 1);
    Returns returns = shop.ports.wire(Returns.builder()).payments(slow)
        .policies(TestPolicies.policies()).clock(shop.clock).ids(ReturnIdSource.sequential("S"))
        .build();
    OrderSnapshot slowOrder = shop.add(shop.order("O-1")
        .line("L-1", "SKU-KETTLE", "kitchen", 1, "30.00")
        .line("L-2", "SKU-TOASTER", "kitchen", 1, "40.00").build());
    // An order that shares the slow order's lock: before, it waited for the provider too.
    OrderLocks locks = new OrderLocks(Returns.ORDER_LOCK_STRIPES);
    String neighbourId = IntStream.range(2, 10_000).mapToObj(i -> "O-" + i)
        .filter(id -> locks.stripe(OrderId.of(id)) == locks.stripe(slowOrder.id()))
        .findFirst().orElseThrow();
    OrderSnapshot neighbour = shop.add(shop.order(neighbourId)
        .line("L-1", "SKU-MUG", "kitchen", 1, "9.00").build());
    ReturnId settled = inspectedKettle(returns, slowOrder);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<ReturnResult> settling = pool.submit(() -> returns.settle(settled,
          TestShop.SETTLEMENT_JOB));
      assertThat(slow.entered.await(30, TimeUnit.SECONDS)).as("the provider was asked").isTrue();

      // While the provider has not answered, requests on both orders go through. Were they
      // held up, these would wait as long as the provider, and time out.
      ReturnResult onNeighbour = pool.submit(() -> returns.request(request(neighbour,
          RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND))))
          .get(30, TimeUnit.SECONDS);
      ReturnResult onSameOrder = pool.submit(() -> returns.request(request(slowOrder,
          RequestedLine.of(line("L-2"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND))))
          .get(30, TimeUnit.SECONDS);
      assertThat(onNeighbour.returnCase().status()).isEqualTo(ReturnStatus.APPROVED);
      assertThat(onSameOrder.returnCase().status()).isEqualTo(ReturnStatus.APPROVED);
      assertThat(settling).isNotDone();
      assertThat(shop.find(settled).status()).isEqualTo(ReturnStatus.SETTLING);

      slow.release.countDown();
      assertThat(settling.get(30, TimeUnit.SECONDS).returnCase().status())
          .isEqualTo(ReturnStatus.COMPLETED);
    } finally {
      slow.release.countDown();
      pool.shutdownNow();
    }
    assertThat(shop.ports.payments().totalPaidOut(slowOrder.tenders().get(0).reference()))
        .contains(Money.of("34.95", "EUR"));
  }

  @Test
  @DisplayName("two settlements of one case at once pay it once; the slower one loses the race")
  void concurrentSettlementsPayOnce() throws Exception {
    HeldPayments both = new HeldPayments(shop.ports.payments(), 2);
    Returns returns = shop.ports.wire(Returns.builder()).payments(both)
        .policies(TestPolicies.policies()).clock(shop.clock).ids(ReturnIdSource.sequential("S"))
        .build();
    OrderSnapshot order = shop.add(shop.order("O-1")
        .line("L-1", "SKU-KETTLE", "kitchen", 1, "30.00").build());
    ReturnId id = inspectedKettle(returns, order);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Object> outcomes = new ArrayList<>();
    try {
      List<Future<ReturnResult>> settling = List.of(
          pool.submit(() -> returns.settle(id, TestShop.SETTLEMENT_JOB)),
          pool.submit(() -> returns.settle(id, TestShop.SETTLEMENT_JOB)));
      // Both settlements have asked the provider before either is answered.
      assertThat(both.entered.await(30, TimeUnit.SECONDS)).isTrue();
      both.release.countDown();
      for (Future<ReturnResult> one : settling) {
        try {
          outcomes.add(one.get(30, TimeUnit.SECONDS).returnCase().status());
        } catch (ExecutionException e) {
          outcomes.add(e.getCause().getClass());
        }
      }
    } finally {
      both.release.countDown();
      pool.shutdownNow();
    }
    assertThat(outcomes).containsExactlyInAnyOrder(ReturnStatus.COMPLETED,
        ConcurrentReturnUpdateException.class);
    assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(shop.ports.payments().totalPaidOut(order.tenders().get(0).reference()))
        .contains(Money.of("34.95", "EUR"));
    assertThat(shop.ports.events().eventsOf(ReturnEvent.RefundIssued.class)).hasSize(2);
  }

  @Test
  @DisplayName("a label bought while the customer cancelled is cancelled at the carrier too")
  void cancelDuringArrangement() {
    OrderSnapshot order = shop.add(shop.order("O-3")
        .line("L-1", "SKU-SHIRT", "apparel", 2, "40.00").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND)))
        .returnCase().id();
    Returns racing = shop.ports.wire(Returns.builder()).policies(TestPolicies.policies())
        .clock(shop.clock).ids(ReturnIdSource.sequential("Y"))
        .repository(new RacingRepository(shop.ports.repository(),
            () -> shop.returns.cancel(id, new Cancellation(TestShop.CUSTOMER, "changed plans"))))
        .build();

    assertThatThrownBy(() -> racing.arrangeShipment(id,
        new ShipmentOptions(ShippingMethod.LABEL, TestShop.CUSTOMER)))
        .isInstanceOf(ConcurrentReturnUpdateException.class);

    assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.CANCELLED);
    assertThat(shop.ports.logistics().cancelledFor(id))
        .containsExactly(shop.ports.logistics().arrangementOf(id).trackingNumber());
  }

  @Test
  @DisplayName("a label bought twice for one case, by two callers at once, is kept: it is the "
      + "same label")
  void sameLabelTwice() {
    OrderSnapshot order = shop.add(shop.order("O-3")
        .line("L-1", "SKU-SHIRT", "apparel", 2, "40.00").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND))).id();
    Returns racing = shop.ports.wire(Returns.builder()).policies(TestPolicies.policies())
        .clock(shop.clock).ids(ReturnIdSource.sequential("Y"))
        .repository(new RacingRepository(shop.ports.repository(),
            () -> shop.returns.arrangeShipment(id, ShipmentOptions.label(TestShop.CUSTOMER))))
        .build();

    assertThatThrownBy(() -> racing.arrangeShipment(id, ShipmentOptions.label(TestShop.AGENT)))
        .isInstanceOf(ConcurrentReturnUpdateException.class);

    assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.AWAITING_RETURN);
    assertThat(shop.ports.logistics().requests()).hasSize(2);
    assertThat(shop.ports.logistics().cancelled()).isEmpty();
  }

  @Test
  @DisplayName("two processes requesting the last units of a line: storage refuses the second")
  void storageHoldsTheOrderLimit() {
    OrderSnapshot order = shop.add(shop.order("O-4")
        .line("L-1", "SKU-GLASS", "kitchen", 2, "4.00").build());
    // Another process (its own facade, its own locks) takes both units while this one decides.
    Returns otherProcess = shop.ports.wire(Returns.builder()).policies(TestPolicies.policies())
        .clock(shop.clock).ids(ReturnIdSource.sequential("X")).build();
    Returns thisProcess = shop.ports.wire(Returns.builder()).policies(TestPolicies.policies())
        .clock(shop.clock).ids(ReturnIdSource.sequential("Y"))
        .repository(new RacingRepository(shop.ports.repository(), () -> otherProcess.request(
            request(order, RequestedLine.of(line("L-1"), 2, ReturnReason.DOES_NOT_FIT,
                Resolution.REFUND)))))
        .build();

    assertThatThrownBy(() -> thisProcess.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND))))
        .isInstanceOfSatisfying(OrderLimitExceededException.class, e -> {
          assertThat(e.orderId()).isEqualTo(order.id());
          assertThat(e.returnId()).isEqualTo(ReturnId.of("Y-1"));
        })
        .hasMessageContaining("order line L-1 would hold 3 unit(s) of 2 bought");

    assertThat(shop.ports.repository().findByOrder(order.id()))
        .extracting(ReturnCaseSnapshot::id).containsExactly(ReturnId.of("X-1"));
    assertThatThrownBy(() -> thisProcess.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND))))
        .isInstanceOf(InvalidReturnRequestException.class)
        .hasMessageContaining("must be at most 0");
  }

  @Test
  @DisplayName("two processes settling cases of one order refund its shipping once")
  void shippingRefundedOnceAcrossProcesses() {
    OrderSnapshot order = shop.add(shop.order("O-5").shipping("5.00")
        .line("L-1", "SKU-SHIRT", "apparel", 1, "40.00")
        .line("L-2", "SKU-BELT", "apparel", 1, "25.00").build());
    List<ReturnId> ids = new ArrayList<>();
    for (String l : List.of("L-1", "L-2")) {
      ReturnId id = shop.returns.request(request(order, RequestedLine.of(line(l), 1,
          ReturnReason.WRONG_ITEM_SHIPPED, Resolution.REFUND))).returnCase().id();
      shop.shipAndReceiveAll(id);
      shop.inspect(id, InspectedLine.of(line(l), 1, ItemGrade.A, InspectionFinding.WRONG_ITEM));
      ids.add(id);
    }
    Returns thisProcess = shop.ports.wire(Returns.builder()).policies(TestPolicies.policies())
        .clock(shop.clock).ids(ReturnIdSource.sequential("Y"))
        .repository(new RacingRepository(shop.ports.repository(),
            () -> shop.returns.settle(ids.get(1), TestShop.SETTLEMENT_JOB)))
        .build();

    assertThatThrownBy(() -> thisProcess.settle(ids.get(0), TestShop.SETTLEMENT_JOB))
        .isInstanceOf(OrderLimitExceededException.class)
        .hasMessageContaining("outbound shipping refunds would reach EUR 10.00 of EUR 5.00");
    assertThat(shop.find(ids.get(0)).status()).isEqualTo(ReturnStatus.INSPECTED);

    thisProcess.settle(ids.get(0), TestShop.SETTLEMENT_JOB);

    assertThat(shop.ports.payments().totalPaidOut("PAY-O-5")).contains(Money.of("70.00", "EUR"));
  }

  /** Storage that lets a rival write first, once, just before the next save goes through. */
  /** Line L-1 of an order (a kettle, DEFECTIVE) requested, received and inspected. */
  private static ReturnId inspectedKettle(Returns returns, OrderSnapshot order) {
    ReturnId id = returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND)))
        .returnCase().id();
    returns.arrangeShipment(id, new ShipmentOptions(ShippingMethod.LABEL, TestShop.AGENT));
    returns.receive(id, new GoodsReceipt(TestShop.WAREHOUSE,
        List.of(new ReceivedLine(line("L-1"), 1))));
    returns.inspect(id, new InspectionReport(TestShop.WAREHOUSE,
        List.of(InspectedLine.of(line("L-1"), 1, ItemGrade.A, InspectionFinding.SEAL_INTACT))));
    return id;
  }

  /**
   * A payment provider that holds every payment until released: {@code entered} opens once the
   * given number of payments are waiting.
   */
  private static final class HeldPayments implements PaymentGateway {

    final CountDownLatch entered;
    final CountDownLatch release = new CountDownLatch(1);
    private final PaymentGateway provider;

    HeldPayments(PaymentGateway provider, int payments) {
      this.provider = provider;
      this.entered = new CountDownLatch(payments);
    }

    @Override
    public PaymentReceipt pay(PaymentInstruction instruction) {
      entered.countDown();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return provider.pay(instruction);
    }

    @Override
    public Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
      return provider.findReceipt(idempotencyKey);
    }
  }

  private static final class RacingRepository extends ForwardingReturnRepository {
    private Runnable rival;

    RacingRepository(ReturnRepository delegate, Runnable rival) {
      super(delegate);
      this.rival = rival;
    }

    @Override
    public void save(CaseWrite write) {
      Runnable first = rival;
      rival = null;
      if (first != null) {
        first.run();
      }
      super.save(write);
    }
  }
}
