package dev.returnkit.core.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Why a decision came out as it did: business reason codes (for people and reports) and the
 * names of the policy rules that fired (for whoever maintains the rules). Recorded in the case
 * history with the command that used the decision.
 *
 * @param reasonCodes reason codes such as {@code RETURN_WINDOW_EXPIRED}, in the order given
 * @param rules the names of the rules that fired, in firing order
 */
public record Rationale(List<String> reasonCodes, List<String> rules) {

  /** No codes, no rules. */
  public static final Rationale NONE = new Rationale(List.of(), List.of());

  public Rationale {
    reasonCodes = List.copyOf(reasonCodes);
    rules = List.copyOf(rules);
  }

  /**
   * A rationale of reason codes and rules.
   *
   * @param reasonCode one reason code
   * @param rule the rule that produced it
   * @return the rationale
   */
  public static Rationale of(String reasonCode, String rule) {
    return new Rationale(List.of(reasonCode), List.of(rule));
  }

  /**
   * The union of several rationales, keeping first occurrences in order and dropping
   * duplicates.
   *
   * @param rationales the parts
   * @return the combined rationale
   */
  public static Rationale union(Iterable<Rationale> rationales) {
    LinkedHashSet<String> codes = new LinkedHashSet<>();
    LinkedHashSet<String> rules = new LinkedHashSet<>();
    for (Rationale each : rationales) {
      codes.addAll(each.reasonCodes);
      rules.addAll(each.rules);
    }
    return new Rationale(new ArrayList<>(codes), new ArrayList<>(rules));
  }

  /**
   * This rationale with more reason codes appended.
   *
   * @param moreCodes the codes to add
   * @return the extended rationale
   */
  public Rationale withReasonCodes(List<String> moreCodes) {
    List<String> codes = new ArrayList<>(reasonCodes);
    codes.addAll(moreCodes);
    return new Rationale(codes, rules);
  }
}
