package dev.returnkit.rules.settings;

import dev.returnkit.rules.RuleProblem;
import dev.returnkit.rules.Spelling;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The categories settings name, checked against the shop's: a category no product has makes a
 * setting do nothing, silently ({@code return-window.days.electronic} for "electronics"). With
 * the shop's categories declared (setting {@value PolicySettings#CATEGORIES}), every other name
 * is reported; without, only a near miss of a category the shipped defaults name. Reported as
 * warnings with file and line: a new category may be on its way into the shop. Stateless.
 */
final class CategoryNames {

  /** The settings that list categories. */
  static final List<String> LIST_KEYS = List.of(PolicySettings.NON_RETURNABLE,
      PolicySettings.HYGIENE, PolicySettings.SUPPLIER_WARRANTY);

  private static volatile Set<String> shipped;

  private CategoryNames() {}

  /**
   * The warnings for settings' values.
   *
   * @param values every setting by key
   * @param origins where each came from
   * @param declared the shop's categories, normalised; empty when not declared
   * @return one warning per category no product may have
   */
  static List<RuleProblem> check(Map<String, String> values, Map<String, SettingOrigin> origins,
      Set<String> declared) {
    Set<String> known = new TreeSet<>(declared);
    known.addAll(shipped());
    List<RuleProblem> warnings = new ArrayList<>();
    for (Map.Entry<String, String> setting : values.entrySet()) {
      String key = setting.getKey();
      List<String> named = new ArrayList<>();
      if (LIST_KEYS.contains(key)) {
        named.addAll(names(setting.getValue()));
      } else if (key.startsWith(PolicySettings.RETURN_WINDOW_DAYS_FOR)) {
        named.add(PolicySettings.normalise(
            key.substring(PolicySettings.RETURN_WINDOW_DAYS_FOR.length())));
      }
      for (String category : named) {
        warning(key, category, declared, known, origins.get(key)).ifPresent(warnings::add);
      }
    }
    return warnings;
  }

  private static Optional<RuleProblem> warning(String key, String category, Set<String> declared,
      Set<String> known, SettingOrigin origin) {
    if (category.isEmpty() || known.contains(category)) {
      return Optional.empty();
    }
    Optional<String> meant = Spelling.closest(category, known);
    String hint = meant.map(m -> "; did you mean '" + m + "'?").orElse("");
    String message;
    if (!declared.isEmpty()) {
      message = "'" + category + "' is not one of the shop's categories (setting "
          + PolicySettings.CATEGORIES + ")" + hint;
    } else if (meant.isPresent()) {
      message = "'" + category + "' is no category the settings know" + hint
          + " (declare the shop's categories in setting " + PolicySettings.CATEGORIES
          + " to have every name checked)";
    } else {
      return Optional.empty();
    }
    String source = origin == null ? "settings" : origin.source();
    int line = origin == null ? 0 : origin.line();
    return Optional.of(new RuleProblem(source, line, key + ": " + message));
  }

  /** The items of a comma-separated list, normalised. */
  static List<String> names(String list) {
    List<String> names = new ArrayList<>();
    for (String item : list.split(",")) {
      if (!item.isBlank()) {
        names.add(PolicySettings.normalise(item));
      }
    }
    return names;
  }

  /** The categories the shipped defaults name. */
  static Set<String> shipped() {
    Set<String> names = shipped;
    if (names == null) {
      names = new LinkedHashSet<>();
      SettingsText defaults = SettingsText.read(PolicySettings.DEFAULTS_RESOURCE,
          defaultsText());
      for (Map.Entry<String, SettingsText.Entry> entry : defaults.entries().entrySet()) {
        String key = entry.getKey();
        if (LIST_KEYS.contains(key) || key.equals(PolicySettings.CATEGORIES)) {
          names.addAll(names(entry.getValue().value()));
        } else if (key.startsWith(PolicySettings.RETURN_WINDOW_DAYS_FOR)) {
          names.add(PolicySettings.normalise(
              key.substring(PolicySettings.RETURN_WINDOW_DAYS_FOR.length())));
        }
      }
      shipped = Set.copyOf(names);
    }
    return names;
  }

  static String defaultsText() {
    try (InputStream in = PolicySettings.class.getClassLoader()
        .getResourceAsStream(PolicySettings.DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(PolicySettings.DEFAULTS_RESOURCE
            + " is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
