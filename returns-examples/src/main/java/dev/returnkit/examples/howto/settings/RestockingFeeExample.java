package dev.returnkit.examples.howto.settings;

import dev.returnkit.core.Returns;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.examples.howto.ExampleShop;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.storage.LineMoney;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.InspectionFinding;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.util.List;

/**
 * How a policy owner changes a number: the restocking fee from 15 % to 10 %.
 *
 * <p>Every number of the default policy is a setting (docs/policies.md lists them). A shop
 * keeps its changes in a properties file holding only the keys it changes, such as
 * {@code policies/lower-restocking-fee.properties}:
 *
 * <pre>
 * restocking-fee.percent = 10
 * </pre>
 *
 * <p>and builds its policies with {@code DroolsPolicies.builder().settingsFile(path)}, or tries
 * it first with {@code returnkit demo --settings path}. In code, {@code setting(key, value)}
 * does the same for one key, which is what this example uses.
 */
public final class RestockingFeeExample {

  private RestockingFeeExample() {}

  /**
   * The default policies with a 10 % restocking fee.
   *
   * @return the policies
   */
  public static DroolsPolicies policies() {
    return DroolsPolicies.builder().setting("restocking-fee.percent", "10").build();
  }

  /**
   * Prints what a customer gets back for a jacket they wore and returned, under the default
   * and the changed fee.
   *
   * @param args none
   */
  public static void main(String[] args) {
    System.out.println("default fee: " + describe(wornJacketReturned(DroolsPolicies.defaults())));
    System.out.println("10 % fee:    " + describe(wornJacketReturned(policies())));
  }

  private static String describe(LineMoney money) {
    return money.itemRefund() + " - fee " + money.restockingFee() + " - return shipping "
        + money.returnShippingCharge() + " = " + money.paidOut() + " paid back";
  }

  /**
   * Takes a EUR 120.00 jacket returned because the customer changed their mind, graded B with
   * signs of use, from request to refund.
   *
   * @param policies the policies to settle it with
   * @return the settled line's money
   */
  public static LineMoney wornJacketReturned(DroolsPolicies policies) {
    ExampleShop shop = new ExampleShop(policies.policies());
    Returns returns = shop.returns();
    Actor customer = Actor.customer("C-1");
    Actor warehouse = Actor.warehouse("W-1");
    ReturnId id = returns.request(shop.deliveredDaysAgo(5, "JACKET", "apparel", "120.00",
        ReturnReason.CHANGED_MIND)).returnCase().id();
    returns.arrangeShipment(id, new ShipmentOptions(ShippingMethod.LABEL, customer));
    returns.receive(id, new GoodsReceipt(warehouse,
        List.of(new ReceivedLine(ExampleShop.line(), 1))));
    returns.inspect(id, new InspectionReport(warehouse, List.of(InspectedLine.of(
        ExampleShop.line(), 1, ItemGrade.B, InspectionFinding.SIGNS_OF_USE))));
    return returns.settle(id, Actor.SYSTEM).returnCase().lines().get(0).money();
  }
}
