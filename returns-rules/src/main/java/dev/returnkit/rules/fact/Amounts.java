package dev.returnkit.rules.fact;

import dev.returnkit.spi.money.Money;
import java.math.BigDecimal;

/**
 * What a fact's money is to a rule: a plain number. A policy owner writes {@code amount > 500}
 * (in the case's own currency) or {@code valueIn("EUR") > 500} (only for cases in euros: a case
 * in another currency gives no number, and the comparison is false), never the money type.
 */
final class Amounts {

  private Amounts() {}

  /** The amount of money in a currency, or null in another one: returnkit converts nothing. */
  static BigDecimal in(Money money, String currency) {
    return money.currency().getCurrencyCode().equalsIgnoreCase(currency) ? money.amount()
        : null;
  }
}
