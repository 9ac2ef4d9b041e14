package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.ReturnPolicies;
import dev.returnkit.core.WorkedCases;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The worked cases of DOMAIN.md, decided by the default rules")
class WorkedCasesTest extends WorkedCases {

  private static final DroolsPolicies DEFAULTS = DroolsPolicies.defaults();

  @Override
  protected ReturnPolicies policies() {
    return DEFAULTS.policies();
  }

  @Override
  protected void alsoCheck(Case workedCase, ReturnId id, List<HistoryEntry> history) {
    switch (workedCase) {
      case CHANGED_MIND_SEALED -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("ELIGIBLE", "CUSTOMER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/eligible", "eligibility/customer-pays-return-shipping"));
        expect(history, ReturnCommand.INSPECT,
            List.of("CUSTOMER_REASON", "SEALED"),
            List.of("liability/customer-reason", "disposition/sealed-as-new"));
        expect(history, ReturnCommand.BEGIN_SETTLEMENT,
            List.of("ITEM_PRICE_REFUNDED", "AS_REQUESTED", "RETURN_SHIPPING_CHARGED"),
            List.of("settlement/item-refund", "settlement/method-as-requested",
                "settlement/return-shipping-charged"));
      }
      case BROKEN_IN_TRANSIT -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("ELIGIBLE", "SELLER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/eligible", "eligibility/seller-pays-return-shipping"));
        expect(history, ReturnCommand.INSPECT,
            List.of("TRANSIT_DAMAGE", "NOT_SELLABLE"),
            List.of("liability/transit-damage", "disposition/not-sellable"));
        expect(history, ReturnCommand.BEGIN_SETTLEMENT,
            List.of("ITEM_PRICE_REFUNDED", "AS_REQUESTED", "OUTBOUND_SHIPPING_REFUNDED"),
            List.of("settlement/item-refund", "settlement/method-as-requested",
                "settlement/outbound-shipping-refunded"));
      }
      case NO_FAULT_FOUND -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("ELIGIBLE", "SELLER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/eligible", "eligibility/seller-pays-return-shipping"));
        expect(history, ReturnCommand.INSPECT,
            List.of("NO_FAULT_SIGNS_OF_USE", "OPEN_BOX", "MARKDOWN_20_PERCENT"),
            List.of("liability/no-fault-signs-of-use", "disposition/open-box"));
        expect(history, ReturnCommand.BEGIN_SETTLEMENT,
            List.of("ITEM_PRICE_REFUNDED", "RESTOCKING_FEE", "AS_REQUESTED"),
            // The way a line is settled is decided last (salience -100), so that a rule of the
            // shop's can settle it another way first.
            List.of("settlement/item-refund", "settlement/restocking-fee",
                "settlement/method-as-requested"));
      }
      case WRONG_ITEM_SHIPPED -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("ELIGIBLE", "SELLER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/eligible", "eligibility/seller-pays-return-shipping"));
        expect(history, ReturnCommand.INSPECT,
            List.of("WRONG_ITEM_CONFIRMED", "UNUSED_WRONG_ITEM"),
            List.of("liability/wrong-item", "disposition/wrong-item-as-new"));
        expect(history, ReturnCommand.BEGIN_SETTLEMENT,
            List.of("ITEM_PRICE_REFUNDED", "AS_REQUESTED", "OUTBOUND_SHIPPING_REFUNDED"),
            List.of("settlement/item-refund", "settlement/method-as-requested",
                "settlement/outbound-shipping-refunded"));
      }
      case WINDOW_EXPIRED -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("RETURN_WINDOW_EXPIRED", "SELLER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/return-window", "eligibility/seller-pays-return-shipping"));
      }
      case NON_RETURNABLE -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("NON_RETURNABLE", "SELLER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/final-sale", "eligibility/non-returnable-category",
                "eligibility/seller-pays-return-shipping"));
      }
      case MANUAL_REVIEW -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("HIGH_VALUE", "CUSTOMER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/high-value", "eligibility/customer-pays-return-shipping"));
      }
      case EXPIRED_ON_ARRIVAL -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("ELIGIBLE", "SELLER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/eligible", "eligibility/seller-pays-return-shipping"));
        expect(history, ReturnCommand.INSPECT,
            List.of("EXPIRED_ON_ARRIVAL", "EXPIRED"),
            List.of("liability/expired-on-arrival", "disposition/expired"));
        expect(history, ReturnCommand.BEGIN_SETTLEMENT,
            List.of("ITEM_PRICE_REFUNDED", "AS_REQUESTED", "OUTBOUND_SHIPPING_REFUNDED"),
            List.of("settlement/item-refund", "settlement/method-as-requested",
                "settlement/outbound-shipping-refunded"));
      }
      case TOO_MANY_UNITS -> assertThat(history).isEmpty();
      case RETURNLESS_REFUND -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("ELIGIBLE", "RETURNLESS_REFUND", "SELLER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/returnless-refund", "eligibility/eligible",
                "eligibility/seller-pays-return-shipping"));
        expect(history, ReturnCommand.GRANT_RETURNLESS_REFUND,
            List.of("RETURNLESS_SELLER_FAULT"),
            List.of("liability/returnless"));
        expect(history, ReturnCommand.BEGIN_SETTLEMENT,
            List.of("ITEM_PRICE_REFUNDED", "AS_REQUESTED", "OUTBOUND_SHIPPING_REFUNDED"),
            List.of("settlement/item-refund", "settlement/method-as-requested",
                "settlement/outbound-shipping-refunded"));
      }
    }
  }
}
