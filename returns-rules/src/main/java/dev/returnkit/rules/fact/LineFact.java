package dev.returnkit.rules.fact;

/**
 * A fact about one line of one case, as returnkit inserts it for the rules: what they decide on.
 * Rules join a line's facts and outcomes on its line key.
 */
public interface LineFact extends LineKeyed {

  /**
   * The order line id.
   *
   * @return the line's order line id, as text
   */
  String lineId();
}
