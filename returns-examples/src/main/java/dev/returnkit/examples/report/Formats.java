package dev.returnkit.examples.report;

import dev.returnkit.spi.money.Money;
import java.time.Duration;
import java.util.Locale;

/** How the report writes numbers: always the same way, whatever the machine's locale. */
final class Formats {

  private Formats() {}

  /** {@code part} of {@code whole} as a percentage with one decimal, e.g. {@code 12.5 %}. */
  static String percent(long part, long whole) {
    return whole == 0 ? "-" : String.format(Locale.ROOT, "%.1f %%", 100.0 * part / whole);
  }

  /** A duration in hours below two days, in days from there, e.g. {@code 7.5 h}, {@code 3.2 d}. */
  static String duration(Duration duration) {
    if (duration == null) {
      return "-";
    }
    double hours = duration.toMinutes() / 60.0;
    return hours < 48 ? String.format(Locale.ROOT, "%.1f h", hours)
        : String.format(Locale.ROOT, "%.1f d", hours / 24);
  }

  /**
   * An amount with its currency and thousands separators, in the currency's decimals, e.g.
   * {@code EUR 31,945.10}, {@code JPY 1,100}.
   */
  static String money(Money money) {
    return money.currency().getCurrencyCode() + " "
        + String.format(Locale.ROOT, "%,." + money.amount().scale() + "f", money.amount());
  }

  /** A count with thousands separators, e.g. {@code 12,345}. */
  static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }
}
