package dev.returnkit.rules.engine;

import dev.returnkit.rules.RuleInForce;
import dev.returnkit.rules.RuleProblem;
import dev.returnkit.rules.settings.PolicySettings;
import dev.returnkit.spi.InvalidDecisionException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Supplier;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.conf.KeepReferenceOption;
import org.kie.api.runtime.rule.AgendaFilter;

/**
 * A built rule set: one shared {@link KieBase}, the rules switched off in it, and the policy
 * settings its rules read. Each {@link #run} is one execution in a session of its own, with
 * the settings and the request's facts inserted as facts (never as globals).
 *
 * <p>Sessions come from a pool of the KieBase's sessions ({@link KieSessionsPool}): a session
 * handed back is reset (its node memories emptied, its listeners dropped) rather than thrown
 * away, so a run does not build every node's memory anew, which was a third of a one-case
 * decision. The pool grows to as many sessions as runs at once and keeps them.
 *
 * <p>Immutable and thread-safe: the KieBase and the pool are, and nothing else changes.
 */
public final class RuleSet implements RuleEngine {

  private final KieBase kieBase;
  private final Set<String> disabled;
  private final PolicySettings settings;
  private final List<RuleProblem> ruleWarnings;
  private final SortedSet<String> ruleIds;
  private final String description;
  private final Supplier<List<RuleInForce>> catalogueSource;
  private volatile List<RuleInForce> catalogue;
  private final AgendaFilter enabledOnly;
  private final RuleIds ids;
  private final KieSessionsPool sessions;
  private final KieSessionConfiguration sessionConfiguration;

  /**
   * Wraps a built KieBase.
   *
   * @param kieBase the rules
   * @param disabled ids of rules that must not fire (each one exists in the KieBase)
   * @param settings the policy settings
   * @param description where the rule set came from, for messages
   */
  public RuleSet(KieBase kieBase, Set<String> disabled, PolicySettings settings,
      String description) {
    this(kieBase, disabled, settings, description, List::of);
  }

  /**
   * Wraps a built KieBase, with where each of its rules is written.
   *
   * @param kieBase the rules
   * @param disabled ids of rules that must not fire (each one exists in the KieBase)
   * @param settings the policy settings
   * @param description where the rule set came from, for messages
   * @param catalogue reads every rule with its file, line and status ({@link RuleCatalogue});
   *     asked once, when first wanted, so that building the rules reads no DRL text for it
   */
  public RuleSet(KieBase kieBase, Set<String> disabled, PolicySettings settings,
      String description, Supplier<List<RuleInForce>> catalogue) {
    this(kieBase, disabled, settings, description, catalogue, List.of());
  }

  /**
   * Wraps a built KieBase, with where each of its rules is written and what in them is likely a
   * mistake.
   *
   * @param kieBase the rules
   * @param disabled ids of rules that must not fire (each one exists in the KieBase)
   * @param settings the policy settings
   * @param description where the rule set came from, for messages
   * @param catalogue reads every rule with its file, line and status ({@link RuleCatalogue})
   * @param ruleWarnings the rules that build but cannot work as meant ({@link RuleLint})
   */
  public RuleSet(KieBase kieBase, Set<String> disabled, PolicySettings settings,
      String description, Supplier<List<RuleInForce>> catalogue,
      List<RuleProblem> ruleWarnings) {
    this.ruleWarnings = List.copyOf(ruleWarnings);
    this.catalogueSource = Objects.requireNonNull(catalogue, "catalogue");
    this.kieBase = Objects.requireNonNull(kieBase, "kieBase");
    this.disabled = Set.copyOf(disabled);
    this.settings = Objects.requireNonNull(settings, "settings");
    this.description = Objects.requireNonNull(description, "description");
    this.ids = new RuleIds(kieBase);
    this.ruleIds = Collections.unmodifiableSortedSet(ids.sorted());
    // Disabled rules are filtered at fire time: the shared KieBase stays as built, so the
    // precompiled defaults can be used with any rule switched off, at no build cost.
    this.enabledOnly = this.disabled.isEmpty() ? match -> true
        : match -> !this.disabled.contains(ids.of(match.getRule()));
    // None made ahead: a rule set that is only checked or listed never opens a session.
    this.sessions = kieBase.newKieSessionsPool(0);
    // Pooled sessions are never disposed of for good, so the KieBase must not keep them: with
    // its default (keep a reference), every rule set built on the shared precompiled defaults
    // (each reload, each settings change) would leave its sessions in that KieBase for ever.
    this.sessionConfiguration = KieServices.get().newKieSessionConfiguration();
    sessionConfiguration.setOption(KeepReferenceOption.NO);
  }

  /**
   * Every rule with its file, line and status: default, replaced, added, disabled, or removed.
   *
   * @return the rules, sorted by id; empty for a rule set built without its sources
   */
  public List<RuleInForce> catalogue() {
    List<RuleInForce> read = catalogue;
    if (read == null) {
      read = List.copyOf(catalogueSource.get());
      catalogue = read;
    }
    return read;
  }

  /**
   * Every rule id of a KieBase.
   *
   * @param kieBase the rules
   * @return the ids, sorted
   */
  public static SortedSet<String> ruleIdsOf(KieBase kieBase) {
    return new RuleIds(kieBase).sorted();
  }

  /**
   * Runs the rules once over some facts, in a session from the pool, handed back afterwards.
   *
   * @param facts the input facts (the settings are added)
   * @return what the rules inserted, and which rules fired for which line and case
   */
  @Override
  public FiredRules run(Collection<?> facts) {
    FiredRules fired = new FiredRules(ids);
    // A stateful session used once, rather than a stateless one fed a batch of commands: the
    // same semantics, without building and interpreting the command objects on every run.
    KieSession session = sessions.newKieSession(sessionConfiguration);
    try {
      session.addEventListener((AgendaEventListener) fired);
      session.addEventListener((RuleRuntimeEventListener) fired);
      session.insert(settings);
      for (Object fact : facts) {
        session.insert(fact);
      }
      session.fireAllRules(enabledOnly);
    } catch (RuntimeException failure) {
      // A rule's condition or action threw: the rule set is at fault, not the request.
      throw new InvalidDecisionException("a rule failed while deciding (" + description + "): "
          + failure.getMessage(), failure);
    } finally {
      // Back to the pool. Its reset drops listeners too, but a session must never carry one
      // run's listener into the next, so they go first, whatever the reset does.
      session.removeEventListener((AgendaEventListener) fired);
      session.removeEventListener((RuleRuntimeEventListener) fired);
      session.dispose();
    }
    return fired;
  }

  /**
   * The policy owner's rules that build but cannot work as meant: competing with a default,
   * never deciding, or deciding nothing.
   *
   * @return the warnings, at each rule's file and line
   */
  public List<RuleProblem> ruleWarnings() {
    return ruleWarnings;
  }

  /**
   * The settings the rules read.
   *
   * @return the settings
   */
  public PolicySettings settings() {
    return settings;
  }

  /**
   * Every rule id in the set, switched off or not.
   *
   * @return the ids, sorted
   */
  public SortedSet<String> ruleIds() {
    return ruleIds;
  }

  /**
   * The rules switched off.
   *
   * @return the ids
   */
  public Set<String> disabled() {
    return disabled;
  }

  /**
   * Where the rule set came from.
   *
   * @return a short description
   */
  public String description() {
    return description;
  }
}
