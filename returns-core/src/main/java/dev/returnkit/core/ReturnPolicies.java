package dev.returnkit.core;

import dev.returnkit.core.access.AccessPolicy;
import dev.returnkit.core.access.ApprovalLimits;
import dev.returnkit.core.request.EligibilityPolicy;
import dev.returnkit.core.settlement.SettlementPolicy;
import dev.returnkit.core.warehouse.DispositionPolicy;
import dev.returnkit.core.warehouse.LiabilityPolicy;
import java.util.Objects;

/**
 * The policies a {@code Returns} facade decides with, as one value to pass around: the four
 * business decisions (the Drools rule set in returns-rules provides all four) and who may do
 * what. The Drools rule set's access policy is the standard one with the agent approval limits
 * of its settings.
 *
 * <p>To replace the access policy, in the one place where it is chosen: {@code
 * DroolsPolicies.defaults().policies().withAccess(myPolicy)}.
 *
 * @param eligibility decides requests
 * @param liability decides who is liable
 * @param disposition decides what happens to the goods
 * @param settlement decides the money
 * @param access decides who may run which operation on which case
 */
public record ReturnPolicies(
    EligibilityPolicy eligibility,
    LiabilityPolicy liability,
    DispositionPolicy disposition,
    SettlementPolicy settlement,
    AccessPolicy access) {

  public ReturnPolicies {
    Objects.requireNonNull(eligibility, "eligibility");
    Objects.requireNonNull(liability, "liability");
    Objects.requireNonNull(disposition, "disposition");
    Objects.requireNonNull(settlement, "settlement");
    Objects.requireNonNull(access, "access");
  }

  /**
   * The four decisions with the {@link AccessPolicy#standard standard access policy} and no
   * agent approval limits (agents approve nothing; supervisors approve).
   *
   * @param eligibility decides requests
   * @param liability decides who is liable
   * @param disposition decides what happens to the goods
   * @param settlement decides the money
   */
  public ReturnPolicies(EligibilityPolicy eligibility, LiabilityPolicy liability,
      DispositionPolicy disposition, SettlementPolicy settlement) {
    this(eligibility, liability, disposition, settlement,
        AccessPolicy.standard(ApprovalLimits.none()));
  }

  /**
   * The same decisions with another access policy.
   *
   * @param replacement who may do what
   * @return the policies
   */
  public ReturnPolicies withAccess(AccessPolicy replacement) {
    return new ReturnPolicies(eligibility, liability, disposition, settlement, replacement);
  }

  /**
   * These policies with an eligibility policy that exchanges nothing in advance, for a
   * library without a replacement-order port.
   *
   * @return the changed policies
   */
  public ReturnPolicies withoutAdvanceExchanges() {
    EligibilityPolicy decides = eligibility;
    return new ReturnPolicies(facts -> decides.decide(facts).withoutAdvanceExchanges(),
        liability, disposition, settlement, access);
  }
}
