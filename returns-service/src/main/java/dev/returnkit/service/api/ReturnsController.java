package dev.returnkit.service.api;

import dev.returnkit.core.InputValidator;
import dev.returnkit.core.Returns;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.returncase.Cancellation;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.service.security.CurrentActor;
import dev.returnkit.spi.ReturnNotFoundException;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.storage.ReturnRepository;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The returns API: one endpoint per use case of {@link Returns}, the case and its history, its
 * audit, and the search by order or customer. The actor of every command is the signed-in
 * user; what they may do is returnkit's access policy (a refusal is a 403 naming the actor and
 * the operation). A customer reads only their own cases: another's is answered 404, as if it
 * did not exist. A command that loses a race with another writer runs once more ({@link
 * Races}).
 */
@RestController
@RequestMapping("/api/returns")
public class ReturnsController {

  private final Returns returns;
  private final ReturnRepository repository;
  private final InputValidator validator;

  /**
   * The API over the application's returnkit.
   *
   * @param returns the facade
   * @param repository the storage, for the searches
   * @param validator the input validation the facade also runs
   */
  public ReturnsController(Returns returns, ReturnRepository repository,
      InputValidator validator) {
    this.returns = returns;
    this.repository = repository;
    this.validator = validator;
  }

  /**
   * Asks to return items: the case is approved, sent to review or rejected by the policies.
   *
   * @param form the request
   * @param user the signed-in user
   * @return 201 with the case, its URL in {@code Location}
   */
  @PostMapping
  public ResponseEntity<Views.Result> request(@RequestBody Forms.Request form,
      Authentication user) {
    ReturnRequest request = FormReader.request(validator, form, CurrentActor.of(user));
    Views.Result result = Views.Result.of(Races.retryOnce(() -> returns.request(request)));
    return ResponseEntity.created(URI.create("/api/returns/" + result.returnCase().id()))
        .body(result);
  }

  /**
   * What a request would come to, storing nothing.
   *
   * @param form the request
   * @param user the signed-in user
   * @return the preview
   */
  @PostMapping("/preview")
  public Views.Preview preview(@RequestBody Forms.Request form, Authentication user) {
    return Views.Preview.of(returns.preview(
        FormReader.request(validator, form, CurrentActor.of(user))));
  }

