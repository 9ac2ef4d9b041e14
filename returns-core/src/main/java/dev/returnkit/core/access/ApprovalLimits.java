package dev.returnkit.core.access;

import dev.returnkit.spi.money.Money;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Up to which value an agent may approve a return in review, per currency. With returns-rules
 * the policy owner sets them in the settings file ({@code review.agent-approval-limit = EUR
 * 250.00, USD 275.00}); a currency without a limit is approved by supervisors only.
 *
 * <p>Implementations must be thread-safe; returns-rules' reads the settings in force at each
 * call, so a reload changes the limits too.
 */
@FunctionalInterface
public interface ApprovalLimits {

  /**
   * The limit in a currency.
   *
   * @param currency the case's currency
   * @return the highest value an agent may approve, or empty if agents may not approve in it
   */
  Optional<Money> agentLimit(Currency currency);

  /**
   * Fixed limits.
   *
   * @param limits at most one per currency, none negative
   * @return the limits
   * @throws IllegalArgumentException if a currency is given twice or a limit is negative
   */
  static ApprovalLimits of(Money... limits) {
    Map<Currency, Money> byCurrency = new LinkedHashMap<>();
    for (Money limit : limits) {
      if (limit.isNegative()) {
        throw new IllegalArgumentException("an approval limit cannot be negative: " + limit);
      }
      if (byCurrency.put(limit.currency(), limit) != null) {
        throw new IllegalArgumentException("two approval limits in " + limit.currency());
      }
    }
    Map<Currency, Money> frozen = Map.copyOf(byCurrency);
    return currency -> Optional.ofNullable(frozen.get(currency));
  }

  /**
   * No limits: agents approve nothing, supervisors everything.
   *
   * @return the limits
   */
  static ApprovalLimits none() {
    return currency -> Optional.empty();
  }
}
