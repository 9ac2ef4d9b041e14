package dev.returnkit.rules.fact;

/**
 * A fact that belongs to one case of a decision run. Several cases can be decided in one
 * session; the case key keeps their facts and outcomes apart, and tells returnkit which case
 * a fired rule decided.
 */
public interface CaseFact {

  /**
   * The case this fact belongs to, a number unique within one decision run.
   *
   * @return the case key
   */
  int caseKey();
}
