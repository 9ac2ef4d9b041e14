package dev.returnkit.rules;

import dev.returnkit.rules.engine.DefaultRules;
import dev.returnkit.rules.engine.RuleCatalogue;
import dev.returnkit.rules.engine.RuleLint;
import dev.returnkit.rules.engine.RuleSet;
import dev.returnkit.rules.engine.RuleSetCompiler;
import dev.returnkit.rules.settings.PolicySettings;
import dev.returnkit.rules.table.DecisionTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import org.kie.api.KieBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a {@link DroolsPolicies.Builder} was given (rule texts and files, directories, rules
 * switched off, settings), frozen, and how it becomes a {@link RuleSet}: every file read
 * afresh on each {@link #build()} (so that a reload sees what changed on disk), every problem
 * found reported together. The builder collects; this reads, checks and compiles.
 */
final class RuleSetAssembly {

  // The policies' own logger: hosts and the command tune "DroolsPolicies" for these lines.
  private static final Logger log = LoggerFactory.getLogger(DroolsPolicies.class);

  private final Map<String, String> replaced;
  private final Map<String, String> added;
  private final Map<String, Path> replacedFiles;
  private final Map<String, Path> addedFiles;
  private final List<Path> directories;
  private final Set<String> disabled;
  private final List<Path> settingsFiles;
  private final Map<String, String> settingOverrides;
  private final PolicySettings baseSettings;

  RuleSetAssembly(Map<String, String> replaced, Map<String, String> added,
      Map<String, Path> replacedFiles, Map<String, Path> addedFiles, List<Path> directories,
      Set<String> disabled, List<Path> settingsFiles, Map<String, String> settingOverrides,
      PolicySettings baseSettings) {
    // Copies that keep the order given: a later file or setting wins over an earlier one.
    this.replaced = new LinkedHashMap<>(replaced);
    this.added = new LinkedHashMap<>(added);
    this.replacedFiles = new LinkedHashMap<>(replacedFiles);
    this.addedFiles = new LinkedHashMap<>(addedFiles);
    this.directories = List.copyOf(directories);
    this.disabled = new LinkedHashSet<>(disabled);
    this.settingsFiles = List.copyOf(settingsFiles);
    this.settingOverrides = new LinkedHashMap<>(settingOverrides);
    this.baseSettings = baseSettings;
  }

  /** Reads everything afresh and builds; every problem found is reported together. */
  RuleSet build() {
    long started = System.nanoTime();
    List<RuleProblem> problems = new ArrayList<>();
    Map<String, String> replacing = new LinkedHashMap<>(replaced);
    Map<String, String> adding = new LinkedHashMap<>(added);
    replacedFiles.forEach((path, file) -> read(file, problems)
        .ifPresent(text -> replacing.put(path, text)));
    addedFiles.forEach((path, file) -> read(file, problems)
        .ifPresent(text -> adding.put(path, text)));
    Set<String> switchedOff = new LinkedHashSet<>(disabled);
    // Where each id switched off in a directory was written, for a problem with it.
    Map<String, RuleProblem> disabledAt = new LinkedHashMap<>();
    // Every settings text to apply, in order, a later one winning: each directory's, then
    // the files given (the more explicit choice), then single values set in code.
    Map<String, String> settingsToApply = new LinkedHashMap<>();
    // Decision tables by the rule file they stand for: their problems and rules are moved
    // back to the table's rows.
    Map<String, DecisionTable> tables = new LinkedHashMap<>();
    for (Path directory : directories) {
      readDirectory(directory, replacing, adding, switchedOff, disabledAt, settingsToApply,
          tables, problems);
    }
    settingsFiles.forEach(file -> read(file, problems)
        .ifPresent(text -> settingsToApply.put(file.toString(), text)));
    for (String path : replacing.keySet()) {
      if (!DefaultRules.FILES.contains(path)) {
        problems.add(new RuleProblem(path, 0, "there is no default rule file at this path to "
            + "replace; the default files are " + DefaultRules.FILES));
      }
    }
    for (String path : adding.keySet()) {
      if (DefaultRules.FILES.contains(path)) {
        problems.add(new RuleProblem(path, 0, "a default rule file is at this path; replace "
            + "it instead of adding a second file with the same path"));
      }
    }

    PolicySettings settings = settings(settingsToApply, problems);
    if (settings != null) {
      settings.warnings().forEach(warning -> log.warn("Policy settings: {}", warning));
    }

    KieBase kieBase = null;
    String origin;
    if (replacing.isEmpty() && adding.isEmpty()) {
      origin = "defaults";
      if (problems.isEmpty()) {
        kieBase = DefaultRules.precompiled();
      }
    } else {
      origin = "defaults, " + replacing.size() + " file(s) replaced, " + adding.size()
          + " added";
      // Untouched defaults first, the host's files last: problems are then reported at the
      // host's files (see RuleSetCompiler).
      Map<String, String> sources = new LinkedHashMap<>(DefaultRules.sources());
      sources.keySet().removeAll(replacing.keySet());
      sources.putAll(replacing);
      sources.putAll(adding);
      try {
        kieBase = RuleSetCompiler.compile(sources);
      } catch (InvalidRuleSetException e) {
        for (RuleProblem problem : e.problems()) {
          DecisionTable table = tables.get(problem.file());
          problems.add(table == null ? problem : table.locate(problem));
        }
      }
    }
    if (kieBase != null) {
      SortedSet<String> known = RuleSet.ruleIdsOf(kieBase);
      for (String ruleId : switchedOff) {
        if (!known.contains(ruleId)) {
          RuleProblem at = disabledAt.getOrDefault(ruleId,
              new RuleProblem("disable(\"" + ruleId + "\")", 0, ""));
          problems.add(new RuleProblem(at.file(), at.line(), "there is no rule '" + ruleId
              + "' to switch off; " + Spelling.closest(ruleId, known)
                  .map(id -> "did you mean '" + id + "'? ").orElse("")
              + "rule ids look like eligibility/return-window (returnkit rules lists them)"));
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidRuleSetException(problems);
    }
    if (!switchedOff.isEmpty()) {
      origin += ", " + switchedOff.size() + " rule(s) switched off";
    }
    if (baseSettings != null || !settingsToApply.isEmpty() || !settingOverrides.isEmpty()) {
      origin += ", settings changed";
    }
    // Read only when someone lists the rules: start-up and reloads read no DRL for it.
    Map<String, String> replaced = Map.copyOf(replacing);
    Map<String, String> added = Map.copyOf(adding);
    Set<String> off = Set.copyOf(switchedOff);
    Map<String, DecisionTable> tablesRead = Map.copyOf(tables);
    List<RuleProblem> ruleWarnings = ruleWarnings(replacing, adding, tables);
    ruleWarnings.forEach(warning -> log.warn("Return policies: {}", warning));
    RuleSet ruleSet = new RuleSet(kieBase, switchedOff, settings, origin,
        () -> RuleCatalogue.of(DefaultRules.sources(), replaced, added, off).stream()
            .map(rule -> tablesRead.containsKey(rule.file()) && rule.status()
                != RuleInForce.Status.REMOVED ? tablesRead.get(rule.file()).locate(rule) : rule)
            .toList(), ruleWarnings);
    log.info("Return policies built in {} ms: {}", (System.nanoTime() - started) / 1_000_000,
        origin);
    return ruleSet;
  }

  /** What {@link RuleLint} finds in the files replaced and added, tables at their rows. */
  private static List<RuleProblem> ruleWarnings(Map<String, String> replacing,
      Map<String, String> adding, Map<String, DecisionTable> tables) {
    if (replacing.isEmpty() && adding.isEmpty()) {
      return List.of();
    }
    Map<String, String> defaults = new LinkedHashMap<>(DefaultRules.sources());
    defaults.keySet().removeAll(replacing.keySet());
    Map<String, String> own = new LinkedHashMap<>(replacing);
    own.putAll(adding);
    List<RuleProblem> warnings = new ArrayList<>();
    for (RuleProblem warning : RuleLint.warnings(defaults, own)) {
      DecisionTable table = tables.get(warning.file());
      warnings.add(table == null ? warning : table.atRow(warning));
    }
    return warnings;
  }

  private PolicySettings settings(Map<String, String> texts, List<RuleProblem> problems) {
    PolicySettings settings = baseSettings;
    try {
      if (settings == null) {
        settings = PolicySettings.defaults();
      }
      for (Map.Entry<String, String> text : texts.entrySet()) {
        settings = settings.overriddenBy(text.getKey(), text.getValue());
      }
      if (!settingOverrides.isEmpty()) {
        settings = settings.with(settingOverrides);
      }
    } catch (InvalidRuleSetException e) {
      problems.addAll(e.problems());
    } catch (UncheckedIOException e) {
      problems.add(new RuleProblem(DroolsPolicies.SETTINGS_FILE, 0, e.getMessage()));
    }
    return settings;
  }

  /** Takes what a directory holds from one snapshot of it (see {@link PolicyDirectory}). */
  private static void readDirectory(Path directory, Map<String, String> replacing,
      Map<String, String> adding, Set<String> switchedOff,
      Map<String, RuleProblem> disabledAt, Map<String, String> settingsTexts,
      Map<String, DecisionTable> tables, List<RuleProblem> problems) {
    if (!Files.isDirectory(directory)) {
      problems.add(new RuleProblem(directory.toString(), 0, "is not a directory"));
      return;
    }
    PolicyDirectory.Snapshot snapshot;
    try {
      snapshot = PolicyDirectory.read(directory);
    } catch (IOException e) {
      problems.add(new RuleProblem(directory.toString(), 0, "cannot be read: "
          + why(e)));
      return;
    }
    new TreeMap<>(snapshot.files()).forEach((logical, bytes) -> {
      String text = new String(bytes, StandardCharsets.UTF_8);
      if (logical.endsWith(".drl")) {
        (DefaultRules.FILES.contains(logical) ? replacing : adding).put(logical, text);
      } else if (DecisionTable.isTable(logical)) {
        try {
          DecisionTable table = DecisionTable.read(logical, bytes);
          tables.put(table.drlPath(), table);
          (DefaultRules.FILES.contains(table.drlPath()) ? replacing : adding)
              .put(table.drlPath(), table.drl());
        } catch (InvalidRuleSetException e) {
          problems.addAll(e.problems());
        }
      } else if (logical.equals(DroolsPolicies.SETTINGS_FILE)) {
        settingsTexts.put(directory.resolve(logical).toString(), text);
      } else if (logical.equals(DroolsPolicies.DISABLED_FILE)) {
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
          String id = lines[i].strip();
          if (!id.isEmpty() && !id.startsWith("#")) {
            switchedOff.add(id);
            disabledAt.putIfAbsent(id, new RuleProblem(
                directory.resolve(logical).toString(), i + 1, ""));
          }
        }
      }
    });
  }

  private static Optional<String> read(Path file, List<RuleProblem> problems) {
    try {
      return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      problems.add(new RuleProblem(file.toString(), 0, "cannot be read: " + why(e)));
      return Optional.empty();
    }
  }

  /** Why a file could not be read, in words rather than an exception's class name. */
  static String why(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "there is no such file";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason();
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
