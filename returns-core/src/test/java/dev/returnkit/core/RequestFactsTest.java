package dev.returnkit.core;

import static dev.returnkit.core.fixtures.TestShop.line;
import static dev.returnkit.core.fixtures.TestShop.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.core.fixtures.TestShop;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.returncase.ServiceLevels;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * What the eligibility policy is told about a request: the order's other open cases, the note,
 * and the customer's recent returns and purchases over the configured window.
 */
@DisplayName("The facts of a request")
class RequestFactsTest {

  private final TestShop shop = new TestShop();
  private final List<EligibilityFacts> asked = new ArrayList<>();

  /** The test shop's ports and policies, with the eligibility policy's questions recorded. */
  private Returns recording(Duration window) {
    ReturnPolicies policies = TestPolicies.policies();
    return shop.ports.wire(Returns.builder())
        .policies(new ReturnPolicies(facts -> {
          asked.add(facts);
          return policies.eligibility().decide(facts);
        }, policies.liability(), policies.disposition(), policies.settlement(),
            TestPolicies.access()))
        .clock(shop.clock).ids(ReturnIdSource.sequential("Q")).customerHistoryWindow(window)
        .build();
  }

  private OrderSnapshot order(String id, String customer, String category) {
    return shop.add(shop.order(id).customer(customer)
        .line("L-1", "SKU-" + id, category, 2, "30.00").build());
  }

  @Test
  @DisplayName("count another open case of the order line, which sends the request to review")
  void otherOpenCase() {
    OrderSnapshot order = order("O-1", "C-1", "kitchen");
    shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)));

    ReturnCaseSnapshot second = shop.returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)))
        .returnCase();

    assertThat(second.status()).isEqualTo(ReturnStatus.IN_REVIEW);
    assertThat(second.lines().get(0).verdictCodes()).containsExactly("OPEN_REQUEST_EXISTS");
  }

  @Test
  @DisplayName("say whether an OTHER reason came with a note; a blank one is no note")
  void note() {
    OrderSnapshot blank = order("O-1", "C-1", "kitchen");
    OrderSnapshot written = order("O-2", "C-1", "kitchen");

    ReturnCaseSnapshot withoutNote = shop.returns.request(request(blank,
        new RequestedLine(line("L-1"), 1, ReturnReason.OTHER, Resolution.REFUND, "  ")))
        .returnCase();
    ReturnCaseSnapshot withNote = shop.returns.request(request(written,
        new RequestedLine(line("L-1"), 1, ReturnReason.OTHER, Resolution.REFUND,
            "the lid does not close"))).returnCase();

    assertThat(withoutNote.status()).isEqualTo(ReturnStatus.IN_REVIEW);
    assertThat(withoutNote.lines().get(0).verdictCodes()).containsExactly("NOTE_REQUIRED");
    assertThat(withNote.status()).isEqualTo(ReturnStatus.APPROVED);
  }

  @Test
  @DisplayName("count the customer's cases that hold units, in the window, with their purchases")
  void customerHistory() {
    Returns returns = recording(Duration.ofDays(30));
    OrderSnapshot underwear = order("O-1", "C-7", "underwear");
    OrderSnapshot kettle = order("O-2", "C-7", "kitchen");
    OrderSnapshot other = order("O-3", "C-8", "kitchen");
    returns.request(request(underwear,
        RequestedLine.of(line("L-1"), 2, ReturnReason.DOES_NOT_FIT, Resolution.REFUND)));
    returns.request(request(kettle,
        RequestedLine.of(line("L-1"), 2, ReturnReason.CHANGED_MIND, Resolution.REFUND)));
    returns.request(request(other,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)));
    OrderSnapshot next = order("O-4", "C-7", "kitchen");
    asked.clear();

    returns.preview(request(next,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)));

    // The rejected underwear case holds nothing: one case, two units; four orders of two units
    // were placed in the window.
    EligibilityFacts facts = asked.get(0);
    assertThat(facts.customer().returnCases()).isEqualTo(1);
    assertThat(facts.customer().unitsReturned()).isEqualTo(2);
    assertThat(facts.customer().purchases().orders()).isEqualTo(3);
    assertThat(facts.customer().purchases().units()).isEqualTo(6);
    assertThat(facts.customer().since()).isEqualTo(shop.clock.instant().minus(Duration.ofDays(30)));
    assertThat(facts.lines().get(0).alreadyReturned()).isZero();
  }

  @Test
  @DisplayName("leave out the cases and orders before the window")
  void window() {
    Returns returns = recording(Duration.ofDays(1));
    OrderSnapshot kettle = order("O-1", "C-7", "kitchen");
    returns.request(request(kettle,
        RequestedLine.of(line("L-1"), 2, ReturnReason.CHANGED_MIND, Resolution.REFUND)));
    shop.clock.advance(Duration.ofDays(2));
    OrderSnapshot next = order("O-2", "C-7", "kitchen");
    asked.clear();

    returns.preview(request(next,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)));

    // The case is two days old; the test orders were placed twelve days before "now".
    assertThat(asked.get(0).customer().returnCases()).isZero();
    assertThat(asked.get(0).customer().purchases().orders()).isZero();
  }

  @Test
  @DisplayName("a builder refuses a window that is not positive, and takes other service levels")
  void builderOptions() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Returns.builder().customerHistoryWindow(Duration.ZERO))
        .withMessage("the customer history window must be positive");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> Returns.builder().customerHistoryWindow(Duration.ofDays(-1)));
    ServiceLevels quick = new ServiceLevels(Duration.ofHours(4), Duration.ofHours(2),
        Duration.ofDays(5), Duration.ofDays(1), Duration.ofHours(12));
    Returns returns = shop.ports.wire(Returns.builder()).policies(TestPolicies.policies())
        .clock(shop.clock).ids(ReturnIdSource.sequential("S")).serviceLevels(quick).build();
    OrderSnapshot order = order("O-1", "C-1", "kitchen");

    ReturnCaseSnapshot opened = returns.request(request(order,
        RequestedLine.of(line("L-1"), 1, ReturnReason.CHANGED_MIND, Resolution.REFUND)))
        .returnCase();

    assertThat(opened.dueAt()).isEqualTo(shop.clock.instant().plus(Duration.ofHours(2)));
  }

  @Test
  @DisplayName("a missing request is a programming error, said as such")
  void nullRequest() {
    assertThatNullPointerException().isThrownBy(() -> shop.returns.request(null))
        .withMessage("return request must not be null");
  }
}
