package dev.returnkit.examples.demo;

import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.settings.PolicySettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The demo: a month of returns at a generated shop, taken through returnkit's whole lifecycle
 * with the default Drools policies (or a policy owner's changes to them).
 *
 * <pre>{@code
 * SimulationResult result = Demo.run(Demo.Options.defaults(), DemoListener.SILENT);
 * ReturnsReport report = ReturnsReport.of(result);
 * }</pre>
 */
public final class Demo {

  /** The largest run the demo accepts; the in-memory adapters hold everything. */
  public static final int MAX_CASES = 200_000;

  private Demo() {}

  /**
   * What to simulate.
   *
   * @param cases how many returns are requested during the month, 1 to {@link #MAX_CASES}
   * @param seed the seed: the same seed (and rules) gives the same run and the same report
   * @param rulesDirectory a policy directory over the default rules, or {@code null}
   * @param settingsFile a settings file over the default settings, or {@code null}
   * @param store where returnkit keeps the cases
   * @param jdbcUrl for {@link DemoStorage.Kind#POSTGRES}, the JDBC URL of an empty PostgreSQL
   *     database, or {@code null} to start an embedded one
   */
  public record Options(int cases, long seed, Path rulesDirectory, Path settingsFile,
      DemoStorage.Kind store, String jdbcUrl) {

    /** Checks the number of cases and the store. */
    public Options {
      if (cases < 1 || cases > MAX_CASES) {
        throw new IllegalArgumentException("the demo runs 1 to " + MAX_CASES
            + " cases, not " + cases);
      }
      Objects.requireNonNull(store, "store");
      if (jdbcUrl != null && store != DemoStorage.Kind.POSTGRES) {
        throw new IllegalArgumentException("a JDBC URL needs the postgres store, not " + store);
      }
    }

    /**
     * Options for the in-memory store.
     *
     * @param cases how many returns
     * @param seed the seed
     * @param rulesDirectory a policy directory, or {@code null}
     * @param settingsFile a settings file, or {@code null}
     */
    public Options(int cases, long seed, Path rulesDirectory, Path settingsFile) {
      this(cases, seed, rulesDirectory, settingsFile, DemoStorage.Kind.MEMORY, null);
    }

    /**
     * A thousand returns, seed 2026, the default policies.
     *
     * @return the options
     */
    public static Options defaults() {
      return new Options(1000, 2026, null, null);
    }
  }

  /** Up to what a request's exchanges go ahead of its goods, in the demo shop. */
  public static final String SHOP_ADVANCE_EXCHANGE_LIMIT = "EUR 150.00";

  /**
   * Generates the shop and runs the month.
   *
   * @param options what to simulate
   * @param listener hears progress
   * @return what the run left behind
   * @throws dev.returnkit.rules.InvalidRuleSetException if the rules directory or settings
   *     file does not build
   * @throws IllegalArgumentException if the database at the JDBC URL cannot be reached or is
   *     not empty
   */
  public static SimulationResult run(Options options, DemoListener listener) {
    return run(options, policies(options), listener);
  }

  /**
   * Runs the month with policies already built (so that a caller can check them, and report
   * their problems, before anything is simulated).
   *
   * @param options what to simulate
   * @param policies the policies, from {@link #policies(Options)}
   * @param listener hears progress
   * @return what the run left behind
   * @throws IllegalArgumentException if the database at the JDBC URL cannot be reached or is
   *     not empty
   */
  public static SimulationResult run(Options options, DroolsPolicies policies,
      DemoListener listener) {
    DemoWorld world = ShopGenerator.generate(options.cases(), options.seed());
    try (DemoStorage storage = DemoStorage.open(options.store(), options.jdbcUrl())) {
      return new Simulation(world, policies.policies(), policies.description(), options.seed(),
          storage, listener).run();
    }
  }

  /**
   * The policies a run decides with: the demo shop's settings over the defaults, then the
   * options' rule directory and settings file.
   *
   * @param options what to simulate
   * @return the built policies
   * @throws dev.returnkit.rules.InvalidRuleSetException if the rules directory or settings
   *     file does not build
   */
  public static DroolsPolicies policies(Options options) {
    // The demo shop's own settings, over the library's defaults: it sends exchanges ahead of
    // the goods for customers in good standing (off by default). A settings file or rules
    // directory given overrides them.
    DroolsPolicies.Builder builder = DroolsPolicies.builder().settings(PolicySettings.defaults()
        .with(PolicySettings.ADVANCE_EXCHANGE_LIMIT, SHOP_ADVANCE_EXCHANGE_LIMIT));
    if (options.rulesDirectory() != null) {
      builder.directory(options.rulesDirectory());
    }
    if (options.settingsFile() != null) {
      builder.settingsFile(options.settingsFile());
    }
    return builder.build();
  }
}
