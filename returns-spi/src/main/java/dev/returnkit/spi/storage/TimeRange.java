package dev.returnkit.spi.storage;

import java.time.Instant;
import java.util.Objects;

/**
 * A half-open time range {@code [from, to)}; either end may be open ({@code null}).
 *
 * @param from the start, inclusive, or {@code null} for no lower bound
 * @param to the end, exclusive, or {@code null} for no upper bound
 */
public record TimeRange(Instant from, Instant to) {

  /** Every instant. */
  public static final TimeRange ALL = new TimeRange(null, null);

  public TimeRange {
    if (from != null && to != null && !from.isBefore(to)) {
      throw new IllegalArgumentException("range start " + from + " must be before end " + to);
    }
  }

  /**
   * From an instant on.
   *
   * @param from the start, inclusive
   * @return the range
   */
  public static TimeRange since(Instant from) {
    return new TimeRange(Objects.requireNonNull(from, "from"), null);
  }

  /**
   * Whether an instant falls in the range.
   *
   * @param instant the instant
   * @return true if {@code from <= instant < to}
   */
  public boolean contains(Instant instant) {
    return (from == null || !instant.isBefore(from)) && (to == null || instant.isBefore(to));
  }
}
