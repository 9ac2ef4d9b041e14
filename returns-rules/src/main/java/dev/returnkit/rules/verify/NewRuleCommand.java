package dev.returnkit.rules.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What {@code returnkit new-rule} does: writes a complete rule file for one decision into a rule
 * directory, with its package and import lines, a rule named after the file that builds as
 * written and matches nothing until its condition is changed (category "change-me"), and
 * comments saying what to change. Eligibility, liability, disposition and settlement (the way a
 * line is settled) have templates; the settlement's money is changed through settings
 * (docs/policies.md).
 */
public final class NewRuleCommand {

  /** The file was written. */
  public static final int WRITTEN = 0;
  /** Nothing was written: an unknown decision, a bad name, or the file exists. */
  public static final int REFUSED = 2;

  /** The decisions with a template. */
  public static final List<String> DECISIONS = List.of("eligibility", "liability",
      "disposition", "settlement");

  /** The default grading rules as a decision table, shipped in the jar. */
  public static final String GRADING_TABLE =
      "dev/returnkit/rules/tables/grading-table.drl.csv.txt";

  private NewRuleCommand() {}

  /**
   * Writes a disposition decision table: for the name {@code grading}, returnkit's default
   * grading rules as a table (it replaces {@code grading.drl}, deciding the same until a row is
   * changed); for another name, the same columns with one row that matches nothing until its
   * category is changed.
   *
   * @param decision the decision; only disposition has a table
   * @param name the table's name, lower case with hyphens; also its rule's name
   * @param rulesDirectory the rule directory
   * @param out where what was done is printed
   * @return {@link #WRITTEN} or {@link #REFUSED}
   */
  public static int table(String decision, String name, Path rulesDirectory, PrintStream out) {
    if (!decision.equals("disposition")) {
      out.println("There is no table for '" + decision + "': returnkit ships a decision table "
          + "for disposition (by grade, finding and category); write a rule file for "
          + decision + " instead (without --table)");
      return REFUSED;
    }
    if (!validName(name, out)) {
      return REFUSED;
    }
    String shipped;
    try (InputStream in = NewRuleCommand.class.getClassLoader()
        .getResourceAsStream(GRADING_TABLE)) {
      shipped = new String(Objects.requireNonNull(in, GRADING_TABLE).readAllBytes(),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String table = name.equals("grading") ? shipped : ownTable(shipped, name);
    return write(rulesDirectory.resolve("dev/returnkit/rules/disposition")
        .resolve(name + ".drl.csv"), table, decision + " table " + name, "its rows",
        rulesDirectory, out);
  }

  /**
   * The shipped table's columns with one row of the policy owner's: it matches nothing (no
   * product is in category "change-me") until its cells are changed.
   */
  private static String ownTable(String shipped, String name) {
    int rows = shipped.indexOf("\nsealed-as-new,");
    String code = name.toUpperCase(Locale.ROOT).replace('-', '_');
    return "\"# " + name + ": a disposition table of your own. Each row is a rule; rows are "
        + "tried highest priority first (the defaults use 40 to 100), a line takes the first "
        + "that matches. Change the category, grade and finding to match, and the "
        + "disposition to give. See docs/policies.md, Decision tables.\"\n"
        + shipped.substring(shipped.indexOf('\n') + 1, rows + 1)
        .replace("RuleTable Grading", "RuleTable " + code)
        + name + ",58,,,change-me,\"REFURBISH, " + code + "\",\n";
  }

  /**
   * Writes a rule file.
   *
   * @param decision eligibility, liability, disposition or settlement
   * @param name the rule's name, lower case with hyphens (e.g. {@code luxury-review}); also the
   *     file's name
   * @param rulesDirectory the rule directory
   * @param out where what was done is printed
   * @return {@link #WRITTEN} or {@link #REFUSED}
   */
  public static int run(String decision, String name, Path rulesDirectory, PrintStream out) {
    if (!DECISIONS.contains(decision)) {
      out.println("There is no template for '" + decision + "': use one of " + DECISIONS
          + " (the settlement's money is changed with settings, docs/policies.md)");
      return REFUSED;
    }
    if (!validName(name, out)) {
      return REFUSED;
    }
    return write(rulesDirectory.resolve("dev/returnkit/rules").resolve(decision)
        .resolve(name + ".drl"), template(decision, name), "rule " + decision + "/" + name,
        "its condition", rulesDirectory, out);
  }

  private static boolean validName(String name, PrintStream out) {
    if (!name.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
      out.println("'" + name + "' is no rule name: use lower-case words joined by hyphens, "
          + "e.g. luxury-review");
      return false;
    }
    return true;
  }

  private static int write(Path file, String text, String what, String change,
      Path rulesDirectory, PrintStream out) {
    if (Files.exists(file)) {
      out.println(file + " exists already; nothing was written");
      return REFUSED;
    }
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      out.println("Cannot write " + file + ": " + e.getMessage());
      return REFUSED;
    }
    out.println("Wrote " + file + " (" + what + ").");
    out.println("Change " + change + ", then check it: returnkit verify --rules "
        + rulesDirectory);
    return WRITTEN;
  }

  /**
   * The text of a new rule file.
   *
   * @param decision eligibility, liability, disposition or settlement
   * @param name the rule's name
   * @return the DRL
   */
  static String template(String decision, String name) {
    String code = name.toUpperCase(Locale.ROOT).replace('-', '_');
    return switch (decision) {
      case "eligibility" -> """
          // %2$s: what this rule decides, in a sentence (for the next person who reads it).
          // As written it matches nothing (no product is in category "change-me"): change the
          // condition. Amounts are plain numbers: amount > 500 (the case's currency), or
          // valueIn("EUR") > 500. Outcomes: Verdict.review, Verdict.reject, Verdict.approve.
          package dev.returnkit.rules.eligibility;

          import dev.returnkit.rules.fact.EligibilityLine;
          import dev.returnkit.rules.fact.Verdict;

          rule "%2$s"
          when
              $line : EligibilityLine( category == "change-me", amount > 500 )
          then
              insert(Verdict.review($line, "%1$s"));
          end
          """.formatted(code, name);
      case "liability" -> """
          // %2$s: what this rule decides, in a sentence (for the next person who reads it).
          // As written it matches nothing (no product is in category "change-me"): change the
          // condition. One liability per line: the rule with the highest salience decides, and
          // the "not LiabilityFinding" line keeps a later rule from deciding again. 75 puts it
          // before the defaults' fault rules; see the salience of each in docs/policies.md.
          package dev.returnkit.rules.liability;

          import dev.returnkit.rules.fact.LiabilityFinding;
          import dev.returnkit.rules.fact.LiabilityLine;
          import dev.returnkit.spi.vocabulary.Liability;

          rule "%2$s"
              salience 75
          when
              $line : LiabilityLine( $key : lineKey, category == "change-me" )
              not LiabilityFinding( lineKey == $key )
          then
              insert(LiabilityFinding.of($line, Liability.SELLER, "%1$s"));
          end
          """.formatted(code, name);
      case "settlement" -> """
          // %2$s: what this rule decides, in a sentence (for the next person who reads it).
          // As written it matches nothing (no product is in category "change-me"): change the
          // condition. It settles a line another way than the customer asked (REFUND,
          // STORE_CREDIT, EXCHANGE, REPAIR); the money is kept by the settings (fees, charges)
          // and the core's limits. One way per line: the rule with the highest salience
          // decides, and the "not SettlementMethod" line keeps a later rule from deciding
          // again; the default, settlement/method-as-requested, comes last (salience -100).
          package dev.returnkit.rules.settlement;

          import dev.returnkit.rules.fact.SettlementLine;
          import dev.returnkit.rules.fact.SettlementMethod;
          import dev.returnkit.spi.vocabulary.Resolution;

          rule "%2$s"
              salience 10
          when
              $line : SettlementLine( $key : lineKey, category == "change-me" )
              not SettlementMethod( lineKey == $key )
          then
              insert(SettlementMethod.of($line, Resolution.STORE_CREDIT, "%1$s"));
          end
          """.formatted(code, name);
      default -> """
          // %2$s: what this rule decides, in a sentence (for the next person who reads it).
          // As written it matches nothing (no product is in category "change-me"): change the
          // condition. One disposition per line: the rule with the highest salience decides,
          // and the "not DispositionChoice" line keeps a later rule from deciding again.
          package dev.returnkit.rules.disposition;

          import dev.returnkit.rules.fact.DispositionChoice;
          import dev.returnkit.rules.fact.DispositionLine;
          import dev.returnkit.spi.vocabulary.Disposition;

          rule "%2$s"
              salience 75
          when
              $line : DispositionLine( $key : lineKey, category == "change-me" )
              not DispositionChoice( lineKey == $key )
          then
              insert(DispositionChoice.of($line, Disposition.REFURBISH, "%1$s"));
          end
          """.formatted(code, name);
    };
  }
}
