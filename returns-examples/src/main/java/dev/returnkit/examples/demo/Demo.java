package dev.returnkit.examples.demo;

import dev.returnkit.rules.DroolsPolicies;
import java.nio.file.Path;

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
   */
  public record Options(int cases, long seed, Path rulesDirectory, Path settingsFile) {

    /** Checks the number of cases. */
    public Options {
      if (cases < 1 || cases > MAX_CASES) {
        throw new IllegalArgumentException("the demo runs 1 to " + MAX_CASES
            + " cases, not " + cases);
      }
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

  /**
   * Generates the shop and runs the month.
   *
   * @param options what to simulate
   * @param listener hears progress
   * @return what the run left behind
   * @throws dev.returnkit.rules.InvalidRuleSetException if the rules directory or settings
   *     file does not build
   */
  public static SimulationResult run(Options options, DemoListener listener) {
    DroolsPolicies policies = policies(options);
    DemoWorld world = ShopGenerator.generate(options.cases(), options.seed());
    return new Simulation(world, policies.policies(), policies.description(), options.seed(),
        listener).run();
  }

  private static DroolsPolicies policies(Options options) {
    if (options.rulesDirectory() == null && options.settingsFile() == null) {
      return DroolsPolicies.defaults();
    }
    DroolsPolicies.Builder builder = DroolsPolicies.builder();
    if (options.rulesDirectory() != null) {
      builder.directory(options.rulesDirectory());
    }
    if (options.settingsFile() != null) {
      builder.settingsFile(options.settingsFile());
    }
    return builder.build();
  }
}
