package dev.returnkit.examples.demo;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.function.ToIntFunction;

/**
 * Seeded random draws in the shapes the demo needs. {@link Random}'s sequence is specified by
 * the JDK, so a seed gives the same draws on every machine and Java version.
 */
final class Draw {

  private final Random random;

  Draw(long seed) {
    this.random = new Random(seed);
  }

  /** True with probability {@code p}. */
  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** A whole number from {@code min} to {@code max}, both included. */
  int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  /** A duration of {@code min} to {@code max} hours, to the minute. */
  Duration hours(double min, double max) {
    return minutes(min * 60 + random.nextDouble() * (max - min) * 60);
  }

  /** A duration drawn from an exponential distribution, capped: waiting times with a tail. */
  Duration exponentialHours(double meanHours, double capHours) {
    double hours = Math.min(capHours, -meanHours * Math.log(1 - random.nextDouble()));
    return minutes(hours * 60);
  }

  /** One of the values, each as likely as its weight says. */
  <T> T weighted(List<T> values, ToIntFunction<T> weight) {
    int total = values.stream().mapToInt(weight).sum();
    int pick = random.nextInt(total);
    for (T value : values) {
      pick -= weight.applyAsInt(value);
      if (pick < 0) {
        return value;
      }
    }
    throw new IllegalStateException("weights changed while drawing");
  }

  /** One of the values, all equally likely. */
  <T> T any(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  private static Duration minutes(double minutes) {
    return Duration.ofMinutes(Math.max(1, Math.round(minutes)));
  }
}
