package dev.returnkit.rules;

import dev.returnkit.core.policy.Rationale;
import dev.returnkit.core.settlement.FeeTax;
import dev.returnkit.core.settlement.RefundRouting;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.settlement.SettlementTerms;
import dev.returnkit.rules.settings.PolicySettings;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a settlement that are settings rather than rules, added to what the rules
 * decided: which tenders of a split-tender order refunds go back to first
 * ({@code refund.tender-order}, reason code {@code REFUND_BY_TENDER_ORDER} when the order has
 * several), and whether fees and charges carry tax ({@code restocking-fee.taxed},
 * {@code return-shipping.taxed}; {@code FEES_UNTAXED} when one does not), and whether a
 * threshold promotion the kept goods no longer reach is clawed back ({@code
 * promotion.clawback}; the plan names each promotion clawed back), and the bonus on store
 * credit ({@code store-credit.bonus-percent}; the plan says {@code STORE_CREDIT_BONUS}).
 * Stateless.
 */
final class MoneySettings {

  private MoneySettings() {}

  static SettlementDecision apply(SettlementDecision decided, SettlementFacts facts,
      PolicySettings settings) {
    List<String> codes = new ArrayList<>();
    RefundRouting routing = new RefundRouting(settings.refundTenderOrder(), Rationale.NONE);
    if (facts.tenders().size() > 1) {
      codes.add("REFUND_BY_TENDER_ORDER");
    }
    FeeTax feeTax = new FeeTax(settings.restockingFeeTaxed(), settings.returnShippingTaxed());
    if (!feeTax.equals(FeeTax.TAXED)) {
      codes.add("FEES_UNTAXED");
    }
    BigDecimal bonus = settings.storeCreditBonusPercent();
    return decided.withTerms(new SettlementTerms(routing, feeTax, settings.promotionClawback(),
        bonus), new Rationale(codes, List.of()));
  }
}
