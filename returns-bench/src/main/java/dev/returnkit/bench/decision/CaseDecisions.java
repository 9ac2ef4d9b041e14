package dev.returnkit.bench.decision;

import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.warehouse.DispositionDecision;
import dev.returnkit.core.warehouse.LiabilityDecision;

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
