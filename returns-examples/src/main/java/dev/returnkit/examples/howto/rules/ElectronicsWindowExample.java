package dev.returnkit.examples.howto.rules;

import dev.returnkit.core.request.EligibilityPreview;
import dev.returnkit.examples.howto.ExampleShop;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * How a policy owner overrides one of returnkit's default rules: electronics get a 15-day
 * return window (faulty ones keep the usual 30 days).
 *
 * <p>The rule file {@code dev/returnkit/rules/eligibility/return-window.drl} in the policy
 * directory {@code policies/electronics-15-days} has the same path as the default file it
 * replaces, so it replaces that file and leaves every other default rule as it is. In a shop
 * the file lives in a policy directory the application points returnkit at
 * ({@code DroolsPolicies.builder().directory(dir)}), and a policy owner checks it with
 * {@code returnkit verify --rules dir} and tries it with {@code returnkit demo --rules dir}.
 * This example passes the file's text to {@code replace}, which does the same for one file.
 *
 * <p>A plain number needs no DRL: {@code return-window.days.electronics = 15} in the settings
 * would do (see {@code RestockingFeeExample}). A rule file is for what settings cannot say,
 * here the exception for faults.
 */
public final class ElectronicsWindowExample {

  /** The default rule file it replaces. */
  public static final String REPLACED_FILE = "dev/returnkit/rules/eligibility/return-window.drl";

  /** The policy directory holding the replacement, on the class path. */
  public static final String POLICY_DIRECTORY = "policies/electronics-15-days";

  private ElectronicsWindowExample() {}

  /**
   * The default policies with the return-window rule file replaced by ours.
   *
   * @return the policies
   */
  public static DroolsPolicies policies() {
    return DroolsPolicies.builder()
        .replace(REPLACED_FILE, ruleFileText())
        .build();
  }

  /**
   * Prints what the default and the overridden policies decide for three requests made 20
   * days after delivery.
   *
   * @param args none
   */
  public static void main(String[] args) {
    ExampleShop ours = new ExampleShop(policies().policies());
    ExampleShop defaults = new ExampleShop(DroolsPolicies.defaults().policies());
    System.out.println("20 days after delivery         defaults   ours");
    show("headphones, changed mind", "electronics", ReturnReason.CHANGED_MIND, defaults, ours);
    show("headphones, defective", "electronics", ReturnReason.DEFECTIVE, defaults, ours);
    show("jeans, changed mind", "apparel", ReturnReason.CHANGED_MIND, defaults, ours);
  }

  /**
   * What a shop's policies decide, now, for a request made some days after delivery.
   *
   * @param shop the shop
   * @param daysAfterDelivery days since delivery
   * @param category the item's category
   * @param reason why the customer returns it
   * @return the would-be decision (nothing is stored)
   */
  public static EligibilityPreview decide(ExampleShop shop, int daysAfterDelivery,
      String category, ReturnReason reason) {
    return shop.returns().preview(
        shop.deliveredDaysAgo(daysAfterDelivery, "ITEM", category, "99.00", reason));
  }

  private static void show(String what, String category, ReturnReason reason,
      ExampleShop defaults, ExampleShop ours) {
    System.out.printf("%-30s %-10s %s%n", what, decide(defaults, 20, category, reason).status(),
        decide(ours, 20, category, reason).status());
  }

  private static String ruleFileText() {
    try (InputStream in = ElectronicsWindowExample.class.getClassLoader()
        .getResourceAsStream(POLICY_DIRECTORY + "/" + REPLACED_FILE)) {
      if (in == null) {
        throw new IllegalStateException(REPLACED_FILE + " is not in " + POLICY_DIRECTORY);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
