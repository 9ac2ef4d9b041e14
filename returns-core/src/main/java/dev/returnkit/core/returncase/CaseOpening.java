package dev.returnkit.core.returncase;

import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.EligibilityPolicy;
import dev.returnkit.core.request.LineEligibility;
import dev.returnkit.core.request.RequestChecks;
import dev.returnkit.core.request.RequestContext;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.spi.Violations;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.order.OrderLine;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.LineQuantities;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a request becomes a case, for {@link ReturnCase#request} and {@link ReturnCase#preview}:
 * the request checked against the order and what its other cases hold, decided by the
 * eligibility policy, and the decision turned into the new case's first state. Stateless.
 */
final class CaseOpening {

  private CaseOpening() {}

  /**
   * Checks the request, then asks the policy.
   *
   * @throws dev.returnkit.spi.InvalidReturnRequestException if the request contradicts the order
   * @throws dev.returnkit.spi.InvalidDecisionException if the policy does not answer every
   *     requested line exactly once
   */
  static EligibilityDecision decide(ReturnRequest request, RequestContext context,
      EligibilityPolicy policy) {
    if (!context.order().id().equals(request.orderId())) {
      // The use case looks the order up by the request's id: a mismatch is a caller's bug.
      throw new IllegalArgumentException("request names order " + request.orderId()
          + " but order " + context.order().id() + " was given");
    }
    new Violations("return request")
        .addAll(RequestChecks.check(request, context.order(), context.ledger())).throwIfAny();
    EligibilityDecision decision = policy.decide(EligibilityFacts.of(request, context));
    decision.byLine(requestedLines(request));
    return decision;
  }

  /**
   * The case a decided request opens, in its starting state ({@link
   * EligibilityDecision#openingStatus()}), due for review or for its shipment.
   */
  static ReturnCaseSnapshot open(ReturnId id, ReturnRequest request, RequestContext context,
      EligibilityDecision decision, ServiceLevels serviceLevels) {
    Map<OrderLineId, LineEligibility> outcomes = decision.byLine(requestedLines(request));
    OrderSnapshot order = context.order();
    boolean inAdvance = exchangedInAdvance(request, decision);
    List<ReturnLineSnapshot> lines = new ArrayList<>();
    for (RequestedLine requested : request.lines()) {
      OrderLine orderLine = order.line(requested.orderLineId()).orElseThrow();
      LineEligibility outcome = outcomes.get(requested.orderLineId());
      boolean approved = outcome.verdict() == LineVerdict.APPROVED;
      lines.add(ReturnLineSnapshot.builder().orderLineId(orderLine.id()).sku(orderLine.sku())
          .category(orderLine.category()).orderLinePaid(orderLine.value())
          .orderedQuantity(orderLine.quantity()).reason(requested.reason())
          .resolution(requested.resolution()).customerNote(requested.note())
          .replacement(requested.replacement())
          .verdict(outcome.verdict()).verdictCodes(outcome.rationale().reasonCodes())
          .returnless(approved && outcome.returnless())
          .advanceExchange(inAdvance && approved
              && requested.resolution() == Resolution.EXCHANGE)
          .quantities(LineQuantities.requested(requested.quantity())
              .approving(approved ? requested.quantity() : 0))
          .build());
    }
    ReturnStatus start = decision.openingStatus();
    Instant at = context.at();
    Instant due = switch (start) {
      case IN_REVIEW -> at.plus(serviceLevels.review());
      case APPROVED -> at.plus(serviceLevels.shipment());
      default -> null;
    };
    return ReturnCaseSnapshot.builder().id(id).orderId(request.orderId())
        .customerId(request.customerId()).status(start).requestedAt(at).updatedAt(at)
        .dueAt(due).returnShippingPaidBy(decision.returnShippingPaidBy()).lines(lines)
        .outboundShippingPaid(order.shippingPaid()).build();
  }

  /**
   * Whether the case's replacements go out before its goods come back: it opens approved, is
   * no returnless refund, and the policy allows it for every approved exchange (one
   * replacement order per case, so all or nothing).
   */
  static boolean exchangedInAdvance(ReturnRequest request, EligibilityDecision decision) {
    if (decision.openingStatus() != ReturnStatus.APPROVED || decision.grantsReturnlessRefund()) {
      return false;
    }
    Map<OrderLineId, LineEligibility> outcomes = decision.byLine(requestedLines(request));
    boolean anyExchange = false;
    for (RequestedLine requested : request.lines()) {
      LineEligibility outcome = outcomes.get(requested.orderLineId());
      if (outcome.verdict() == LineVerdict.APPROVED
          && requested.resolution() == Resolution.EXCHANGE) {
        if (!outcome.advanceExchange()) {
          return false;
        }
        anyExchange = true;
      }
    }
    return anyExchange;
  }

  private static List<OrderLineId> requestedLines(ReturnRequest request) {
    return request.lines().stream().map(RequestedLine::orderLineId).toList();
  }
}
