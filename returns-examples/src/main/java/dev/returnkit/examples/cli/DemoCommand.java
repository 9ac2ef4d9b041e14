package dev.returnkit.examples.cli;

import dev.returnkit.examples.demo.Demo;
import dev.returnkit.examples.demo.DemoListener;
import dev.returnkit.examples.demo.DemoStorage;
import dev.returnkit.examples.demo.SimulationResult;
import dev.returnkit.examples.demo.StorageStats;
import dev.returnkit.examples.report.ReportWriter;
import dev.returnkit.examples.report.ReturnsReport;
import dev.returnkit.rules.DroolsPolicies;
import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.rules.RuleProblem;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code returnkit demo}: generates a shop, takes a month of its returns through returnkit with
 * in-memory adapters (or PostgreSQL storage), a simulated carrier and a simulated payment
 * provider, and reports.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs a month of returns at a generated shop through returnkit's whole "
        + "lifecycle (request, review, shipment, carrier, receipt, inspection, settlement) "
        + "with the default Drools policies, then reports on the console and as Markdown and "
        + "CSV.",
        "The same seed gives the same shop, the same run and the same report."})
final class DemoCommand implements Callable<Integer> {

  @Spec
  private CommandSpec spec;

  @Option(names = "--cases", paramLabel = "N", defaultValue = "1000",
      description = "Returns requested during the month, 1 to 200000 (default: ${DEFAULT-VALUE}).")
  private int cases;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "2026",
      description = "Seed of the generated shop and run (default: ${DEFAULT-VALUE}).")
  private long seed;

  @Option(names = "--rules", paramLabel = "DIR",
      description = "A policy directory over the default rules, as for 'returnkit verify'.")
  private Path rules;

  @Option(names = "--settings", paramLabel = "FILE",
      description = "A properties file overriding the default policy settings.")
  private Path settings;

  @Option(names = "--store", paramLabel = "STORE", defaultValue = "memory",
      converter = StoreConverter.class,
      description = "Where returnkit keeps the cases: memory, or postgres (returns-jdbc in a "
          + "PostgreSQL the demo starts itself, or the one at --jdbc-url) "
          + "(default: ${DEFAULT-VALUE}).")
  private DemoStorage.Kind store;

  @Option(names = "--jdbc-url", paramLabel = "URL",
      description = "An empty PostgreSQL database for --store postgres, e.g. "
          + "jdbc:postgresql://localhost/returns?user=me&password=secret.")
  private String jdbcUrl;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "returnkit-demo",
      description = "Where report.md, cases.csv, lines.csv and tables/ are written "
          + "(default: ${DEFAULT-VALUE}).")
  private Path out;

  @Override
  public Integer call() {
    PrintWriter console = spec.commandLine().getOut();
    PrintWriter errors = spec.commandLine().getErr();
    Demo.Options options;
    try {
      options = new Demo.Options(cases, seed, rules, settings, store, jdbcUrl);
    } catch (IllegalArgumentException e) {
      errors.println("returnkit demo: " + e.getMessage());
      return 2;
    }
    // Everything that can be checked is, before a month is simulated.
    DroolsPolicies policies;
    try {
      policies = Demo.policies(options);
    } catch (InvalidRuleSetException e) {
      errors.println("returnkit demo: the policies do not build (" + e.problems().size()
          + " problem" + (e.problems().size() == 1 ? "" : "s") + "):");
      for (RuleProblem problem : e.problems()) {
        errors.println("  " + problem);
      }
      return 2;
    }
    for (RuleProblem warning : policies.warnings()) {
      errors.println("returnkit demo: warning: " + warning);
    }
    Optional<String> unwritable = ReportWriter.cannotWrite(out);
    if (unwritable.isPresent()) {
      errors.println("returnkit demo: cannot write the report to " + out + ": "
          + unwritable.get());
      return 2;
    }
    console.printf(Locale.ROOT, "Simulating %,d returns at a generated shop (seed %d)...%n",
        cases, seed);
    console.flush();
    long started = System.nanoTime();
    SimulationResult result;
    try {
      result = Demo.run(options, policies, progress -> printProgress(console, progress));
    } catch (IllegalArgumentException e) {
      errors.println("returnkit demo: " + e.getMessage());
      return 2;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    ReturnsReport report = ReturnsReport.of(result);
    console.println();
    console.print(ReportWriter.text(report));
    try {
      ReportWriter.write(report, out);
    } catch (IOException e) {
      errors.println("returnkit demo: cannot write the report to " + out + ": " + e);
      return 2;
    }
    console.printf(Locale.ROOT, "Simulated %,d returns in %.1f s. Report: %s "
        + "(with cases.csv, lines.csv and tables/ beside it)%n", cases, seconds,
        out.resolve("report.md"));
    printStorage(console, result, seconds);
    if (!report.checks().isEmpty()) {
      errors.println("returnkit demo: " + report.checks().size() + " check(s) failed; see the "
          + "Checks table");
      return 1;
    }
    return 0;
  }

  /** Wall-clock figures: they vary between runs, so they are printed, not reported. */
  private static void printStorage(PrintWriter console, SimulationResult result,
      double seconds) {
    StorageStats storage = result.storage();
    double savingSeconds = storage.saveNanos() / 1e9;
    console.printf(Locale.ROOT, "Stored in %s: %,d cases, %,d saves in %.1f s of saving "
        + "(%,.0f saves/s, save median %.2f ms, p99 %.2f ms); %,.0f cases/s over the run.%n",
        storage.store(), result.cases().size(), storage.saves(), savingSeconds,
        storage.saves() / Math.max(savingSeconds, 1e-9), storage.medianSaveNanos() / 1e6,
        storage.p99SaveNanos() / 1e6, result.cases().size() / seconds);
    result.outboxEvents().ifPresent(events -> console.printf(Locale.ROOT,
        "The outbox relay delivered %,d events.%n", events));
  }

  /** Reads --store case-insensitively, with a clear message for anything else. */
  static final class StoreConverter implements CommandLine.ITypeConverter<DemoStorage.Kind> {
    @Override
    public DemoStorage.Kind convert(String value) {
      for (DemoStorage.Kind kind : DemoStorage.Kind.values()) {
        if (kind.name().equalsIgnoreCase(value)) {
          return kind;
        }
      }
      throw new CommandLine.TypeConversionException("'" + value
          + "' is not a store; use memory or postgres");
    }
  }

  private static void printProgress(PrintWriter console, DemoListener.Progress progress) {
    console.printf(Locale.ROOT, "  %s %s  requested %,7d of %,d   finished %,7d%n",
        progress.done() ? "done by" : "week to",
        LocalDate.ofInstant(progress.simulatedTime(), ZoneOffset.UTC), progress.requested(),
        progress.total(), progress.finished());
    console.flush();
  }
}
