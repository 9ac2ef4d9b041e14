package dev.returnkit.rules;

import dev.returnkit.core.ReturnPolicies;
import dev.returnkit.core.access.AccessPolicy;
import dev.returnkit.core.request.EligibilityDecision;
import dev.returnkit.core.request.EligibilityFacts;
import dev.returnkit.core.request.EligibilityPolicy;
import dev.returnkit.core.settlement.SettlementDecision;
import dev.returnkit.core.settlement.SettlementFacts;
import dev.returnkit.core.settlement.SettlementPolicy;
import dev.returnkit.core.warehouse.DispositionDecision;
import dev.returnkit.core.warehouse.DispositionFacts;
import dev.returnkit.core.warehouse.DispositionPolicy;
import dev.returnkit.core.warehouse.LiabilityDecision;
import dev.returnkit.core.warehouse.LiabilityFacts;
import dev.returnkit.core.warehouse.LiabilityPolicy;
import dev.returnkit.rules.engine.DefaultRules;
import dev.returnkit.rules.engine.RuleDecisions;
import dev.returnkit.rules.engine.RuleSet;
import dev.returnkit.rules.settings.PolicySettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The four return policies (eligibility, liability, disposition, settlement) decided by Drools
 * rules: returnkit's defaults, written in DRL files a policy owner can read, with a host's
 * replacements, additions, switched-off rules and settings.
 *
 * <pre>{@code
 * Returns returns = Returns.builder()
 *     .policies(DroolsPolicies.defaults().policies())
 *     ...
 *     .build();
 * }</pre>
 *
 * <p>The defaults are precompiled into the jar, so {@link #defaults()} compiles no DRL; a rule
 * set with replaced or added files is compiled once, when it is built. One KieBase is shared by
 * every decision; each decision is one stateless execution with its own facts, so concurrent
 * decisions never see each other. The batch methods ({@link #decideEligibility(List)}, ...)
 * decide many cases in one execution. Every outcome carries reason codes and the ids of the
 * rules that fired ({@code eligibility/return-window}).
 *
 * <p>{@link #reload()} rebuilds the rule set from the same files and directories (after a policy
 * owner edited them) and swaps it in atomically; if the new files do not build, it throws and
 * the rule set in force stays. Thread-safe.
 */
public final class DroolsPolicies
    implements EligibilityPolicy, LiabilityPolicy, DispositionPolicy, SettlementPolicy {

  private static final Logger log = LoggerFactory.getLogger(DroolsPolicies.class);

  /** The settings file a rule directory may hold, overriding the default settings. */
  public static final String SETTINGS_FILE = "policy-settings.properties";
  /** The file a rule directory may hold listing rule ids to switch off, one per line. */
  public static final String DISABLED_FILE = "disabled-rules.txt";

  private final RuleSetAssembly definition;
  private final AtomicReference<RuleSet> current;

  private DroolsPolicies(RuleSetAssembly definition, RuleSet first) {
    this.definition = definition;
    this.current = new AtomicReference<>(first);
  }

  /**
   * returnkit's default policies with the default settings: precompiled, nothing to build.
   *
   * @return the policies
   */
  public static DroolsPolicies defaults() {
    return builder().build();
  }

  /**
   * Starts a rule set from the defaults, to replace, add or switch off rules and change
   * settings.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * These policies as the policies a {@code Returns} facade takes: the four decisions, and the
   * standard access policy with the agent approval limits of the settings
   * ({@code review.agent-approval-limit}). They follow {@link #reload()}: a facade built with
   * them decides with whichever rule set and settings are in force.
   *
   * @return the policies
   */
  public ReturnPolicies policies() {
    return new ReturnPolicies(this, this, this, this,
        AccessPolicy.standard(currency -> settings().agentApprovalLimit(currency)));
  }

  @Override
  public EligibilityDecision decide(EligibilityFacts facts) {
    return RuleDecisions.eligibility(current.get(), List.of(facts)).get(0);
  }

  @Override
  public LiabilityDecision decide(LiabilityFacts facts) {
    return RuleDecisions.liability(current.get(), List.of(facts)).get(0);
  }

  @Override
  public DispositionDecision decide(DispositionFacts facts) {
    return RuleDecisions.disposition(current.get(), List.of(facts)).get(0);
  }

  @Override
  public SettlementDecision decide(SettlementFacts facts) {
    return decideSettlement(List.of(facts)).get(0);
  }

  /**
   * Decides the eligibility of many requests in one rule execution.
   *
   * @param requests the requests
   * @return one decision per request, in order
   */
  public List<EligibilityDecision> decideEligibility(List<EligibilityFacts> requests) {
    return RuleDecisions.eligibility(current.get(), requests);
  }

  /**
   * Decides the liability of many cases in one rule execution.
   *
   * @param cases the cases
   * @return one decision per case, in order
   */
  public List<LiabilityDecision> decideLiability(List<LiabilityFacts> cases) {
    return RuleDecisions.liability(current.get(), cases);
  }

  /**
   * Decides the disposition of many cases in one rule execution.
   *
   * @param cases the cases
   * @return one decision per case, in order
   */
  public List<DispositionDecision> decideDisposition(List<DispositionFacts> cases) {
    return RuleDecisions.disposition(current.get(), cases);
  }

  /**
   * Decides the settlement of many cases in one rule execution.
   *
   * @param cases the cases
   * @return one decision per case, in order
   */
  public List<SettlementDecision> decideSettlement(List<SettlementFacts> cases) {
    RuleSet rules = current.get();
    List<SettlementDecision> decided = RuleDecisions.settlement(rules, cases);
    List<SettlementDecision> withSettings = new ArrayList<>(decided.size());
    for (int i = 0; i < decided.size(); i++) {
      withSettings.add(MoneySettings.apply(decided.get(i), cases.get(i), rules.settings()));
    }
    return withSettings;
  }

  /**
   * Rebuilds the rule set from the files and directories it was built from, re-reading them,
   * and puts it in force atomically: decisions already running finish with the old rules, the
   * next ones use the new. If the files do not build, nothing changes.
   *
   * @throws InvalidRuleSetException listing every problem of the new files; the rule set in
   *     force stays
   */
  public void reload() {
    RuleSet next = definition.build();
    RuleSet previous = current.getAndSet(next);
    log.info("Return policies reloaded: {} (was: {})", next.description(),
        previous.description());
  }

  /**
   * Every rule of the rules in force, with its file and line and whether it is a default,
   * replaced, added, disabled or removed: what {@code returnkit rules} lists.
   *
   * @return the rules, sorted by id
   */
  public List<RuleInForce> rules() {
    return current.get().catalogue();
  }

  /**
   * The settings the rules in force read.
   *
   * @return the settings
   */
  public PolicySettings settings() {
    return current.get().settings();
  }

  /**
   * What in the rules and settings in force is likely a mistake but not an error, with file and
   * line: a rule of the policy owner's that competes with a default, never decides or decides
   * nothing (by its id), a category no product has; logged at WARN when the rules are built,
   * and printed by {@code returnkit verify} and {@code returnkit rules}.
   *
   * @return the warnings, empty when there are none
   */
  public List<RuleProblem> warnings() {
    List<RuleProblem> warnings = new ArrayList<>(current.get().ruleWarnings());
    warnings.addAll(settings().warnings());
    return List.copyOf(warnings);
  }

  /**
   * The id of every rule in force, switched off or not, e.g. {@code eligibility/return-window}.
   *
   * @return the ids, sorted
   */
  public SortedSet<String> ruleIds() {
    return current.get().ruleIds();
  }

  /**
   * The rules switched off.
   *
   * @return their ids
   */
  public Set<String> disabledRules() {
    return current.get().disabled();
  }

  /**
   * Where the rules in force came from, e.g. {@code defaults} or
   * {@code defaults, 1 file replaced, 1 added, 2 rules switched off}.
   *
   * @return a short description
   */
  public String description() {
    return current.get().description();
  }

  /**
   * Describes a rule set: the defaults plus a host's changes. Files and directories are read
   * when {@link #build()} (and later {@link DroolsPolicies#reload()}) runs, so a reload sees
   * their current content.
   *
   * <p>Not thread-safe; the policies it builds are.
   */
  public static final class Builder {

    private final Map<String, String> replaced = new LinkedHashMap<>();
    private final Map<String, String> added = new LinkedHashMap<>();
    private final Map<String, Path> replacedFiles = new LinkedHashMap<>();
    private final Map<String, Path> addedFiles = new LinkedHashMap<>();
    private final List<Path> directories = new ArrayList<>();
    private final Set<String> disabled = new LinkedHashSet<>();
    private final List<Path> settingsFiles = new ArrayList<>();
    private final Map<String, String> settingOverrides = new LinkedHashMap<>();
    private PolicySettings baseSettings;

    private Builder() {}

    /**
     * Replaces a default rule file with other DRL text.
     *
     * @param logicalPath the default file's path, one of {@link #defaultRuleFiles()}
     * @param drl the DRL that takes its place
     * @return this
     */
    public Builder replace(String logicalPath, String drl) {
      replaced.put(Objects.requireNonNull(logicalPath, "logicalPath"),
          Objects.requireNonNull(drl, "drl"));
      return this;
    }

    /**
     * Replaces a default rule file with a file, read when the rule set is built.
     *
     * @param logicalPath the default file's path
     * @param file the DRL file that takes its place
     * @return this
     */
    public Builder replace(String logicalPath, Path file) {
      replacedFiles.put(Objects.requireNonNull(logicalPath, "logicalPath"),
          Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Adds a rule file, e.g. {@code com/acme/returns/electronics.drl} with the host's own
     * package.
     *
     * @param logicalPath a path that is not a default file's
     * @param drl the DRL
     * @return this
     */
    public Builder add(String logicalPath, String drl) {
      added.put(Objects.requireNonNull(logicalPath, "logicalPath"),
          Objects.requireNonNull(drl, "drl"));
      return this;
    }

    /**
     * Adds a rule file, read when the rule set is built.
     *
     * @param logicalPath a path that is not a default file's
     * @param file the DRL file
     * @return this
     */
    public Builder add(String logicalPath, Path file) {
      addedFiles.put(Objects.requireNonNull(logicalPath, "logicalPath"),
          Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Takes a directory of policy files, read when the rule set is built (and on every
     * reload): each {@code .drl} file below it, by its path relative to the directory, replaces
     * the default file at that path or adds to the rules; {@value #SETTINGS_FILE} at its top
     * overrides settings (and is overridden by a {@link #settingsFile} given); {@value
     * #DISABLED_FILE} at its top lists rule ids to switch off.
     *
     * @param directory the directory
     * @return this
     */
    public Builder directory(Path directory) {
      directories.add(Objects.requireNonNull(directory, "directory"));
      return this;
    }

    /**
     * Switches a rule off, e.g. {@code eligibility/high-return-rate}.
     *
     * @param ruleId the rule's id (its package within returnkit's rules, a slash, its name)
     * @return this
     */
    public Builder disable(String ruleId) {
      disabled.add(Objects.requireNonNull(ruleId, "ruleId").trim());
      return this;
    }

    /**
     * Uses complete settings instead of the defaults.
     *
     * @param settings the settings
     * @return this
     */
    public Builder settings(PolicySettings settings) {
      this.baseSettings = Objects.requireNonNull(settings, "settings");
      return this;
    }

    /**
     * Overrides settings with the keys of a properties file, read when the rule set is built.
     * The order, a later one winning: the defaults (or {@link #settings}), each directory's
     * {@value #SETTINGS_FILE}, these files in the order given, then {@link #setting} values.
     *
     * @param file a properties file with the keys to change
     * @return this
     */
    public Builder settingsFile(Path file) {
      settingsFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    /**
     * Overrides one setting.
     *
     * @param key the setting, e.g. {@code restocking-fee.percent}
     * @param value its value, as written in a settings file
     * @return this
     */
    public Builder setting(String key, String value) {
      settingOverrides.put(Objects.requireNonNull(key, "key"),
          Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Declares the shop's product categories, from its catalogue: a category a setting names
     * that is none of them is then reported as a warning (with the file, the line and the
     * nearest category), so a typo in a settings file does not silently do nothing. The same as
     * setting {@value PolicySettings#CATEGORIES}, and it wins over a file's.
     *
     * @param categories the shop's categories, e.g. {@code List.of("apparel", "electronics")}
     * @return this
     * @throws IllegalArgumentException if a category is blank or holds a comma
     */
    public Builder categories(Collection<String> categories) {
      List<String> names = new ArrayList<>();
      for (String category : categories) {
        if (category == null || category.isBlank() || category.contains(",")) {
          throw new IllegalArgumentException("a category is a name without commas, got '"
              + category + "'");
        }
        names.add(category.strip());
      }
      return setting(PolicySettings.CATEGORIES, String.join(", ", names));
    }

    /**
     * The logical paths of the default rule files, which {@link #replace} can name.
     *
     * @return the paths
     */
    public static List<String> defaultRuleFiles() {
      return DefaultRules.FILES;
    }

    /**
     * Builds the rule set: reads the files, compiles the DRL if any file was replaced or added,
     * checks every rule id to switch off.
     *
     * @return the policies
     * @throws InvalidRuleSetException listing every problem found
     */
    public DroolsPolicies build() {
      RuleSetAssembly frozen = assembly();
      return new DroolsPolicies(frozen, frozen.build());
    }

    /** What has been given so far, frozen: later calls on this builder do not change it. */
    private RuleSetAssembly assembly() {
      return new RuleSetAssembly(replaced, added, replacedFiles, addedFiles, directories,
          disabled, settingsFiles, settingOverrides, baseSettings);
    }

  }

  /**
   * The ids of the default rules, for reference and for switching them off.
   *
   * @return the ids, sorted
   */
  public static SortedSet<String> defaultRuleIds() {
    return new TreeSet<>(RuleSet.ruleIdsOf(DefaultRules.precompiled()));
  }
}
