package dev.returnkit.service.backoffice;

import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * How the pages show times and amounts: UTC to the second, and amounts with their currency. The
 * templates call it as {@code ${@pages.at(instant)}}.
 */
@Component("pages")
public final class Pages {

  private static final DateTimeFormatter MINUTES =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  /**
   * A time as the pages show it.
   *
   * @param instant the time, or {@code null}
   * @return e.g. {@code 2026-12-03 10:15:30 UTC}, or an empty text
   */
  public String at(Instant instant) {
    return time(instant);
  }

  static String time(Instant instant) {
    return instant == null ? "" : SECONDS.format(instant);
  }

  /** A time to the minute, for the queue's narrow columns (UTC, as the page's header says). */
  static String minute(Instant instant) {
    return instant == null ? "" : MINUTES.format(instant);
  }

  /** What the case's lines are worth at their paid unit price, e.g. {@code EUR 749.00}. */
  static String value(ReturnCaseSnapshot snapshot) {
    BigDecimal total = BigDecimal.ZERO;
    String currency = "";
    for (ReturnLineSnapshot line : snapshot.lines()) {
      Money paid = line.orderLinePaid().gross();
      currency = paid.currency().getCurrencyCode();
      total = total.add(paid.amount().multiply(BigDecimal.valueOf(line.quantities().requested()))
          .divide(BigDecimal.valueOf(line.orderedQuantity()), paid.amount().scale(),
              RoundingMode.HALF_EVEN));
    }
    return currency + " " + total.toPlainString();
  }
}
