package dev.returnkit.core.access;

import java.util.Objects;

/**
 * An {@link AccessPolicy}'s answer: allowed, or refused with a reason.
 *
 * @param allowed whether the actor may go on
 * @param reason why not, in words a support agent understands (e.g. {@code it is another
 *     customer's return}); {@code null} when allowed
 */
public record AccessDecision(boolean allowed, String reason) {

  /** The actor may go on. */
  public static final AccessDecision ALLOWED = new AccessDecision(true, null);

  public AccessDecision {
    if (allowed && reason != null) {
      throw new IllegalArgumentException("an allowed request has no reason for refusal");
    }
    if (!allowed && (reason == null || reason.isBlank())) {
      throw new IllegalArgumentException("a refusal needs a reason");
    }
  }

  /**
   * A refusal.
   *
   * @param reason why, not blank
   * @return the decision
   */
  public static AccessDecision refused(String reason) {
    return new AccessDecision(false, Objects.requireNonNull(reason, "reason"));
  }
}
