package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.spi.PaymentUnavailableException;
import dev.returnkit.spi.ReturnsException;
import dev.returnkit.spi.StorageException;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.order.PurchaseSummary;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ForwardingReturnRepository;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Settlement when things go wrong between planning and paying. */
@DisplayName("A settlement")
class SettlementRecoveryTest {

  private final TestShop shop = new TestShop();

  /** A two-line case, inspected: two item refunds and the outbound shipping to pay. */
  private ReturnId inspected(Returns returns) {
    OrderSnapshot order = shop.add(shop.order("O-1")
        .line("L-1", "SKU-KETTLE", "kitchen", 1, "30.00")
        .line("L-2", "SKU-TOASTER", "kitchen", 1, "40.00").build());
    ReturnId id = returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND),
        RequestedLine.of(line("L-2"), 1, ReturnReason.DEFECTIVE, Resolution.REFUND))).id();
    shop.shipAndReceiveAll(id);
    shop.inspect(id, InspectedLine.of(line("L-1"), 1, ItemGrade.A),
        InspectedLine.of(line("L-2"), 1, ItemGrade.A));
    return id;
  }

  /** A provider that confirms a given number of payments, then is down. */
  private PaymentGateway downAfter(int payments) {
    AtomicInteger paid = new AtomicInteger();
    return new PaymentGateway() {
      @Override
      public PaymentReceipt pay(PaymentInstruction instruction) {
        if (paid.incrementAndGet() > payments) {
          throw new PaymentUnavailableException("provider down", null);
        }
        return shop.ports.payments().pay(instruction);
      }

      @Override
      public Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
        return shop.ports.payments().findReceipt(idempotencyKey);
      }
    };
  }

  @Test
  @DisplayName("whose provider fails before any payment stores nothing more than the plan")
  void failsBeforeAnyPayment() {
    Returns returns = shop.ports.wire(Returns.builder()).payments(downAfter(0))
        .policies(TestPolicies.policies()).clock(shop.clock).ids(ReturnIdSource.sequential("R"))
        .build();
    ReturnId id = inspected(shop.returns);

    assertThatThrownBy(() -> returns.settle(id, TestShop.SETTLEMENT_JOB))
        .isInstanceOf(PaymentUnavailableException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).as("no failed store").isEmpty());

    assertThat(shop.find(id).status()).isEqualTo(ReturnStatus.SETTLING);
    assertThat(shop.returns.history(id)).extracting(e -> e.command())
        .endsWith(ReturnCommand.BEGIN_SETTLEMENT);
  }

  @Test
  @DisplayName("that cannot store a confirmed payment says so beside the provider's failure")
  void storeFailsAfterAPayment() {
    AtomicBoolean failSaves = new AtomicBoolean();
    ForwardingReturnRepository flaky = new ForwardingReturnRepository(shop.ports.repository()) {
      @Override
      public void save(CaseWrite write) {
        if (failSaves.get()) {
          throw new StorageException("database gone", null);
        }
        super.save(write);
      }
    };
    Returns returns = shop.ports.wire(Returns.builder()).repository(flaky)
        .payments(new PaymentGateway() {
          private final PaymentGateway first = downAfter(1);

          @Override
          public PaymentReceipt pay(PaymentInstruction instruction) {
            PaymentReceipt receipt = first.pay(instruction);
            failSaves.set(true);
            return receipt;
          }

          @Override
          public Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
            return first.findReceipt(idempotencyKey);
          }
        })
        .policies(TestPolicies.policies()).clock(shop.clock).ids(ReturnIdSource.sequential("R"))
        .build();
    ReturnId id = inspected(shop.returns);

    assertThatThrownBy(() -> returns.settle(id, TestShop.SETTLEMENT_JOB))
        .isInstanceOf(PaymentUnavailableException.class)
        .satisfies(e -> {
          assertThat(e.getSuppressed()).hasSize(1);
          assertThat(e.getSuppressed()[0]).isInstanceOf(StorageException.class)
              .hasMessage("database gone");
        });
    // The payment went through and was not stored: a retry pays the same key, which the
    // provider answers with the same receipt, not a second payment.
    assertThat(shop.ports.payments().receipts()).hasSize(1);
  }

  @Test
  @DisplayName("begun by another caller meanwhile is paid, not planned again")
  void plannedMeanwhile() {
    ReturnId id = inspected(shop.returns);
    ReturnCaseSnapshot stale = shop.find(id);
    Returns first = shop.ports.wire(Returns.builder()).payments(downAfter(0))
        .policies(TestPolicies.policies()).clock(shop.clock).ids(ReturnIdSource.sequential("R"))
        .build();
    assertThatThrownBy(() -> first.settle(id, TestShop.SETTLEMENT_JOB))
        .isInstanceOf(PaymentUnavailableException.class);
    // The second caller loaded the case before the first planned it.
    AtomicReference<ReturnCaseSnapshot> before = new AtomicReference<>(stale);
    ForwardingReturnRepository late = new ForwardingReturnRepository(shop.ports.repository()) {
      @Override
      public Optional<ReturnCaseSnapshot> findById(ReturnId returnId) {
        ReturnCaseSnapshot once = before.getAndSet(null);
        return once != null ? Optional.of(once) : super.findById(returnId);
      }
    };
    Returns second = shop.ports.wire(Returns.builder()).repository(late)
        .policies(TestPolicies.policies()).clock(shop.clock).ids(ReturnIdSource.sequential("R"))
        .build();

    ReturnResult settled = second.settle(id, TestShop.SETTLEMENT_JOB);

    assertThat(settled.returnCase().status()).isEqualTo(ReturnStatus.COMPLETED);
    assertThat(shop.returns.history(id)).filteredOn(e -> e.command()
        == ReturnCommand.BEGIN_SETTLEMENT).hasSize(1);
    assertThat(settled.events()).noneMatch(e -> e.type().name().equals("SETTLEMENT_STARTED"));
    assertThat(shop.ports.payments().receipts()).hasSize(3);
  }

  @Test
  @DisplayName("of a case whose order the order system no longer knows is refused, naming both, "
      + "and changes nothing")
  void orderGone() {
    ReturnId id = inspected(shop.returns);
    ReturnCaseSnapshot before = shop.find(id);
    OrderLookup forgetful = new OrderLookup() {
      @Override
      public Optional<OrderSnapshot> findOrder(OrderId orderId) {
        return Optional.empty();
      }

      @Override
      public PurchaseSummary purchasesSince(CustomerId customerId, Instant since) {
        return PurchaseSummary.NONE;
      }
    };
    Returns returns = shop.ports.wire(Returns.builder()).orders(forgetful)
        .policies(TestPolicies.policies()).clock(shop.clock).ids(ReturnIdSource.sequential("R"))
        .build();

    assertThatThrownBy(() -> returns.settle(id, TestShop.SETTLEMENT_JOB))
        .isExactlyInstanceOf(ReturnsException.class)
        .hasMessage("order O-1 of return case R-1 is unknown to the order system");
    assertThat(shop.find(id)).isEqualTo(before);
    assertThat(shop.ports.payments().calls()).isEmpty();
  }
}
