package dev.returnkit.rules.settings;

import dev.returnkit.rules.InvalidRuleSetException;
import dev.returnkit.rules.RuleProblem;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.order.TenderType;
import dev.returnkit.spi.vocabulary.ReturnReason;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads the typed values of {@link PolicySettings} and collects every problem, with its file and
 * line, so that one exception lists them all.
 */
final class SettingsParser {
  private final Map<String, String> values;
  private final Map<String, SettingOrigin> origins;
  private final String source;
  private final List<RuleProblem> problems = new ArrayList<>();

  /**
   * A parser of settings.
   *
   * @param values the settings by key
   * @param origins where each came from, so a problem is reported at the file and line that
   *     set the bad value
   * @param source the latest file, for a problem with a key no file set (a missing one)
   * @param earlier problems found before parsing, reported with the rest
   */
  SettingsParser(Map<String, String> values, Map<String, SettingOrigin> origins, String source,
      List<RuleProblem> earlier) {
    this.values = values;
    this.origins = origins;
    this.source = source;
    this.problems.addAll(earlier);
  }

  void problem(String key, String message) {
    SettingOrigin origin = origins.get(key);
    problems.add(origin == null ? new RuleProblem(source, 0, key + ": " + message)
        : new RuleProblem(origin.source(), origin.line(), key + ": " + message));
  }

  private String required(String key) {
    String value = values.get(key);
    if (value == null) {
      problem(key, "missing");
    }
    return value;
  }

  int integer(String key, int min, int max) {
    String value = required(key);
    if (value == null) {
      return min;
    }
    try {
      int parsed = Integer.parseInt(value);
      if (parsed < min || parsed > max) {
        problem(key, "must be between " + min + " and " + max + ", got " + parsed);
      }
      return parsed;
    } catch (NumberFormatException e) {
      problem(key, "must be a whole number, got '" + value + "'");
      return min;
    }
  }

  BigDecimal decimal(String key, BigDecimal min, BigDecimal max) {
    String value = required(key);
    if (value == null) {
      return min;
    }
    try {
      BigDecimal parsed = new BigDecimal(value);
      if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
        problem(key, "must be between " + min + " and " + max + ", got " + value);
      }
      return parsed;
    } catch (NumberFormatException e) {
      problem(key, "must be a number, got '" + value + "'");
      return min;
    }
  }

  /**
   * A list of categories. An item with a space in it that is not a declared category is refused:
   * "underwear perishables" is two categories with the comma forgotten far more often than one.
   * With {@code declared} null (the declaration itself), every item is taken as written.
   */
  Set<String> categories(String key, Set<String> declared) {
    String value = required(key);
    Set<String> categories = new LinkedHashSet<>();
    if (value != null) {
      for (String item : CategoryNames.names(value)) {
        if (declared != null && item.matches(".*\\s.*") && !declared.contains(item)) {
          problem(key, "'" + item + "' reads as one category with a space in it; separate "
              + "categories with commas ('" + String.join(", ", item.split("\\s+")) + "'), or "
              + "declare it in setting " + PolicySettings.CATEGORIES + " if it is one");
        }
        categories.add(item);
      }
    }
    return Collections.unmodifiableSet(categories);
  }

  Set<ReturnReason> reasons(String key) {
    String value = required(key);
    Set<ReturnReason> reasons = EnumSet.noneOf(ReturnReason.class);
    if (value != null) {
      for (String item : value.split(",")) {
        if (item.isBlank()) {
          continue;
        }
        try {
          reasons.add(ReturnReason.valueOf(item.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
          problem(key, "'" + item.trim() + "' is not a return reason; use one of "
              + EnumSet.allOf(ReturnReason.class));
        }
      }
    }
    return Collections.unmodifiableSet(reasons);
  }

  Map<Currency, Money> amounts(String key) {
    String value = required(key);
    Map<Currency, Money> amounts = new LinkedHashMap<>();
    if (value != null) {
      for (String item : value.split(",")) {
        if (item.isBlank()) {
          continue;
        }
        String[] parts = item.trim().split("\\s+");
        try {
          if (parts.length != 2) {
            throw new IllegalArgumentException("expected a currency and an amount");
          }
          Money amount = Money.of(parts[1], parts[0].toUpperCase(Locale.ROOT));
          if (amount.isNegative()) {
            throw new IllegalArgumentException("amount cannot be negative");
          }
          if (amounts.put(amount.currency(), amount) != null) {
            throw new IllegalArgumentException(parts[0] + " is given twice");
          }
        } catch (IllegalArgumentException e) {
          problem(key, "'" + item.trim() + "' is not an amount like 'EUR 19.99' ("
              + e.getMessage() + ")");
        }
      }
    }
    return Collections.unmodifiableMap(amounts);
  }

  boolean yesNo(String key) {
    String value = required(key);
    if (value == null) {
      return false;
    }
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> {
        problem(key, "must be true or false, got '" + value + "'");
        yield false;
      }
    };
  }

  List<TenderType> tenders(String key) {
    String value = required(key);
    List<TenderType> tenders = new ArrayList<>();
    if (value != null) {
      for (String item : value.split(",")) {
        if (item.isBlank()) {
          continue;
        }
        String name = item.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
          TenderType tender = TenderType.valueOf(name);
          if (tenders.contains(tender)) {
            problem(key, "'" + item.trim() + "' is given twice");
          } else {
            tenders.add(tender);
          }
        } catch (IllegalArgumentException e) {
          problem(key, "'" + item.trim() + "' is not a kind of tender; use one of "
              + EnumSet.allOf(TenderType.class));
        }
      }
    }
    return List.copyOf(tenders);
  }

  void throwIfAny() {
    if (!problems.isEmpty()) {
      throw new InvalidRuleSetException(problems);
    }
  }
}
