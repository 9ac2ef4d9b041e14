package dev.returnkit.rules.fact;

/**
 * An eligibility rule's verdict on a line: reject it, send it to a person, or approve it. When
 * several rules speak, rejection wins over review, and review over approval.
 *
 * @param caseKey the case
 * @param lineKey the line
 * @param kind reject or review
 * @param code the reason code, e.g. {@code RETURN_WINDOW_EXPIRED}
 */
public record Verdict(int caseKey, int lineKey, Kind kind, String code)
    implements LineKeyed {

  /** What the verdict does to the line. */
  public enum Kind {
    /** The line may not be returned. */
    REJECT,
    /** A person decides. */
    REVIEW,
    /** The line may be returned. */
    APPROVE
  }

  /**
   * Rejects a line.
   *
   * @param line the line
   * @param code the reason code
   * @return the verdict
   */
  public static Verdict reject(LineFact line, String code) {
    return new Verdict(line.caseKey(), line.lineKey(), Kind.REJECT, code);
  }

  /**
   * Approves a line.
   *
   * @param line the line
   * @param code the reason code
   * @return the verdict
   */
  public static Verdict approve(LineFact line, String code) {
    return new Verdict(line.caseKey(), line.lineKey(), Kind.APPROVE, code);
  }

  /**
   * Sends a line to manual review.
   *
   * @param line the line
   * @param code the reason code
   * @return the verdict
   */
  public static Verdict review(LineFact line, String code) {
    return new Verdict(line.caseKey(), line.lineKey(), Kind.REVIEW, code);
  }
}
