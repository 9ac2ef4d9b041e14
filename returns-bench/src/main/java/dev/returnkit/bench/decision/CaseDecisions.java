package dev.returnkit.bench.decision;

import dev.returnkit.core.decision.DispositionDecision;
import dev.returnkit.core.decision.EligibilityDecision;
import dev.returnkit.core.decision.LiabilityDecision;
import dev.returnkit.core.decision.SettlementDecision;

/**
 * The four decisions of one case.
 *
 * @param eligibility whether the lines may be returned, and who pays the return shipment
 * @param liability who is liable, per line
 * @param disposition what happens to the goods, per line
 * @param settlement the money
 */
public record CaseDecisions(EligibilityDecision eligibility, LiabilityDecision liability,
    DispositionDecision disposition, SettlementDecision settlement) {}
