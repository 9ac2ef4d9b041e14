package dev.returnkit.rules;

import dev.returnkit.core.ReturnPolicies;
import dev.returnkit.core.WorkedMoneyCases;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The worked cases of an order's money, decided by the default rules")
class WorkedMoneyCasesTest extends WorkedMoneyCases {

  private static final DroolsPolicies DEFAULTS = DroolsPolicies.defaults();

  @Override
  protected ReturnPolicies policies() {
    return DEFAULTS.policies();
  }

  @Override
  protected ReturnPolicies policiesClawingBack() {
    return DroolsPolicies.builder().setting("promotion.clawback", "true").build().policies();
  }
}
