package dev.returnkit.core;

import dev.returnkit.core.fixtures.TestPolicies;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The worked cases of an order's money, decided by core's test policies")
class WorkedMoneyCasesTest extends WorkedMoneyCases {

  @Override
  protected ReturnPolicies policies() {
    return TestPolicies.policies();
  }

  @Override
  protected ReturnPolicies policiesClawingBack() {
    return TestPolicies.clawingBackPromotions();
  }
}