  /**
   * The cases of an order or of a customer (a customer: their own only).
   *
   * @param orderId the order, or
   * @param customerId the customer
   * @param user the signed-in user
   * @return the cases, oldest first
   */
  @GetMapping
  public List<Views.Case> search(@RequestParam(required = false) String orderId,
      @RequestParam(required = false) String customerId, Authentication user) {
    Actor actor = CurrentActor.of(user);
    List<ReturnCaseSnapshot> found;
    if (orderId != null) {
      found = repository.findByOrder(FormReader.orderId(orderId));
    } else if (customerId != null || actor.role() == ActorRole.CUSTOMER) {
      found = repository.findByCustomer(FormReader.customerId(customerId == null ? actor.id()
          : customerId), TimeRange.ALL);
    } else {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
          "search by orderId or by customerId");
    }
    return found.stream().filter(snapshot -> mayRead(actor, snapshot)).map(Views.Case::of)
        .toList();
  }

  /**
   * A case.
   *
   * @param id the case
   * @param user the signed-in user
   * @return the case
   */
  @GetMapping("/{id}")
  public Views.Case find(@PathVariable String id, Authentication user) {
    return Views.Case.of(readable(id, CurrentActor.of(user)));
  }

  /**
   * A case's history, oldest entry first.
   *
   * @param id the case
   * @param user the signed-in user
   * @return the entries
   */
  @GetMapping("/{id}/history")
  public List<Views.Entry> history(@PathVariable String id, Authentication user) {
    ReturnCaseSnapshot snapshot = readable(id, CurrentActor.of(user));
    return returns.history(snapshot.id()).stream().map(Views.Entry::of).toList();
  }

  /**
   * Whether a case agrees with its tamper-evident history (staff only, by the access policy).
   *
   * @param id the case
   * @param user the signed-in user
   * @return the audit
   */
  @GetMapping("/{id}/verification")
  public Views.Audit verify(@PathVariable String id, Authentication user) {
    return Views.Audit.of(returns.audit(FormReader.returnId(id), CurrentActor.of(user)));
  }

  /**
   * Approves a case in review.
   *
   * @param id the case
   * @param form the note
   * @param user the reviewer
   * @return the result
   */
  @PostMapping("/{id}/approval")
  public Views.Result approve(@PathVariable String id,
      @RequestBody(required = false) Forms.Approval form, Authentication user) {
    ReturnId returnId = FormReader.returnId(id);
    Approval input = FormReader.approval(validator, form, CurrentActor.of(user));
    return Views.Result.of(Races.retryOnce(() -> returns.approve(returnId, input)));
  }

  /**
   * Rejects a case in review.
   *
   * @param id the case
   * @param form the reason code and note
   * @param user the reviewer
   * @return the result
   */
  @PostMapping("/{id}/rejection")
  public Views.Result reject(@PathVariable String id, @RequestBody Forms.Rejection form,
      Authentication user) {
    ReturnId returnId = FormReader.returnId(id);
    Rejection input = FormReader.rejection(validator, form, CurrentActor.of(user));
    return Views.Result.of(Races.retryOnce(() -> returns.reject(returnId, input)));
  }

  /**
   * Books the return shipment: a label or a pickup.
   *
   * @param id the case
   * @param form the method
   * @param user who asks
   * @return the result, with the tracking number and label
   */
  @PostMapping("/{id}/shipment")
  public Views.Result arrangeShipment(@PathVariable String id,
      @RequestBody Forms.Shipment form, Authentication user) {
    ReturnId returnId = FormReader.returnId(id);
    ShipmentOptions input = FormReader.shipment(validator, form, CurrentActor.of(user));
    return Views.Result.of(Races.retryOnce(() -> returns.arrangeShipment(returnId, input)));
  }

  /**
   * Records the units the warehouse counted in the parcel.
   *
   * @param id the case
   * @param form the counts
   * @param user the warehouse worker
   * @return the result
   */
  @PostMapping("/{id}/receipt")
  public Views.Result receive(@PathVariable String id, @RequestBody Forms.Receipt form,
      Authentication user) {
    ReturnId returnId = FormReader.returnId(id);
    GoodsReceipt input = FormReader.receipt(validator, form, CurrentActor.of(user));
    return Views.Result.of(Races.retryOnce(() -> returns.receive(returnId, input)));
  }

  /**
   * Records the inspection: units accepted, grade and findings per line.
   *
   * @param id the case
   * @param form the inspection
   * @param user the inspector
   * @return the result, with the money worked out
   */
  @PostMapping("/{id}/inspection")
  public Views.Result inspect(@PathVariable String id, @RequestBody Forms.Inspection form,
      Authentication user) {
    ReturnId returnId = FormReader.returnId(id);
    InspectionReport input = FormReader.inspection(validator, form, CurrentActor.of(user));
    return Views.Result.of(Races.retryOnce(() -> returns.inspect(returnId, input)));
  }

  /**
   * Pays out what the case owes (503 when the provider is down: the case waits).
   *
   * @param id the case
   * @param user who settles
   * @return the result, with the payments
   */
  @PostMapping("/{id}/settlement")
  public Views.Result settle(@PathVariable String id, Authentication user) {
    ReturnId returnId = FormReader.returnId(id);
    Actor actor = CurrentActor.of(user);
    return Views.Result.of(Races.retryOnce(() -> returns.settle(returnId, actor)));
  }

  /**
   * Cancels a case.
   *
   * @param id the case
   * @param form the reason
   * @param user who cancels
   * @return the result
   */
  @PostMapping("/{id}/cancellation")
  public Views.Result cancel(@PathVariable String id,
      @RequestBody(required = false) Forms.Cancellation form, Authentication user) {
    ReturnId returnId = FormReader.returnId(id);
    Cancellation input = FormReader.cancellation(validator, form, CurrentActor.of(user));
    return Views.Result.of(Races.retryOnce(() -> returns.cancel(returnId, input)));
  }

  private ReturnCaseSnapshot readable(String id, Actor actor) {
    ReturnId returnId = FormReader.returnId(id);
    return returns.find(returnId).filter(snapshot -> mayRead(actor, snapshot))
        .orElseThrow(() -> new ReturnNotFoundException(returnId));
  }

  static boolean mayRead(Actor actor, ReturnCaseSnapshot snapshot) {
    return actor.role() != ActorRole.CUSTOMER || snapshot.customerId().value().equals(actor.id());
  }

  /** Staff only: a customer is refused with Spring Security's 403. */
  static void requireStaff(Actor actor, String what) {
    if (actor.role() == ActorRole.CUSTOMER) {
      throw new AccessDeniedException(actor.role() + ":" + actor.id() + " may not " + what);
    }
  }
}
