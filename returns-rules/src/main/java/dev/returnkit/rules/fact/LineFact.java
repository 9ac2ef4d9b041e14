package dev.returnkit.rules.fact;

/**
 * A fact about one line of one case. Rules join a line's facts and outcomes on its line key.
 */
public interface LineFact extends CaseFact {

  /**
   * The line, unique within one decision run: the case key and the order line id.
   *
   * @return the line key
   */
  String lineKey();

  /**
   * The order line id.
   *
   * @return the line's order line id, as text
   */
  String lineId();
}
