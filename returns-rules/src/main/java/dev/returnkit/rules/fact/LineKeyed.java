package dev.returnkit.rules.fact;

/**
 * A fact or an outcome that belongs to one line of one case. Rules join a line's facts and
 * outcomes on its line key; returnkit reads each line's outcomes by it.
 */
public interface LineKeyed extends CaseFact {

  /**
   * The line, a number unique within one decision run (not an order line id: that is
   * {@link LineFact#lineId()}).
   *
   * @return the line key
   */
  int lineKey();
}
