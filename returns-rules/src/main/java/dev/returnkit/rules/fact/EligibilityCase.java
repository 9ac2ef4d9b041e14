package dev.returnkit.rules.fact;

/**
 * A requested case as a whole, for rules about the case rather than a line (who pays the return
 * shipment). Its lines are the {@link EligibilityLine}s with the same case key.
 *
 * @param caseKey the case
 */
public record EligibilityCase(String caseKey) implements CaseFact {}
