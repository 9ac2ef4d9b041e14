package dev.returnkit.bench.decision;

import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.warehouse.DispositionFacts;
import dev.returnkit.core.warehouse.LiabilityFacts;
import java.util.Objects;

/**
 * What the four decisions of one return case are asked: eligibility when it is requested,
 * liability and disposition after inspection, settlement at the end.
 *
 * @param eligibility the request
 * @param liability the inspected lines
 * @param disposition the inspected lines with their liability
 * @param settlement the lines to settle
 */
public record DecisionCase(EligibilityFacts eligibility, LiabilityFacts liability,
    DispositionFacts disposition, SettlementFacts settlement) {

  /** Checks nothing is missing. */
  public DecisionCase {
    Objects.requireNonNull(eligibility, "eligibility");
    Objects.requireNonNull(liability, "liability");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(settlement, "settlement");
  }
}
