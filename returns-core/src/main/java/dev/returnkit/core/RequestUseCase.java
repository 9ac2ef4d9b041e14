package dev.returnkit.core;

import dev.returnkit.core.access.AccessRequest;
import dev.returnkit.core.request.CustomerHistory;
import dev.returnkit.core.request.EligibilityPreview;
import dev.returnkit.core.request.RequestChecks;
import dev.returnkit.core.request.RequestContext;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.returncase.ReturnCase;
import dev.returnkit.core.returncase.ServiceLevels;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.Violations;
import dev.returnkit.spi.id.ReturnIdSource;
import dev.returnkit.spi.order.OrderLookup;
import dev.returnkit.spi.order.OrderSnapshot;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnLineSnapshot;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Operation;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Request and preview: a customer's request checked and decided against the order, its other
 * returns and the customer's history. The order and the history are read first, outside any
 * lock; the order's other cases are read, and the new case stored, under the order's lock, so
 * two requests on one order in this process cannot both pass the quantity check (storage's
 * order limits hold the line across processes). Thread-safe.
 */
final class RequestUseCase {

  private final CaseStore store;
  private final AccessGuard access;
  private final OrderLookup orders;
  private final ReturnPolicies policies;
  private final OrderLocks locks;
  private final ReturnIdSource ids;
  private final ServiceLevels serviceLevels;
  private final Duration customerHistoryWindow;
  private final InputValidator validator;
  private final Supplier<Instant> now;

  RequestUseCase(CaseStore store, AccessGuard access, OrderLookup orders, ReturnPolicies policies,
      OrderLocks locks, ReturnIdSource ids, ServiceLevels serviceLevels,
      Duration customerHistoryWindow, InputValidator validator, Supplier<Instant> now) {
    this.store = store;
    this.access = access;
    this.orders = orders;
    this.policies = policies;
    this.locks = locks;
    this.ids = ids;
    this.serviceLevels = serviceLevels;
    this.customerHistoryWindow = customerHistoryWindow;
    this.validator = validator;
    this.now = now;
  }

  ReturnResult request(ReturnRequest request) {
    OrderSnapshot order = checked(request, Operation.REQUEST);
    Instant at = now.get();
    CustomerHistory customer = customerHistory(request, at);
    return locks.withLock(order.id(), () -> {
      ReturnCase opened = ReturnCase.request(ids.next(), request, context(order, customer, at),
          policies.eligibility(), serviceLevels);
      if (opened.qualifiesForReturnlessRefund()) {
        opened.grantReturnlessRefund(policies.liability(), Actor.SYSTEM, at);
      }
      return store.commit(opened);
    });
  }

  EligibilityPreview preview(ReturnRequest request) {
    OrderSnapshot order = checked(request, Operation.PREVIEW);
    Instant at = now.get();
    return ReturnCase.preview(request, context(order, customerHistory(request, at), at),
        policies.eligibility());
  }

  private RequestContext context(OrderSnapshot order, CustomerHistory customer, Instant at) {
    return new RequestContext(order, store.ledger(order.id(), null), customer, at);
  }

  /**
   * The order of a request whose actor may make it. A malformed request is reported with every
   * problem at once: its shape and, as far as its shape lets them be checked, its contradictions
   * with the order (which the aggregate checks again, as its guard, on a well-formed one). The
   * order's contents are told only to an actor the access policy lets in.
   */
  private OrderSnapshot checked(ReturnRequest request, Operation operation) {
    Violations problems = new Violations("return request")
        .addAll(validator.violations("return request", request));
    Optional<OrderSnapshot> order = request.orderId() == null ? Optional.empty()
        : orders.findOrder(request.orderId());
    if (request.orderId() != null && order.isEmpty()) {
      problems.add("orderId", "order " + request.orderId() + " does not exist");
    }
    Set<String> malformed = problems.list().stream().map(Violation::path)
        .collect(Collectors.toSet());
    boolean actorWellFormed = malformed.stream()
        .noneMatch(path -> path.equals("requestedBy") || path.startsWith("requestedBy."));
    if (order.isPresent() && actorWellFormed) {
      access.check(AccessRequest.onOrder(request.requestedBy(), operation, order.get()));
      // A list too long to take is not checked line by line; a field already malformed keeps
      // its own message only. A well-formed request is checked against the order by the
      // aggregate, its guard.
      if (!malformed.isEmpty() && !malformed.contains("lines")) {
        RequestChecks.check(request, order.get(), store.ledger(order.get().id(), null)).stream()
            .filter(violation -> !malformed.contains(violation.path()))
            .forEach(violation -> problems.add(violation.path(), violation.message()));
      }
    }
    problems.throwIfAny();
    return order.orElseThrow();
  }


  /** The customer's cases and purchases in the window, for return-rate policies. */
  private CustomerHistory customerHistory(ReturnRequest request, Instant at) {
    Instant since = at.minus(customerHistoryWindow);
    int cases = 0;
    int units = 0;
    for (ReturnCaseSnapshot past :
        store.repository().findByCustomer(request.customerId(), TimeRange.since(since))) {
      int caseUnits = 0;
      for (ReturnLineSnapshot line : past.lines()) {
        caseUnits += line.unitsHeld(past.status());
      }
      if (caseUnits > 0) {
        cases++;
        units += caseUnits;
      }
    }
    return new CustomerHistory(request.customerId(), since, cases, units,
        orders.purchasesSince(request.customerId(), since));
  }
}
