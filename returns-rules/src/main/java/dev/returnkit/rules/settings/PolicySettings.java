package dev.returnkit.rules.settings;

import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.rules.RuleProblem;
import dev.returnkit.rules.Spelling;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.vocabulary.ItemGrade;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Every business number and list the default rules use: return windows, non-returnable and
 * hygiene categories, review thresholds, the returnless-refund limit, fees and charges. Rules
 * read them from this fact instead of spelling them out, so most policy changes are a line in a
 * settings file, not a DRL edit.
 *
 * <p>Settings come from a properties file ({@code key = value}, {@code #} comments); the
 * defaults ship as {@code dev/returnkit/rules/policy-settings.properties}, and a host overrides
 * any key with its own file or {@link #with(String, String)}. Every key is documented in
 * docs/policies.md. Money settings list one amount per currency, e.g.
 * {@code EUR 500.00, USD 550.00}; categories are compared ignoring case.
 *
 * <p>Immutable and thread-safe; the methods rules call never fail.
 */
public final class PolicySettings {

  /** Where the shipped defaults live on the class path. */
  public static final String DEFAULTS_RESOURCE = "dev/returnkit/rules/policy-settings.properties";

  /** The default return window, in days from delivery. */
  public static final String RETURN_WINDOW_DAYS = "return-window.days";
  /** Prefix of a per-category return window, e.g. {@code return-window.days.electronics}. */
  public static final String RETURN_WINDOW_DAYS_FOR = "return-window.days.";
  /** Categories that can never be returned. */
  public static final String NON_RETURNABLE = "non-returnable.categories";
  /** Hygiene categories: scrapped once opened. */
  public static final String HYGIENE = "hygiene.categories";
  /** Whether sealed grade-A hygiene items go back to stock (else they are scrapped). */
  public static final String HYGIENE_RESTOCK_SEALED = "hygiene.restock-sealed";
  /** Whether seller-fault returns of non-returnable or final-sale lines go to review. */
  public static final String NON_RETURNABLE_REVIEW_FAULTS =
      "non-returnable.review-seller-faults";
  /** Categories whose faults the supplier's warranty covers. */
  public static final String SUPPLIER_WARRANTY = "supplier-warranty.categories";
  /** Reasons that are the seller's fault, for returnless refunds. */
  public static final String SELLER_FAULT_REASONS = "seller-fault.reasons";
  /** Total requested value above which a person reviews the request, per currency. */
  public static final String REVIEW_VALUE = "review.value-threshold";
  /** Value in review up to which an agent may approve (above it, a supervisor), per currency. */
  public static final String AGENT_APPROVAL_LIMIT = "review.agent-approval-limit";
  /** Return rate (units returned per unit bought) above which a person reviews. */
  public static final String REVIEW_RETURN_RATE = "review.return-rate";
  /** How many earlier return cases a customer needs before the return rate counts. */
  public static final String REVIEW_RETURN_RATE_CASES = "review.return-rate.minimum-cases";
  /** Total requested value up to which seller-fault returns need no goods back, per currency. */
  public static final String RETURNLESS_LIMIT = "returnless.value-limit";
  /**
   * Total requested value up to which exchanges may be sent ahead of the goods, per currency;
   * none set (the default) sends none ahead.
   */
  public static final String ADVANCE_EXCHANGE_LIMIT = "advance-exchange.value-limit";
  /** Return rate up to which a customer's exchanges may be sent ahead of the goods. */
  public static final String ADVANCE_EXCHANGE_RETURN_RATE = "advance-exchange.max-return-rate";
  /** Restocking fee in percent of the item refund. */
  public static final String RESTOCKING_FEE = "restocking-fee.percent";
  /** What return shipping costs the customer when they pay it, per currency. */
  public static final String RETURN_SHIPPING_CHARGE = "return-shipping.charge";
  /** The kinds of tender refunds go back to first, for orders paid with several. */
  public static final String REFUND_TENDER_ORDER = "refund.tender-order";
  /** Whether a restocking fee carries tax (is charged gross, at the line's rate). */
  public static final String RESTOCKING_FEE_TAXED = "restocking-fee.taxed";
  /** Whether a return shipping charge carries tax. */
  public static final String RETURN_SHIPPING_TAXED = "return-shipping.taxed";
  /** Whether threshold promotions are clawed back when the goods kept fall below them. */
  public static final String PROMOTION_CLAWBACK = "promotion.clawback";
  /** The bonus on store credit taken instead of a refund, in percent of it. */
  public static final String STORE_CREDIT_BONUS = "store-credit.bonus-percent";
  /** Markdown of open-box stock, in percent. */
  public static final String OPEN_BOX_MARKDOWN = "open-box.markdown-percent";
  /**
   * The shop's product categories. When set, a category another setting names that is not one
   * of them is reported; empty (the default), only near misses of the defaults' categories are.
   */
  public static final String CATEGORIES = "categories";

  private static final Set<String> KEYS = Set.of(RETURN_WINDOW_DAYS, NON_RETURNABLE, HYGIENE,
      SUPPLIER_WARRANTY, SELLER_FAULT_REASONS, REVIEW_VALUE, AGENT_APPROVAL_LIMIT,
      REVIEW_RETURN_RATE, REVIEW_RETURN_RATE_CASES, RETURNLESS_LIMIT, RESTOCKING_FEE,
      RETURN_SHIPPING_CHARGE, OPEN_BOX_MARKDOWN, REFUND_TENDER_ORDER, RESTOCKING_FEE_TAXED,
      RETURN_SHIPPING_TAXED, PROMOTION_CLAWBACK, STORE_CREDIT_BONUS, ADVANCE_EXCHANGE_LIMIT,
      ADVANCE_EXCHANGE_RETURN_RATE, CATEGORIES, HYGIENE_RESTOCK_SEALED,
      NON_RETURNABLE_REVIEW_FAULTS);
  /** The settings that are lists, which a file may add to ({@code key += more}). */
  private static final Set<String> LISTS = Set.of(NON_RETURNABLE, HYGIENE, SUPPLIER_WARRANTY,
      SELLER_FAULT_REASONS, REVIEW_VALUE, AGENT_APPROVAL_LIMIT, RETURNLESS_LIMIT,
      RETURN_SHIPPING_CHARGE, REFUND_TENDER_ORDER, ADVANCE_EXCHANGE_LIMIT, CATEGORIES);

  private static volatile PolicySettings defaults;

  private final Map<String, String> values;
  private final Map<String, SettingOrigin> origins;
  private final List<RuleProblem> warnings;
  private final Set<String> declaredCategories;
  private final int returnWindowDays;
  private final Map<String, Integer> returnWindowDaysByCategory;
  private final Set<String> nonReturnable;
  private final Set<String> hygiene;
  private final boolean restockSealedHygiene;
  private final boolean reviewNonReturnableFaults;
  private final Set<String> supplierWarranty;
  private final Set<ReturnReason> sellerFaultReasons;
  private final Map<Currency, Money> reviewValue;
  private final Map<Currency, Money> agentApprovalLimit;
  private final double reviewReturnRate;
  private final int reviewReturnRateCases;
  private final Map<Currency, Money> returnlessLimit;
  private final Map<Currency, Money> advanceExchangeLimit;
  private final double advanceExchangeReturnRate;
  private final BigDecimal restockingFeePercent;
  private final Map<Currency, Money> returnShippingCharge;
  private final BigDecimal openBoxMarkdownPercent;
  private final List<TenderType> refundTenderOrder;
  private final boolean restockingFeeTaxed;
  private final boolean returnShippingTaxed;
  private final boolean promotionClawback;
  private final BigDecimal storeCreditBonusPercent;

  private PolicySettings(Map<String, String> values, Map<String, SettingOrigin> origins,
      String source, List<RuleProblem> earlier) {
    this.values = Collections.unmodifiableMap(new TreeMap<>(values));
    this.origins = Collections.unmodifiableMap(new TreeMap<>(origins));
    SettingsParser p = new SettingsParser(values, origins, source, earlier);
    for (String key : values.keySet()) {
      if (!KEYS.contains(key) && !key.startsWith(RETURN_WINDOW_DAYS_FOR)) {
        String hint = Spelling.closest(key, KEYS).map(k -> "; did you mean '" + k + "'?")
            .orElse("; the settings are listed in docs/policies.md");
        p.problem(key, "unknown setting" + hint);
      }
    }
    this.declaredCategories = p.categories(CATEGORIES, null);
    this.returnWindowDays = p.integer(RETURN_WINDOW_DAYS, 0, 3650);
    Map<String, Integer> windows = new TreeMap<>();
    for (String key : values.keySet()) {
      if (key.startsWith(RETURN_WINDOW_DAYS_FOR)) {
        String category = normalise(key.substring(RETURN_WINDOW_DAYS_FOR.length()));
        if (category.isEmpty()) {
          p.problem(key, "names no category");
        } else {
          windows.put(category, p.integer(key, 0, 3650));
        }
      }
    }
    this.returnWindowDaysByCategory = Collections.unmodifiableMap(windows);
    this.nonReturnable = p.categories(NON_RETURNABLE, declaredCategories);
    this.hygiene = p.categories(HYGIENE, declaredCategories);
    this.restockSealedHygiene = p.yesNo(HYGIENE_RESTOCK_SEALED);
    this.reviewNonReturnableFaults = p.yesNo(NON_RETURNABLE_REVIEW_FAULTS);
    this.supplierWarranty = p.categories(SUPPLIER_WARRANTY, declaredCategories);
    this.sellerFaultReasons = p.reasons(SELLER_FAULT_REASONS);
    this.reviewValue = p.amounts(REVIEW_VALUE);
    this.agentApprovalLimit = p.amounts(AGENT_APPROVAL_LIMIT);
    this.reviewReturnRate = p.decimal(REVIEW_RETURN_RATE, BigDecimal.ZERO, BigDecimal.TEN)
        .doubleValue();
    this.reviewReturnRateCases = p.integer(REVIEW_RETURN_RATE_CASES, 0, 1_000_000);
    this.returnlessLimit = p.amounts(RETURNLESS_LIMIT);
    this.advanceExchangeLimit = p.amounts(ADVANCE_EXCHANGE_LIMIT);
    this.advanceExchangeReturnRate =
        p.decimal(ADVANCE_EXCHANGE_RETURN_RATE, BigDecimal.ZERO, BigDecimal.TEN).doubleValue();
    this.restockingFeePercent = p.decimal(RESTOCKING_FEE, BigDecimal.ZERO, new BigDecimal(100));
    this.returnShippingCharge = p.amounts(RETURN_SHIPPING_CHARGE);
    this.openBoxMarkdownPercent =
        p.decimal(OPEN_BOX_MARKDOWN, BigDecimal.ZERO, new BigDecimal(100));
    this.refundTenderOrder = p.tenders(REFUND_TENDER_ORDER);
    this.restockingFeeTaxed = p.yesNo(RESTOCKING_FEE_TAXED);
    this.returnShippingTaxed = p.yesNo(RETURN_SHIPPING_TAXED);
    this.promotionClawback = p.yesNo(PROMOTION_CLAWBACK);
    this.storeCreditBonusPercent =
        p.decimal(STORE_CREDIT_BONUS, BigDecimal.ZERO, new BigDecimal(100));
    p.throwIfAny();
    this.warnings = List.copyOf(CategoryNames.check(values, origins, declaredCategories));
  }

  /**
   * The settings shipped with returnkit.
   *
   * @return the defaults
   */
  public static PolicySettings defaults() {
    PolicySettings loaded = defaults;
    if (loaded == null) {
      loaded = parse(DEFAULTS_RESOURCE, CategoryNames.defaultsText());
      defaults = loaded;
    }
    return loaded;
  }

  /**
   * Settings from a properties file, complete on their own (every key present).
   *
   * @param file the file
   * @return the settings
   * @throws InvalidRuleSetException listing every malformed, missing or unknown key
   * @throws UncheckedIOException if the file cannot be read
   */
  public static PolicySettings load(Path file) {
    try {
      return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy settings " + file, e);
    }
  }

  /**
   * Settings from the text of a properties file, complete on their own.
   *
   * @param source the file name, for problem reports
   * @param text the properties
   * @return the settings
   * @throws InvalidRuleSetException listing every malformed, missing or unknown key
   */
  public static PolicySettings parse(String source, String text) {
    Map<String, String> values = new LinkedHashMap<>();
    Map<String, SettingOrigin> origins = new LinkedHashMap<>();
    List<RuleProblem> problems = new ArrayList<>();
    SettingsText.read(source, text).entries().forEach((key, entry) -> {
      if (entry.adds()) {
        problems.add(new RuleProblem(source, entry.line(), key + ": '+=' adds to the value of "
            + "settings this file overrides, and this file is complete on its own; use '='"));
      }
      values.put(key, entry.value());
      origins.put(key, new SettingOrigin(source, entry.line(), false));
    });
    return new PolicySettings(values, origins, source, problems);
  }

  /**
   * These settings with the keys of a properties file replacing theirs: a host's file needs only
   * the keys it changes.
   *
   * @param file the file with the overriding keys
   * @return the combined settings
   * @throws InvalidRuleSetException listing every malformed or unknown key
   */
  public PolicySettings overriddenBy(Path file) {
    try {
      return overriddenBy(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read policy settings " + file, e);
    }
  }

  /**
   * These settings with the keys of a properties text replacing theirs.
   *
   * @param source the file name, for problem reports
   * @param text the overriding properties
   * @return the combined settings
   * @throws InvalidRuleSetException listing every malformed or unknown key
   */
  public PolicySettings overriddenBy(String source, String text) {
    Map<String, String> combined = new LinkedHashMap<>(values);
    Map<String, SettingOrigin> from = new LinkedHashMap<>(origins);
    List<RuleProblem> problems = new ArrayList<>();
    SettingsText.read(source, text).entries().forEach((key, entry) -> {
      String value = entry.value();
      if (entry.adds()) {
        String before = combined.get(key);
        if (!LISTS.contains(key)) {
          problems.add(new RuleProblem(source, entry.line(), key + ": '+=' adds to a list, and "
              + "this setting is none; use '='"));
        } else if (before != null && !before.isBlank() && !value.isBlank()) {
          value = before + ", " + value;
        } else if (before != null && value.isBlank()) {
          value = before;
        }
      }
      combined.put(key, value);
      from.put(key, new SettingOrigin(source, entry.line(), entry.adds()));
    });
    return new PolicySettings(combined, from, source, problems);
  }

  /**
   * These settings with one key changed.
   *
   * @param key the setting, e.g. {@code restocking-fee.percent}
   * @param value its new value, as it would be written in the file
   * @return the changed settings
   * @throws InvalidRuleSetException if the key is unknown or the value malformed
   */
  public PolicySettings with(String key, String value) {
    return with(Map.of(Objects.requireNonNull(key, "key"),
        Objects.requireNonNull(value, "value")));
  }

  /**
   * These settings with several values changed at once, every bad value reported together.
   *
   * @param changes the values by key, as written in a settings file
   * @return the changed settings
   * @throws InvalidRuleSetException listing every bad value
   */
  public PolicySettings with(Map<String, String> changes) {
    Map<String, String> combined = new LinkedHashMap<>(values);
    Map<String, SettingOrigin> from = new LinkedHashMap<>(origins);
    String source = changes.size() == 1 ? "setting " + changes.keySet().iterator().next()
        : "settings";
    changes.forEach((key, value) -> {
      combined.put(key.trim(), value.trim());
      from.put(key.trim(), new SettingOrigin(source, 0, false));
    });
    return new PolicySettings(combined, from, source, List.of());
  }

  /**
   * Where a setting's value came from: the shipped defaults, a file and line, or code.
   *
   * @param key the setting
   * @return its origin, or empty for a key that is not set
   */
  public Optional<SettingOrigin> origin(String key) {
    return Optional.ofNullable(origins.get(key));
  }

  /**
   * What in these settings is likely a mistake but not an error: a category no product of the
   * shop has (see {@value #CATEGORIES}), with file and line, and "did you mean".
   *
   * @return the warnings, empty when there are none
   */
  public List<RuleProblem> warnings() {
    return warnings;
  }

  /**
   * The shop's product categories, as setting {@value #CATEGORIES} declares them.
   *
   * @return the categories, normalised; empty when not declared
   */
  public Set<String> declaredCategories() {
    return declaredCategories;
  }

  /**
   * Every setting as text, by key: what a settings file with these values would hold.
   *
   * @return the settings, sorted by key
   */
  public Map<String, String> asMap() {
    return values;
  }

  // ---------------------------------------------------------------------------------------
  // What the rules ask

  /**
   * The return window of a category, in days from delivery.
   *
   * @param category the category
   * @return its own window, or the default window
   */
  public int returnWindowDays(String category) {
    return returnWindowDaysByCategory.getOrDefault(normalise(category), returnWindowDays);
  }

  /**
   * Whether a category can never be returned.
   *
   * @param category the category
   * @return true for a non-returnable category
   */
  public boolean isNonReturnable(String category) {
    return nonReturnable.contains(normalise(category));
  }

  /**
   * Whether a category is a hygiene category (scrapped once returned).
   *
   * @param category the category
   * @return true for a hygiene category
   */
  public boolean isHygiene(String category) {
    return hygiene.contains(normalise(category));
  }

  /**
   * Whether a returned item is scrapped as a hygiene item: in a hygiene category, and opened
   * (sealed grade-A ones go back to stock, unless {@value #HYGIENE_RESTOCK_SEALED} is false).
   *
   * @param category the category
   * @param grade the inspection's grade
   * @param sealed whether the inspection found the factory seal intact
   * @return true if it is scrapped for hygiene
   */
  public boolean scrapsHygiene(String category, ItemGrade grade, boolean sealed) {
    return isHygiene(category)
        && !(restockSealedHygiene && grade == ItemGrade.A && sealed);
  }

  /**
   * Whether a return of a non-returnable or final-sale line for this reason goes to a person
   * instead of being rejected: the seller's own faults do, unless {@value
   * #NON_RETURNABLE_REVIEW_FAULTS} is false.
   *
   * @param reason why the customer returns it
   * @return true if it goes to review
   */
  public boolean reviewsNonReturnableFault(ReturnReason reason) {
    return reviewNonReturnableFaults && isSellerFault(reason);
  }

  /**
   * Whether the supplier's warranty covers faults in a category.
   *
   * @param category the category
   * @return true if faults are the supplier's
   */
  public boolean hasSupplierWarranty(String category) {
    return supplierWarranty.contains(normalise(category));
  }

  /**
   * Whether a reason is the seller's fault (for returnless refunds).
   *
   * @param reason the reason
   * @return true for a seller-fault reason
   */
  public boolean isSellerFault(ReturnReason reason) {
    return sellerFaultReasons.contains(reason);
  }

  /**
   * Whether a requested value needs a person's review. A currency without a threshold always
   * does: returnkit does not guess exchange rates.
   *
   * @param value the value requested
   * @return true above the threshold of the value's currency, or when it has none
   */
  public boolean needsValueReview(Money value) {
    Money threshold = reviewValue.get(value.currency());
    return threshold == null || value.isGreaterThan(threshold);
  }

  /**
   * Up to which value in review an agent may approve a return (the access policy's approval
   * limit); above it, or in a currency without a limit, a supervisor approves.
   *
   * @param currency the case's currency
   * @return the limit, or empty if agents may not approve in that currency
   */
  public Optional<Money> agentApprovalLimit(Currency currency) {
    return Optional.ofNullable(agentApprovalLimit.get(currency));
  }

  /**
   * Whether a customer's return rate needs a person's review.
   *
   * @param returnRate units returned per unit bought over the history window
   * @param returnCases return cases in that window
   * @return true above the threshold, with enough cases to mean something
   */
  public boolean needsReturnRateReview(double returnRate, int returnCases) {
    return returnCases >= reviewReturnRateCases && returnRate > reviewReturnRate;
  }

  /**
   * Whether a requested value is small enough to refund without taking the goods back.
   *
   * @param value the value requested
   * @return true at or below the limit of the value's currency; false when it has none
   */
  public boolean allowsReturnless(Money value) {
    Money limit = returnlessLimit.get(value.currency());
    return limit != null && !value.isGreaterThan(limit);
  }

  /**
   * Whether a request is worth little enough for its exchanges to be sent ahead of the goods.
   *
   * @param value the value requested
   * @return true at or below the limit of the value's currency; false when it has none
   */
  public boolean allowsAdvanceExchange(Money value) {
    Money limit = advanceExchangeLimit.get(value.currency());
    return limit != null && !value.isGreaterThan(limit);
  }

  /**
   * Whether a customer returns little enough of what they buy to be sent exchanges ahead of
   * the goods.
   *
   * @param returnRate units returned per unit bought over the history window
   * @return true at or below {@value #ADVANCE_EXCHANGE_RETURN_RATE}
   */
  public boolean isInGoodStanding(double returnRate) {
    return returnRate <= advanceExchangeReturnRate;
  }

  /**
   * The restocking fee.
   *
   * @return percent of the item refund
   */
  public BigDecimal restockingFeePercent() {
    return restockingFeePercent;
  }

  /**
   * What return shipping costs a customer who pays it.
   *
   * @param currency the order's currency
   * @return the charge, zero when none is set for the currency
   */
  public Money returnShippingCharge(Currency currency) {
    return returnShippingCharge.getOrDefault(currency, Money.zero(currency));
  }

  /**
   * Whether return shipping is charged at all in a currency.
   *
   * @param currency the order's currency
   * @return true when a charge above zero is set for it
   */
  public boolean chargesReturnShipping(Currency currency) {
    return returnShippingCharge(currency).isPositive();
  }

  /**
   * The kinds of tender refunds go back to first, for an order paid with several; kinds not
   * listed come after, card first.
   *
   * @return the kinds, first refunded first
   */
  public List<TenderType> refundTenderOrder() {
    return refundTenderOrder;
  }

  /**
   * Whether a restocking fee is charged gross, carrying tax at the line's rate.
   *
   * @return true if it carries tax
   */
  public boolean restockingFeeTaxed() {
    return restockingFeeTaxed;
  }

  /**
   * Whether a return shipping charge is charged gross, carrying tax at the rate of the lines it
   * is deducted from.
   *
   * @return true if it carries tax
   */
  public boolean returnShippingTaxed() {
    return returnShippingTaxed;
  }

  /**
   * Whether a threshold promotion is clawed back from a refund when the goods kept no longer
   * reach its minimum.
   *
   * @return true to claw back
   */
  public boolean promotionClawback() {
    return promotionClawback;
  }

  /**
   * The bonus on store credit taken instead of a refund, in percent of the credit.
   *
   * @return the percentage, zero for none
   */
  public BigDecimal storeCreditBonusPercent() {
    return storeCreditBonusPercent;
  }

  /**
   * The markdown of open-box stock.
   *
   * @return percent off the new price
   */
  public BigDecimal openBoxMarkdownPercent() {
    return openBoxMarkdownPercent;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PolicySettings s && s.values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "PolicySettings" + values;
  }

  // ---------------------------------------------------------------------------------------
  // Parsing

  static String normalise(String category) {
    return category == null ? "" : category.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * The text without a leading byte-order mark.
   *
   * @param text any text
   * @return the text, without U+FEFF at its start
   */
  public static String stripByteOrderMark(String text) {
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }
}
