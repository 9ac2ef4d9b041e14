package dev.returnkit.core.settlement;

import dev.returnkit.core.policy.PolicyOutcomes;
import dev.returnkit.core.policy.Rationale;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.money.Money;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The settlement policy's outcome.
 *
 * @param lines one settlement per line of the facts
 * @param returnShippingCharge the return shipping to charge the customer (deducted from the
 *     refunds)
 * @param outboundShippingRefund the outbound shipping to refund
 * @param rationale reason codes and rules of the case-level amounts
 * @param terms what the money is paid on: refund routing, fee tax, promotion clawback, store
 *     credit bonus
 */
public record SettlementDecision(
    List<LineSettlement> lines,
    Money returnShippingCharge,
    Money outboundShippingRefund,
    Rationale rationale,
    SettlementTerms terms) {

  public SettlementDecision {
    lines = List.copyOf(lines);
    Objects.requireNonNull(returnShippingCharge, "returnShippingCharge");
    Objects.requireNonNull(outboundShippingRefund, "outboundShippingRefund");
    Objects.requireNonNull(rationale, "rationale");
    Objects.requireNonNull(terms, "terms");
  }

  /**
   * A decision on the default terms ({@link SettlementTerms#DEFAULT}): refunds to the card
   * first, fees and charges taxed, promotions kept, no bonus on store credit.
   *
   * @param lines one settlement per line of the facts
   * @param returnShippingCharge the return shipping to charge the customer
   * @param outboundShippingRefund the outbound shipping to refund
   * @param rationale reason codes and rules of the case-level amounts
   */
  public SettlementDecision(List<LineSettlement> lines, Money returnShippingCharge,
      Money outboundShippingRefund, Rationale rationale) {
    this(lines, returnShippingCharge, outboundShippingRefund, rationale,
        SettlementTerms.DEFAULT);
  }

  /**
   * This decision on other terms, as the policy's settings give them.
   *
   * @param newTerms refund routing, fee tax, promotion clawback, store credit bonus
   * @param why their reason codes, added to the case-level rationale
   * @return the changed decision
   */
  public SettlementDecision withTerms(SettlementTerms newTerms, Rationale why) {
    return new SettlementDecision(lines, returnShippingCharge, outboundShippingRefund,
        Rationale.union(List.of(rationale, why)), newTerms);
  }

  /**
   * Everything that explains the decision.
   *
   * @return the union of the case rationale and every line's
   */
  public Rationale overallRationale() {
    List<Rationale> all = new ArrayList<>();
    for (LineSettlement line : lines) {
      all.add(line.rationale());
    }
    all.add(rationale);
    all.add(terms.routing().rationale());
    return Rationale.union(all);
  }

  /**
   * The settlement per line, once the decision is checked to answer exactly the lines asked
   * about, each once.
   *
   * @param asked the lines with units accepted
   * @return each line's settlement
   * @throws dev.returnkit.spi.InvalidDecisionException if a line is missing, repeated or unknown
   */
  public Map<OrderLineId, LineSettlement> byLine(Collection<OrderLineId> asked) {
    PolicyOutcomes.requireOnePerLine("settlement", asked,
        lines.stream().map(LineSettlement::orderLineId).toList());
    Map<OrderLineId, LineSettlement> byLine = new HashMap<>();
    lines.forEach(line -> byLine.put(line.orderLineId(), line));
    return byLine;
  }
}
