package dev.returnkit.core;

import dev.returnkit.core.request.EligibilityPolicy;
import dev.returnkit.core.settlement.SettlementPolicy;
import dev.returnkit.core.warehouse.DispositionPolicy;
import dev.returnkit.core.warehouse.LiabilityPolicy;
import java.util.Objects;

/**
 * The four policies a {@code Returns} facade decides with, as one value to pass around. The
 * Drools rule set in returns-rules provides all four.
 *
 * @param eligibility decides requests
 * @param liability decides who is liable
 * @param disposition decides what happens to the goods
 * @param settlement decides the money
 */
public record ReturnPolicies(
    EligibilityPolicy eligibility,
    LiabilityPolicy liability,
    DispositionPolicy disposition,
    SettlementPolicy settlement) {

  public ReturnPolicies {
    Objects.requireNonNull(eligibility, "eligibility");
    Objects.requireNonNull(liability, "liability");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(settlement, "settlement");
  }
}
