package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.observation.PaymentOutcome;
import dev.returnkit.core.observation.ReturnsObserver;
import dev.returnkit.core.observation.UseCase;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.spi.IllegalReturnTransitionException;
import dev.returnkit.spi.PaymentRejectedException;
import dev.returnkit.spi.PaymentUnavailableException;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.logistics.CarrierEventType;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.payment.PaymentGateway;
import dev.returnkit.spi.payment.PaymentInstruction;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("What an observer of the facade is told")
class ObserverTest {

  /** Records what it is told, in order. */
  private static final class Recorder implements ReturnsObserver {
    final List<String> useCases = new ArrayList<>();
    final List<HistoryEntry> stored = new ArrayList<>();
    final List<String> payments = new ArrayList<>();

    @Override
    public <T> T observe(UseCase useCase, Supplier<T> call) {
      try {
        T result = call.get();
        useCases.add(useCase.tag());
        return result;
      } catch (RuntimeException e) {
        useCases.add(useCase.tag() + " threw " + e.getClass().getSimpleName());
        throw e;
      }
    }

    @Override
    public void stored(List<HistoryEntry> entries) {
      stored.addAll(entries);
    }

    @Override
    public void payment(PaymentKind kind, PaymentOutcome outcome) {
      payments.add(kind + " " + outcome);
    }
  }

  private final Recorder recorder = new Recorder();

  private ReturnId lostParcel(TestShop shop) {
    OrderSnapshot order = shop.add(shop.order("O-1")
        .line("L-1", "SKU-BOOTS", "shoes", 1, "120.00").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND))).id();
    String tracking = shop.returns.arrangeShipment(id,
        new ShipmentOptions(ShippingMethod.PICKUP, TestShop.CUSTOMER)).returnCase().shipment()
        .trackingNumber();
    shop.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.IN_TRANSIT, tracking,
        shop.clock.instant(), "Depot"), TestShop.CARRIER_FEED);
    shop.returns.recordCarrierEvent(id, new CarrierEvent(CarrierEventType.LOST, tracking,
        shop.clock.instant(), null), TestShop.CARRIER_FEED);
    return id;
  }

  @Test
  @DisplayName("each use case, each stored transition with its rules, each payment")
  void wholeCase() {
    TestShop shop = new TestShop(TestPolicies.policies(), null, b -> b.observer(recorder));
    ReturnId id = lostParcel(shop);
    shop.returns.settle(id, TestShop.SETTLEMENT_JOB);
    shop.returns.find(id);
    shop.returns.history(id);

    assertThat(recorder.useCases).containsExactly("request", "arrange-shipment",
        "record-carrier-event", "record-carrier-event", "settle", "find", "history");
    assertThat(recorder.stored).extracting(HistoryEntry::fromStatus, HistoryEntry::toStatus)
        .containsExactly(tuple(null, ReturnStatus.APPROVED),
            tuple(ReturnStatus.APPROVED, ReturnStatus.AWAITING_RETURN),
            tuple(ReturnStatus.AWAITING_RETURN, ReturnStatus.IN_TRANSIT),
            tuple(ReturnStatus.IN_TRANSIT, ReturnStatus.LOST_IN_TRANSIT),
            tuple(ReturnStatus.LOST_IN_TRANSIT, ReturnStatus.SETTLING),
            tuple(ReturnStatus.SETTLING, ReturnStatus.SETTLING),
            tuple(ReturnStatus.SETTLING, ReturnStatus.SETTLING),
            tuple(ReturnStatus.SETTLING, ReturnStatus.COMPLETED));
    assertThat(recorder.stored).as("the very entries stored, in order")
        .containsExactlyElementsOf(shop.returns.history(id));
    assertThat(recorder.payments).as("the item and the outbound shipping, one call each")
        .containsExactly("REFUND PAID", "REFUND PAID");
    assertThat(shop.ports.payments().calls()).hasSize(2);
  }

  @Test
  @DisplayName("a refused command as it failed, the same exception reaching the caller")
  void refusal() {
    TestShop shop = new TestShop(TestPolicies.policies(), null, b -> b.observer(recorder));
    OrderSnapshot order = shop.add(shop.order("O-2")
        .line("L-1", "SKU-BOOTS", "shoes", 1, "120.00").build());
    ReturnId id = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.DOES_NOT_FIT, Resolution.REFUND))).id();
    int storedBefore = recorder.stored.size();

    assertThatThrownBy(() -> shop.returns.approve(id, new Approval(TestShop.AGENT, null)))
        .isInstanceOf(IllegalReturnTransitionException.class);

    assertThat(recorder.useCases).containsExactly("request",
        "approve threw IllegalReturnTransitionException");
    assertThat(recorder.stored).as("nothing stored, nothing told").hasSize(storedBefore);
  }

  /** A provider that fails every payment with the given exception. */
  private static PaymentGateway failing(RuntimeException failure) {
    return new PaymentGateway() {
      @Override
      public PaymentReceipt pay(PaymentInstruction instruction) {
        throw failure;
      }

      @Override
      public Optional<PaymentReceipt> findReceipt(String idempotencyKey) {
        return Optional.empty();
      }
    };
  }

  static Stream<Arguments> failedPayments() {
    return Stream.of(
        Arguments.of(new PaymentUnavailableException("the provider timed out", null),
            "REFUND UNAVAILABLE"),
        Arguments.of(new PaymentRejectedException("the card is closed"), "REFUND REJECTED"),
        Arguments.of(new IllegalStateException("a bug in the adapter"), "REFUND FAILED"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("failedPayments")
  @DisplayName("a payment that failed, as how it failed, the same exception reaching the caller")
  void failedPayment(RuntimeException failure, String told) {
    TestShop shop = new TestShop(TestPolicies.policies(), null,
        b -> b.payments(failing(failure)).observer(recorder));
    ReturnId id = lostParcel(shop);

    assertThatThrownBy(() -> shop.returns.settle(id, Actor.system("settlement-job")))
        .isSameAs(failure);

    assertThat(recorder.payments).containsExactly(told);
    assertThat(recorder.useCases).last().isEqualTo("settle threw "
        + failure.getClass().getSimpleName());
  }

  @Test
  @DisplayName("a receipt looked up passes through to the provider")
  void receiptsPassThrough() {
    TestShop shop = new TestShop(TestPolicies.policies(), null, b -> b.observer(recorder));
    ReturnId id = lostParcel(shop);
    shop.returns.settle(id, TestShop.SETTLEMENT_JOB);
    String key = shop.ports.payments().receipts().get(0).idempotencyKey();

    // What the provider has on record, the observed gateway hands back unchanged.
    assertThat(new ObservedPayments(shop.ports.payments(), recorder).findReceipt(key))
        .isEqualTo(shop.ports.payments().findReceipt(key)).isPresent();
    assertThat(new ObservedPayments(shop.ports.payments(), recorder).findReceipt("none"))
        .isEmpty();
  }
}
