package dev.returnkit.rules;

import java.util.Objects;

/**
 * One rule of a rule set, as {@code returnkit rules} lists it: its id, where it is written,
 * the decision it takes part in, and how it came to be in the set.
 *
 * @param id the rule's id, e.g. {@code eligibility/return-window}
 * @param file the rule file's logical path, e.g. {@code eligibility/return-window.drl}
 * @param line the line its {@code rule} keyword is on
 * @param decision the decision it takes part in: its package's last part for returnkit's
 *     packages ({@code eligibility}, {@code liability}, {@code disposition},
 *     {@code settlement}), else the whole package
 * @param status default, replaced, added, disabled, or removed (a default rule whose file
 *     was replaced by one without it)
 */
public record RuleInForce(String id, String file, int line, String decision, Status status) {

  /** How a rule came to be in, or out of, a rule set. */
  public enum Status {
    /** A shipped default, untouched. */
    DEFAULT,
    /** A default rule, rewritten in a file that replaces its default file. */
    REPLACED,
    /** A rule the defaults do not have. */
    ADDED,
    /** Switched off by id (disabled-rules.txt, or in code); it never fires. */
    DISABLED,
    /** A default rule whose file was replaced by one without it: no longer in the set. */
    REMOVED
  }

  /** Checks the fields. */
  public RuleInForce {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(decision, "decision");
    Objects.requireNonNull(status, "status");
  }
}
