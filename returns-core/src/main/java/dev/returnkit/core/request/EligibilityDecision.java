package dev.returnkit.core.request;

import dev.returnkit.core.policy.PolicyOutcomes;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.vocabulary.LineVerdict;
import dev.returnkit.spi.vocabulary.ReturnShippingPayer;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The eligibility policy's outcome for a whole request.
 *
 * @param lines one outcome per requested line
 * @param returnShippingPaidBy who pays for the return shipment
 * @param rationale reason codes and rules of case-level decisions (who pays shipping)
 */
public record EligibilityDecision(
    List<LineEligibility> lines, ReturnShippingPayer returnShippingPaidBy, Rationale rationale) {

  public EligibilityDecision {
    lines = List.copyOf(lines);
    Objects.requireNonNull(returnShippingPaidBy, "returnShippingPaidBy");
    Objects.requireNonNull(rationale, "rationale");
  }

  /**
   * Everything that explains the decision: the case rationale and every line's.
   *
   * @return the union of all rationales
   */
  public Rationale overallRationale() {
    List<Rationale> all = new ArrayList<>();
    for (LineEligibility line : lines) {
      all.add(line.rationale());
    }
    all.add(rationale);
    return Rationale.union(all);
  }

  /**
   * The state a request opens its case in: {@code IN_REVIEW} if any line needs review, else
   * {@code APPROVED} if any line is approved, else {@code REJECTED}.
   *
   * @return the starting state
   */
  public ReturnStatus openingStatus() {
    boolean anyApproved = false;
    for (LineEligibility line : lines) {
      if (line.verdict() == LineVerdict.IN_REVIEW) {
        return ReturnStatus.IN_REVIEW;
      }
      anyApproved |= line.verdict() == LineVerdict.APPROVED;
    }
    return anyApproved ? ReturnStatus.APPROVED : ReturnStatus.REJECTED;
  }

  /**
   * Whether the customer keeps every approved line, so the case is refunded without a
   * shipment: it opens approved and every approved line is returnless (all or nothing).
   *
   * @return true for a returnless refund
   */
  public boolean grantsReturnlessRefund() {
    return openingStatus() == ReturnStatus.APPROVED && lines.stream()
        .filter(line -> line.verdict() == LineVerdict.APPROVED)
        .allMatch(LineEligibility::returnless);
  }

  /**
   * This decision with no line exchanged in advance: for a library without a replacement-order
   * port, which cannot send a replacement before the goods arrive (the host orders it from the
   * completed case's event).
   *
   * @return the decision without advance exchanges
   */
  public EligibilityDecision withoutAdvanceExchanges() {
    return new EligibilityDecision(lines.stream()
        .map(line -> new LineEligibility(line.orderLineId(), line.verdict(), line.returnless(),
            line.rationale()))
        .toList(), returnShippingPaidBy, rationale);
  }

  /**
   * The outcome per line, once the decision is checked to answer exactly the lines asked
   * about, each once.
   *
   * @param asked the requested lines
   * @return each line's outcome
   * @throws dev.returnkit.spi.InvalidDecisionException if a line is missing, repeated or unknown
   */
  public Map<OrderLineId, LineEligibility> byLine(Collection<OrderLineId> asked) {
    PolicyOutcomes.requireOnePerLine("eligibility", asked,
        lines.stream().map(LineEligibility::orderLineId).toList());
    Map<OrderLineId, LineEligibility> byLine = new HashMap<>();
    lines.forEach(line -> byLine.put(line.orderLineId(), line));
    return byLine;
  }
}
