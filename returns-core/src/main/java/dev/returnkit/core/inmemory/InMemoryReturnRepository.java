package dev.returnkit.core.inmemory;

import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.OrderLimitExceededException;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.OrderLimits;
import dev.returnkit.spi.storage.Page;
import dev.returnkit.spi.storage.PageRequest;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A {@link ReturnRepository} in memory: the embedded default, and the reference the TCK is
 * checked against. Everything is lost when the JVM stops.
 *
 * <p>Thread-safe: writes take an exclusive lock, reads a shared one, so a save (snapshot and
 * history together) is atomic to every reader. Queries scan all cases, which is fine for tests,
 * demos and embedded use up to some hundred thousand cases; use a database adapter beyond.
 */
public final class InMemoryReturnRepository implements ReturnRepository {

  private static final Comparator<ReturnCaseSnapshot> BY_REQUEST_TIME =
      Comparator.comparing(ReturnCaseSnapshot::requestedAt)
          .thenComparing(snapshot -> snapshot.id().value());
  private static final Comparator<ReturnCaseSnapshot> BY_DUE_TIME =
      Comparator.comparing(ReturnCaseSnapshot::dueAt)
          .thenComparing(snapshot -> snapshot.id().value());

  private final ReadWriteLock lock = new ReentrantReadWriteLock();
  private final Map<ReturnId, Stored> cases = new HashMap<>();
  private final Map<OrderId, Set<ReturnId>> byOrder = new HashMap<>();
  private final Map<CustomerId, Set<ReturnId>> byCustomer = new HashMap<>();

  private record Stored(ReturnCaseSnapshot snapshot, List<HistoryEntry> history) {}

  /** An empty repository. */
  public InMemoryReturnRepository() {}

