package dev.returnkit.rules.fact;

import dev.returnkit.spi.vocabulary.Liability;

/**
 * Who is liable for a line. Exactly one per line: each liability rule checks that no rule of
 * higher priority (salience) decided the line already.
 *
 * @param caseKey the case
 * @param lineKey the line
 * @param liability the liable party
 * @param code the reason code
 */
public record LiabilityFinding(int caseKey, int lineKey, Liability liability, String code)
    implements LineKeyed {

  /**
   * Decides a line's liability.
   *
   * @param line the line
   * @param liability the liable party
   * @param code the reason code
   * @return the finding
   */
  public static LiabilityFinding of(LineFact line, Liability liability, String code) {
    return new LiabilityFinding(line.caseKey(), line.lineKey(), liability, code);
  }
}
