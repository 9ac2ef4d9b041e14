package dev.returnkit.rules.fact;

import dev.returnkit.spi.vocabulary.Disposition;
import java.math.BigDecimal;

/**
 * What happens to a line's units. Exactly one per line, like {@link LiabilityFinding}.
 *
 * @param caseKey the case
 * @param lineKey the line
 * @param disposition the disposition
 * @param markdownPercent the markdown the units sell at, for open-box stock; else zero
 * @param code the reason code
 */
public record DispositionChoice(int caseKey, int lineKey, Disposition disposition,
    BigDecimal markdownPercent, String code) implements LineKeyed {

  /**
   * Decides a line's disposition.
   *
   * @param line the line
   * @param disposition the disposition
   * @param code the reason code
   * @return the choice
   */
  public static DispositionChoice of(LineFact line, Disposition disposition, String code) {
    return new DispositionChoice(line.caseKey(), line.lineKey(), disposition, BigDecimal.ZERO,
        code);
  }

  /**
   * Sends a line's units to open-box stock at a markdown.
   *
   * @param line the line
   * @param markdownPercent the markdown, in percent
   * @param code the reason code
   * @return the choice
   */
  public static DispositionChoice openBox(LineFact line, BigDecimal markdownPercent,
      String code) {
    return new DispositionChoice(line.caseKey(), line.lineKey(), Disposition.RESTOCK_OPEN_BOX,
        markdownPercent, code);
  }
}
