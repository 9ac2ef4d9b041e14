package dev.returnkit.rules.fact;

import dev.returnkit.spi.money.Money;

/**
 * A requested case as a whole, for rules about the request rather than one line: its total
 * value (for review and returnless limits, so that splitting a request into cheap lines changes
 * nothing), and who pays the return shipment. Its lines are the {@link EligibilityLine}s with
 * the same case key.
 *
 * @param caseKey the case
 * @param value what the customer paid for every requested unit of the request together
 */
public record EligibilityCase(String caseKey, Money value) implements CaseFact {}
