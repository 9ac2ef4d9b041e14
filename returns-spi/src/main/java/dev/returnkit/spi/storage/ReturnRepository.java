package dev.returnkit.spi.storage;

import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where return cases and their history live.
 *
 * <p><b>Atomicity:</b> {@link #save} stores the snapshot, appends the new history entries (and,
 * for adapters with an outbox, the events) all together or not at all. <b>Optimistic
 * locking:</b> a write names the version it read; if the stored version differs (or a new case
 * already exists), it throws {@link ConcurrentReturnUpdateException} and stores nothing, so no
 * update is ever lost. <b>Order limits:</b> within the same atomic write, the adapter checks the
 * written case against the stored cases of its order with {@link OrderLimits#check} and throws
 * {@link OrderLimitExceededException}, storing nothing, if the cases would hold more units of an
 * order line than were bought, owe more for it than was paid, or refund more outbound shipping
 * than was paid: the last defence against two processes returning or refunding the same thing.
 * <b>History:</b> entries are only ever appended, never changed or removed; {@link #history}
 * returns them in sequence order. <b>Identity:</b> a case's order and customer
 * never change after its first save. <b>Ordering:</b> "then by id" means Java {@code String}
 * order of the id's value (UTF-16 code units; a SQL adapter uses a binary collation such as
 * PostgreSQL's {@code COLLATE "C"}). <b>Instants</b> must round-trip with at least
 * microsecond precision (returnkit truncates its clock to microseconds). <b>Thread-safety:</b>
 * implementations must be safe to call from many threads. <b>Errors:</b> reads return empty
 * results for unknown ids; infrastructure failures surface as unchecked exceptions of the
 * adapter's choosing.
 *
 * <p>The contract test {@code dev.returnkit.tck.ReturnRepositoryContract} (artifact
 * {@code returns-tck}) checks all of this for an implementation.
 */
public interface ReturnRepository {

  /**
   * Stores a case snapshot with its new history entries, if the stored version is still the
   * expected one.
   *
   * @param write the snapshot, the version it was read at, the new entries and events
   * @throws ConcurrentReturnUpdateException if the stored version is not
   *     {@code write.expectedVersion()} (or the case exists when 0 was expected); checked
   *     first, so a writer that lost a race is always told to reload, even though its history
   *     no longer continues the stored one either
   * @throws OrderLimitExceededException if the write would break an order limit
   * @throws IllegalArgumentException if the expected version matches but the new entries do not
   *     continue the stored history
   */
  void save(CaseWrite write);

  /**
   * Loads a case.
   *
   * @param id the case
   * @return its latest snapshot, or empty
   */
  Optional<ReturnCaseSnapshot> findById(ReturnId id);

  /**
   * Loads a case's history.
   *
   * @param id the case
   * @return every entry in sequence order; empty for an unknown case
   */
  List<HistoryEntry> history(ReturnId id);

  /**
   * The cases opened against an order, oldest request first: returnkit uses them to know what
   * was already returned and refunded.
   *
   * @param orderId the order
   * @return the cases, ordered by request time then id
   */
  List<ReturnCaseSnapshot> findByOrder(OrderId orderId);

  /**
   * A customer's cases requested in a time range, for return-rate policies.
   *
   * @param customerId the customer
   * @param requested the range their request time must fall in
   * @return the cases, ordered by request time then id
   */
  List<ReturnCaseSnapshot> findByCustomer(CustomerId customerId, TimeRange requested);

  /**
   * A page of cases in some states, requested in a time range: for reports and back-office
   * lists.
   *
   * @param statuses the states to include (non-empty)
   * @param requested the range the request time must fall in
   * @param page the page size and the token of the previous page
   * @return the page, ordered by request time then id; its token, if any, leads to the cases
   *     after its last one (a page that ends exactly at the last match may carry a token whose
   *     page is empty)
   * @throws IllegalArgumentException if {@code statuses} is empty or the page token is not one
   *     this repository produced
   */
  Page<ReturnCaseSnapshot> findByStatus(Set<ReturnStatus> statuses, TimeRange requested,
      PageRequest page);

  /**
   * Cases in some states whose next step was due before an instant: overdue reviews, drop-offs
   * past their deadline, and so on.
   *
   * @param statuses the states to include (non-empty)
   * @param dueBefore cases with {@code dueAt} strictly before this are returned
   * @param limit the most cases to return, at least 1
   * @return the cases, most overdue first (by due time, then id)
   * @throws IllegalArgumentException if {@code statuses} is empty or {@code limit} below 1
   */
  List<ReturnCaseSnapshot> findDue(Set<ReturnStatus> statuses, Instant dueBefore, int limit);
}
