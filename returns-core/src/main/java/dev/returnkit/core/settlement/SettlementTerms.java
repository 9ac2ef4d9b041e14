package dev.returnkit.core.settlement;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The terms a settlement's money is paid on, beside what each line is refunded: which tenders
 * refunds go back to first, whether fees and charges carry tax, whether threshold promotions the
 * kept goods no longer reach are clawed back, and the bonus on store credit taken instead of a
 * refund. The default policies take them from settings.
 *
 * @param routing which tenders refunds go back to first
 * @param feeTax whether fees and charges carry tax
 * @param clawBackPromotions whether a threshold promotion the kept goods no longer reach is
 *     taken back from the refund
 * @param storeCreditBonusPercent the bonus on store credit, in percent of it (0 for none, at
 *     most 100)
 */
public record SettlementTerms(RefundRouting routing, FeeTax feeTax, boolean clawBackPromotions,
    BigDecimal storeCreditBonusPercent) {

  /** Refunds to the card first, fees taxed, promotions kept, no bonus on store credit. */
  public static final SettlementTerms DEFAULT =
      new SettlementTerms(RefundRouting.CARD_FIRST, FeeTax.TAXED, false, BigDecimal.ZERO);

  public SettlementTerms {
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(feeTax, "feeTax");
    Objects.requireNonNull(storeCreditBonusPercent, "storeCreditBonusPercent");
    if (storeCreditBonusPercent.signum() < 0
        || storeCreditBonusPercent.compareTo(BigDecimal.valueOf(100)) > 0) {
      throw new IllegalArgumentException("a store credit bonus is between 0 and 100 percent, "
          + "got " + storeCreditBonusPercent);
    }
    // 10 and 10.0 are the same bonus.
    storeCreditBonusPercent = storeCreditBonusPercent.stripTrailingZeros();
  }
}
