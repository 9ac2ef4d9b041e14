package dev.returnkit.rules;

import java.util.Objects;

/**
 * One problem found while building a rule set: in which file, on which line (where Drools or the
 * settings parser knows it), and what is wrong.
 *
 * @param file the logical path of the rule file or the settings file, e.g.
 *     {@code dev/returnkit/rules/eligibility/return-window.drl}
 * @param line the line, from 1; 0 when it is not known
 * @param message what is wrong, as plainly as the source allows
 */
public record RuleProblem(String file, int line, String message) {

  /** Checks the fields. */
  public RuleProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    if (line < 0) {
      throw new IllegalArgumentException("line cannot be negative: " + line);
    }
  }

  /** For example {@code eligibility/return-window.drl:12: unknown field 'dayz'}. */
  @Override
  public String toString() {
    return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
  }
}
