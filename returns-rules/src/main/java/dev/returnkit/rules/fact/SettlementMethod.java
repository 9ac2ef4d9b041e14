package dev.returnkit.rules.fact;

import dev.returnkit.spi.vocabulary.Resolution;

/**
 * How a line is settled: refund, store credit, exchange or repair. Exactly one per line.
 *
 * @param caseKey the case
 * @param lineKey the line
 * @param method the method
 * @param code the reason code
 */
public record SettlementMethod(int caseKey, int lineKey, Resolution method, String code)
    implements LineKeyed {

  /**
   * Settles a line by a method.
   *
   * @param line the line
   * @param method the method
   * @param code the reason code
   * @return the method
   */
  public static SettlementMethod of(LineFact line, Resolution method, String code) {
    return new SettlementMethod(line.caseKey(), line.lineKey(), method, code);
  }
}
