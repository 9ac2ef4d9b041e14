package dev.returnkit.examples.report;

import static dev.returnkit.spi.vocabulary.ReturnCommand.APPROVE;
import static dev.returnkit.spi.vocabulary.ReturnCommand.ARRANGE_SHIPMENT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.COMPLETE_SETTLEMENT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.GRANT_RETURNLESS_REFUND;
import static dev.returnkit.spi.vocabulary.ReturnCommand.INSPECT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.RECEIVE;
import static dev.returnkit.spi.vocabulary.ReturnCommand.RECORD_DELIVERY;
import static dev.returnkit.spi.vocabulary.ReturnCommand.RECORD_IN_TRANSIT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.RECORD_LOSS;
import static dev.returnkit.spi.vocabulary.ReturnCommand.REJECT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.REQUEST;

import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A stage of a return whose duration the report measures, read from the case's history: from
 * the first entry that starts it to the first later entry that ends it. A case that never went
 * through the stage (a rejected request has no transit) is not counted for it.
 */
public enum Stage {

  /** From a request sent to manual review to the reviewer's decision. */
  REVIEW("Manual review", "sent to review", "decided",
      e -> e.command() == REQUEST && e.toStatus() == ReturnStatus.IN_REVIEW,
      commands(APPROVE, REJECT)),

  /** From approval to the customer's label or pickup. */
  SHIPMENT("Label or pickup", "approved", "arranged",
      e -> e.toStatus() == ReturnStatus.APPROVED, commands(ARRANGE_SHIPMENT)),

  /** From the label to the carrier's first sign of the parcel. */
  DROP_OFF("Customer hands parcel over", "arranged", "first scan",
      commands(ARRANGE_SHIPMENT), commands(RECORD_IN_TRANSIT, RECORD_DELIVERY, RECEIVE)),

  /** The carrier's part. */
  TRANSIT("In transit", "first scan", "delivered",
      commands(RECORD_IN_TRANSIT), commands(RECORD_DELIVERY)),

  /** Parcels waiting at the dock. */
  DOCK("Dock to count", "delivered", "counted",
      commands(RECORD_DELIVERY), commands(RECEIVE)),

  /** Goods waiting for an inspector. */
  INSPECTION("Inspection", "counted", "inspected", commands(RECEIVE),
      commands(INSPECT)),

  /** From the decision on the goods to the money. */
  SETTLEMENT("Settlement", "inspected or lost", "paid",
      commands(INSPECT, GRANT_RETURNLESS_REFUND, RECORD_LOSS), commands(COMPLETE_SETTLEMENT)),

  /** What a customer who sent a parcel waits for their money. */
  PARCEL_TO_MONEY("Parcel handed over to money", "first scan", "paid",
      commands(RECORD_IN_TRANSIT), commands(COMPLETE_SETTLEMENT)),

  /** The whole return. */
  END_TO_END("Request to completion", "requested", "paid",
      commands(REQUEST), commands(COMPLETE_SETTLEMENT));

  private final String label;
  private final String from;
  private final String to;
  private final Predicate<HistoryEntry> starts;
  private final Predicate<HistoryEntry> ends;

  Stage(String label, String from, String to, Predicate<HistoryEntry> starts,
      Predicate<HistoryEntry> ends) {
    this.label = label;
    this.from = from;
    this.to = to;
    this.starts = starts;
    this.ends = ends;
  }

  /**
   * The stage's name in the report.
   *
   * @return the label
   */
  public String label() {
    return label;
  }

  /**
   * Where the stage starts and ends, in words.
   *
   * @return e.g. {@code counted -> inspected}
   */
  public String span() {
    return from + " -> " + to;
  }

  /**
   * How long a case spent in this stage.
   *
   * @param history the case's history, oldest first
   * @return the duration, or empty if the case did not go through the stage
   */
  public Optional<Duration> measure(List<HistoryEntry> history) {
    Instant start = null;
    for (HistoryEntry entry : history) {
      if (start == null) {
        if (starts.test(entry)) {
          start = entry.at();
        }
      } else if (ends.test(entry)) {
        return Optional.of(Duration.between(start, entry.at()));
      }
    }
    return Optional.empty();
  }

  private static Predicate<HistoryEntry> commands(ReturnCommand... commands) {
    Set<ReturnCommand> set = EnumSet.of(commands[0], commands);
    return entry -> set.contains(entry.command());
  }
}
