package dev.returnkit.core.returncase;

import static dev.returnkit.spi.vocabulary.ReturnCommand.APPROVE;
import static dev.returnkit.spi.vocabulary.ReturnCommand.ARRANGE_SHIPMENT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.BEGIN_SETTLEMENT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.CANCEL;
import static dev.returnkit.spi.vocabulary.ReturnCommand.CHARGE_ADVANCE_REPLACEMENT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.COMPLETE_SETTLEMENT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.EXPIRE;
import static dev.returnkit.spi.vocabulary.ReturnCommand.GRANT_RETURNLESS_REFUND;
import static dev.returnkit.spi.vocabulary.ReturnCommand.INSPECT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.RECEIVE;
import static dev.returnkit.spi.vocabulary.ReturnCommand.RECORD_DELIVERY;
import static dev.returnkit.spi.vocabulary.ReturnCommand.RECORD_IN_TRANSIT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.RECORD_LOSS;
import static dev.returnkit.spi.vocabulary.ReturnCommand.RECORD_PAYMENT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.REJECT;
import static dev.returnkit.spi.vocabulary.ReturnStatus.APPROVED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.AWAITING_RETURN;
import static dev.returnkit.spi.vocabulary.ReturnStatus.CANCELLED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.COMPLETED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.DELIVERED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.EXPIRED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.INSPECTED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.IN_REVIEW;
import static dev.returnkit.spi.vocabulary.ReturnStatus.IN_TRANSIT;
import static dev.returnkit.spi.vocabulary.ReturnStatus.LOST_IN_TRANSIT;
import static dev.returnkit.spi.vocabulary.ReturnStatus.RECEIVED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.REJECTED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.SETTLING;

import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lifecycle table of a return case (docs/architecture.md): which command may run in which
 * state, and the state it leads to. {@link ReturnCase} checks every command against it before
 * changing anything.
 *
 * <p>{@link ReturnCommand#REQUEST} is not in the table: it creates the case, which starts in
 * {@code APPROVED}, {@code IN_REVIEW} or {@code REJECTED} as eligibility decides. Immutable and
 * thread-safe.
 */
public final class Lifecycle {

  private static final Map<ReturnStatus, Map<ReturnCommand, ReturnStatus>> TABLE = table();

  private Lifecycle() {}

  private static Map<ReturnStatus, Map<ReturnCommand, ReturnStatus>> table() {
    Map<ReturnStatus, Map<ReturnCommand, ReturnStatus>> table = new EnumMap<>(ReturnStatus.class);
    for (ReturnStatus status : ReturnStatus.values()) {
      table.put(status, new EnumMap<>(ReturnCommand.class));
    }
    table.get(IN_REVIEW).put(APPROVE, APPROVED);
    table.get(IN_REVIEW).put(REJECT, REJECTED);
    table.get(IN_REVIEW).put(CANCEL, CANCELLED);

    table.get(APPROVED).put(ARRANGE_SHIPMENT, AWAITING_RETURN);
    table.get(APPROVED).put(GRANT_RETURNLESS_REFUND, INSPECTED);
    table.get(APPROVED).put(CANCEL, CANCELLED);

    table.get(AWAITING_RETURN).put(RECORD_IN_TRANSIT, IN_TRANSIT);
    // A delivery scan without an earlier transit scan still means the parcel arrived.
    table.get(AWAITING_RETURN).put(RECORD_DELIVERY, DELIVERED);
    table.get(AWAITING_RETURN).put(RECEIVE, RECEIVED);
    table.get(AWAITING_RETURN).put(CANCEL, CANCELLED);
    table.get(AWAITING_RETURN).put(EXPIRE, EXPIRED);
    // An advance exchange's replacement is out: its goods not coming back is charged for.
    table.get(AWAITING_RETURN).put(CHARGE_ADVANCE_REPLACEMENT, SETTLING);

    table.get(IN_TRANSIT).put(RECORD_IN_TRANSIT, IN_TRANSIT);
    table.get(IN_TRANSIT).put(RECORD_DELIVERY, DELIVERED);
    table.get(IN_TRANSIT).put(RECORD_LOSS, LOST_IN_TRANSIT);
    table.get(IN_TRANSIT).put(RECEIVE, RECEIVED);

    // Delivered parcels cannot be lost any more; the warehouse's count moves the case on.
    table.get(DELIVERED).put(RECEIVE, RECEIVED);

    table.get(RECEIVED).put(INSPECT, INSPECTED);

    table.get(INSPECTED).put(BEGIN_SETTLEMENT, SETTLING);
    table.get(LOST_IN_TRANSIT).put(BEGIN_SETTLEMENT, SETTLING);

    table.get(SETTLING).put(RECORD_PAYMENT, SETTLING);
    table.get(SETTLING).put(COMPLETE_SETTLEMENT, COMPLETED);

    // Terminal states (COMPLETED, REJECTED, CANCELLED, EXPIRED) allow nothing.
    Map<ReturnStatus, Map<ReturnCommand, ReturnStatus>> frozen = new EnumMap<>(ReturnStatus.class);
    table.forEach((status, row) -> frozen.put(status, Collections.unmodifiableMap(row)));
    return Collections.unmodifiableMap(frozen);
  }

  /**
   * The state a command leads to from a state.
   *
   * @param from the current state
   * @param command the command
   * @return the next state, or empty if the command is not allowed in {@code from}
   */
  public static Optional<ReturnStatus> target(ReturnStatus from, ReturnCommand command) {
    return Optional.ofNullable(TABLE.get(from).get(command));
  }

  /**
   * The commands a state allows.
   *
   * @param from the state
   * @return the allowed commands, empty for terminal states
   */
  public static Set<ReturnCommand> allowedCommands(ReturnStatus from) {
    return Collections.unmodifiableSet(TABLE.get(from).keySet());
  }
}
