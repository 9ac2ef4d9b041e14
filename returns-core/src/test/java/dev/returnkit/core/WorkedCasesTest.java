package dev.returnkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.core.fixtures.TestPolicies;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import java.util.List;
import org.junit.jupiter.api.DisplayName;

@DisplayName("The worked cases of DOMAIN.md, decided by the test policies")
class WorkedCasesTest extends WorkedCases {

  @Override
  protected ReturnPolicies policies() {
    return TestPolicies.policies();
  }

  @Override
  protected void alsoCheck(Case workedCase, ReturnId id, List<HistoryEntry> history) {
    switch (workedCase) {
      case CHANGED_MIND_SEALED -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("WITHIN_RETURN_WINDOW", "CUSTOMER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/return-window", "eligibility/shipping-payer"));
        expect(history, ReturnCommand.INSPECT,
            List.of("CUSTOMER_REASON", "AS_NEW"),
            List.of("liability/customer-reason", "disposition/restock"));
        expect(history, ReturnCommand.BEGIN_SETTLEMENT,
            List.of("FULL_ITEM_REFUND", "RETURN_SHIPPING_CHARGED"),
            List.of("settlement/item-refund", "settlement/return-shipping"));
      }
      case BROKEN_IN_TRANSIT -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("WITHIN_RETURN_WINDOW", "SELLER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/return-window", "eligibility/shipping-payer"));
        expect(history, ReturnCommand.INSPECT,
            List.of("TRANSIT_DAMAGE", "NOT_SELLABLE"),
            List.of("liability/transit-damage", "disposition/scrap"));
        expect(history, ReturnCommand.BEGIN_SETTLEMENT,
            List.of("FULL_ITEM_REFUND", "OUTBOUND_SHIPPING_REFUNDED"),
            List.of("settlement/item-refund", "settlement/outbound-shipping"));
      }
      case NO_FAULT_FOUND -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("WITHIN_RETURN_WINDOW", "SELLER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/return-window", "eligibility/shipping-payer"));
        expect(history, ReturnCommand.INSPECT,
            List.of("NO_FAULT_SIGNS_OF_USE", "OPEN_BOX"),
            List.of("liability/no-fault-found", "disposition/open-box"));
        expect(history, ReturnCommand.BEGIN_SETTLEMENT,
            List.of("FULL_ITEM_REFUND", "RESTOCKING_FEE"),
            List.of("settlement/item-refund", "settlement/restocking-fee"));
      }
      case WRONG_ITEM_SHIPPED -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("WITHIN_RETURN_WINDOW", "SELLER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/return-window", "eligibility/shipping-payer"));
        expect(history, ReturnCommand.INSPECT,
            List.of("WRONG_ITEM", "AS_NEW"),
            List.of("liability/wrong-item", "disposition/restock"));
        expect(history, ReturnCommand.BEGIN_SETTLEMENT,
            List.of("FULL_ITEM_REFUND", "OUTBOUND_SHIPPING_REFUNDED"),
            List.of("settlement/item-refund", "settlement/outbound-shipping"));
      }
      case WINDOW_EXPIRED -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("RETURN_WINDOW_EXPIRED", "CUSTOMER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/return-window", "eligibility/shipping-payer"));
      }
      case NON_RETURNABLE -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("NON_RETURNABLE", "CUSTOMER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/non-returnable", "eligibility/shipping-payer"));
      }
      case MANUAL_REVIEW -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("HIGH_VALUE", "CUSTOMER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/high-value-review", "eligibility/shipping-payer"));
      }
      case EXPIRED_ON_ARRIVAL -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("WITHIN_RETURN_WINDOW", "SELLER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/return-window", "eligibility/shipping-payer"));
        expect(history, ReturnCommand.INSPECT,
            List.of("EXPIRED_ON_ARRIVAL", "NOT_SELLABLE"),
            List.of("liability/expired", "disposition/scrap"));
        expect(history, ReturnCommand.BEGIN_SETTLEMENT,
            List.of("FULL_ITEM_REFUND", "OUTBOUND_SHIPPING_REFUNDED"),
            List.of("settlement/item-refund", "settlement/outbound-shipping"));
      }
      case TOO_MANY_UNITS -> assertThat(history).isEmpty();
      case RETURNLESS_REFUND -> {
        expect(history, ReturnCommand.REQUEST,
            List.of("RETURNLESS_REFUND", "SELLER_PAYS_RETURN_SHIPPING"),
            List.of("eligibility/returnless-refund", "eligibility/shipping-payer"));
        expect(history, ReturnCommand.GRANT_RETURNLESS_REFUND,
            List.of("RETURNLESS_SELLER_FAULT"),
            List.of("liability/returnless"));
        expect(history, ReturnCommand.BEGIN_SETTLEMENT,
            List.of("FULL_ITEM_REFUND", "OUTBOUND_SHIPPING_REFUNDED"),
            List.of("settlement/item-refund", "settlement/outbound-shipping"));
      }
    }
  }
}