  @Override
  public void save(CaseWrite write) {
    ReturnCaseSnapshot snapshot = write.snapshot();
    lock.writeLock().lock();
    try {
      Stored current = cases.get(snapshot.id());
      long storedVersion = current == null ? 0 : current.snapshot().version();
      if (storedVersion != write.expectedVersion()) {
        throw new ConcurrentReturnUpdateException(snapshot.id(), write.expectedVersion(),
            storedVersion);
      }
      HistoryHead head = current == null ? HistoryHead.EMPTY : current.snapshot().historyHead();
      HistoryEntry first = write.newHistory().get(0);
      if (first.sequence() != head.sequence() + 1 || !first.previousHash().equals(head.hash())) {
        throw new IllegalArgumentException("new history of return case " + snapshot.id()
            + " does not continue the stored history: stored entries end at " + head.sequence()
            + ", the first new entry is " + first.sequence());
      }
      List<ReturnCaseSnapshot> others = new ArrayList<>();
      for (ReturnId other : byOrder.getOrDefault(snapshot.orderId(), Set.of())) {
        if (!other.equals(snapshot.id())) {
          others.add(cases.get(other).snapshot());
        }
      }
      Optional<String> exceeded = OrderLimits.check(snapshot, others);
      if (exceeded.isPresent()) {
        throw new OrderLimitExceededException(snapshot.id(), snapshot.orderId(),
            exceeded.get());
      }
      List<HistoryEntry> history = new ArrayList<>(
          current == null ? List.of() : current.history());
      for (HistoryEntry erased : write.erasedHistory()) {
        HistoryEntry stored = history.get(erased.sequence() - 1);
        if (!stored.hash().equals(erased.hash())) {
          throw new IllegalArgumentException("the erasure of entry #" + erased.sequence()
              + " of " + snapshot.id() + " does not match the stored entry");
        }
        history.set(erased.sequence() - 1, erased);
      }
      history.addAll(write.newHistory());
      cases.put(snapshot.id(), new Stored(snapshot, List.copyOf(history)));
      if (current == null) {
        byOrder.computeIfAbsent(snapshot.orderId(), k -> new LinkedHashSet<>())
            .add(snapshot.id());
        byCustomer.computeIfAbsent(snapshot.customerId(), k -> new LinkedHashSet<>())
            .add(snapshot.id());
      }
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Optional<ReturnCaseSnapshot> findById(ReturnId id) {
    lock.readLock().lock();
    try {
      Stored stored = cases.get(id);
      return stored == null ? Optional.empty() : Optional.of(stored.snapshot());
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<HistoryEntry> history(ReturnId id) {
    lock.readLock().lock();
    try {
      Stored stored = cases.get(id);
      return stored == null ? List.of() : stored.history();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<ReturnCaseSnapshot> findByOrder(OrderId orderId) {
    lock.readLock().lock();
    try {
      return snapshotsOf(byOrder.getOrDefault(orderId, Set.of())).stream()
          .sorted(BY_REQUEST_TIME).toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<ReturnCaseSnapshot> findByCustomer(CustomerId customerId, TimeRange requested) {
    lock.readLock().lock();
    try {
      return snapshotsOf(byCustomer.getOrDefault(customerId, Set.of())).stream()
          .filter(snapshot -> requested.contains(snapshot.requestedAt()))
          .sorted(BY_REQUEST_TIME).toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Page<ReturnCaseSnapshot> findByStatus(Set<ReturnStatus> statuses, TimeRange requested,
      PageRequest page) {
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("name at least one status");
    }
    Position after = page.pageToken() == null ? null : Position.decode(page.pageToken());
    List<ReturnCaseSnapshot> matching;
    lock.readLock().lock();
    try {
      matching = cases.values().stream().map(Stored::snapshot)
          .filter(snapshot -> statuses.contains(snapshot.status()))
          .filter(snapshot -> requested.contains(snapshot.requestedAt()))
          .filter(snapshot -> after == null || after.isBefore(snapshot))
          .sorted(BY_REQUEST_TIME)
          .limit(page.size() + 1L)
          .toList();
    } finally {
      lock.readLock().unlock();
    }
    if (matching.size() <= page.size()) {
      return new Page<>(matching, null);
    }
    List<ReturnCaseSnapshot> items = matching.subList(0, page.size());
    return new Page<>(items, Position.of(items.get(items.size() - 1)).encode());
  }

  @Override
  public List<ReturnCaseSnapshot> findDue(Set<ReturnStatus> statuses, Instant dueBefore,
      int limit) {
    if (statuses.isEmpty()) {
      throw new IllegalArgumentException("name at least one status");
    }
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, got " + limit);
    }
    lock.readLock().lock();
    try {
      return cases.values().stream().map(Stored::snapshot)
          .filter(snapshot -> statuses.contains(snapshot.status()))
          .filter(snapshot -> snapshot.dueAt() != null && snapshot.dueAt().isBefore(dueBefore))
          .sorted(BY_DUE_TIME)
          .limit(limit)
          .toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * How many cases are stored.
   *
   * @return the number of cases
   */
  public int size() {
    lock.readLock().lock();
    try {
      return cases.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Every stored case, oldest request first: for reports over a whole in-memory run.
   *
   * @return all snapshots
   */
  public List<ReturnCaseSnapshot> all() {
    lock.readLock().lock();
    try {
      return cases.values().stream().map(Stored::snapshot).sorted(BY_REQUEST_TIME).toList();
    } finally {
      lock.readLock().unlock();
    }
  }

  private List<ReturnCaseSnapshot> snapshotsOf(Set<ReturnId> ids) {
    List<ReturnCaseSnapshot> found = new ArrayList<>(ids.size());
    for (ReturnId id : ids) {
      found.add(cases.get(id).snapshot());
    }
    return found;
  }

  /** A keyset position: request time and id of the last item of a page. */
  private record Position(Instant requestedAt, String id) {

    static Position of(ReturnCaseSnapshot snapshot) {
      return new Position(snapshot.requestedAt(), snapshot.id().value());
    }

    boolean isBefore(ReturnCaseSnapshot snapshot) {
      int byTime = requestedAt.compareTo(snapshot.requestedAt());
      return byTime < 0 || (byTime == 0 && id.compareTo(snapshot.id().value()) < 0);
    }

    String encode() {
      String raw = requestedAt + "|" + id;
      return Base64.getUrlEncoder().withoutPadding()
          .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String token) {
      try {
        String raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        int bar = raw.indexOf('|');
        if (bar < 0) {
          throw new IllegalArgumentException("not a page token of this repository: " + token);
        }
        return new Position(Instant.parse(raw.substring(0, bar)), raw.substring(bar + 1));
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("not a page token of this repository: " + token, e);
      }
    }
  }
}
