package dev.returnkit.service.api;

import dev.returnkit.core.InputValidator;
import dev.returnkit.core.request.RequestedLine;
import dev.returnkit.core.request.ReturnRequest;
import dev.returnkit.core.returncase.Cancellation;
import dev.returnkit.core.review.Approval;
import dev.returnkit.core.review.Rejection;
import dev.returnkit.core.shipment.ShipmentOptions;
import dev.returnkit.core.warehouse.GoodsReceipt;
import dev.returnkit.core.warehouse.InspectedLine;
import dev.returnkit.core.warehouse.InspectionReport;
import dev.returnkit.core.warehouse.ReceivedLine;
import dev.returnkit.spi.InvalidReturnRequestException;
import dev.returnkit.spi.Violation;
import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.id.Sku;
import dev.returnkit.spi.logistics.CarrierEvent;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Turns a form and the signed-in actor into returnkit's input, and refuses it with every
 * violation at once: the ids and amounts that do not make values (a blank order line id, an
 * unknown currency), the numbers left out, and then all that returnkit's own validation finds
 * in the rest. One reader per call; not thread-safe.
 */
final class FormReader {

  private final InputValidator validator;
  private final List<Violation> violations = new ArrayList<>();

  private FormReader(InputValidator validator) {
    this.validator = validator;
  }

  /**
   * A path segment's case id.
   *
   * @param id the id as the URL has it
   * @return the id
   * @throws InvalidReturnRequestException if it is not a valid id
   */
  static ReturnId returnId(String id) {
    FormReader reader = new FormReader(null);
    ReturnId value = reader.value("id", () -> ReturnId.of(id));
    reader.refuseIfAny("path");
    return value;
  }

  /**
   * A query parameter's order id.
   *
   * @param id the id as given
   * @return the id
   * @throws InvalidReturnRequestException if it is not a valid id
   */
  static OrderId orderId(String id) {
    FormReader reader = new FormReader(null);
    OrderId value = reader.value("orderId", () -> OrderId.of(id));
    reader.refuseIfAny("search");
    return value;
  }

  /**
   * A query parameter's customer id.
   *
   * @param id the id as given
   * @return the id
   * @throws InvalidReturnRequestException if it is not a valid id
   */
  static CustomerId customerId(String id) {
    FormReader reader = new FormReader(null);
    CustomerId value = reader.value("customerId", () -> CustomerId.of(id));
    reader.refuseIfAny("search");
    return value;
  }

  static ReturnRequest request(InputValidator validator, Forms.Request form, Actor actor) {
    FormReader reader = new FormReader(validator);
    String customer = form.customerId() == null && actor.role() == ActorRole.CUSTOMER
        ? actor.id() : form.customerId();
    List<RequestedLine> lines = reader.each("lines", form.lines(), reader::line);
    ReturnRequest request = new ReturnRequest(
        reader.value("orderId", () -> OrderId.of(form.orderId())),
        reader.value("customerId", () -> CustomerId.of(customer)), lines, actor);
    return reader.validated("return request", request);
  }

  static Approval approval(InputValidator validator, Forms.Approval form, Actor actor) {
    return new FormReader(validator).validated("approval",
        new Approval(actor, form == null ? null : form.note()));
  }

  static Rejection rejection(InputValidator validator, Forms.Rejection form, Actor actor) {
    Forms.Rejection given = form == null ? new Forms.Rejection(null, null) : form;
    return new FormReader(validator).validated("rejection",
        new Rejection(actor, given.reasonCode(), given.note()));
  }

  static ShipmentOptions shipment(InputValidator validator, Forms.Shipment form, Actor actor) {
    return new FormReader(validator).validated("shipment options",
        new ShipmentOptions(form == null ? null : form.method(), actor));
  }

  static CarrierEvent carrierEvent(InputValidator validator, Forms.CarrierEvent form) {
    Forms.CarrierEvent given = form == null ? new Forms.CarrierEvent(null, null, null, null)
        : form;
    return new FormReader(validator).validated("carrier event", new CarrierEvent(given.type(),
        given.trackingNumber(), given.occurredAt(), given.location()));
  }

  static GoodsReceipt receipt(InputValidator validator, Forms.Receipt form, Actor actor) {
    FormReader reader = new FormReader(validator);
    List<ReceivedLine> lines = reader.each("lines", form == null ? null : form.lines(),
        (path, line) -> new ReceivedLine(reader.lineId(path, line.orderLineId()),
            reader.number(path + ".quantity", line.quantity())));
    return reader.validated("goods receipt", new GoodsReceipt(actor, lines));
  }

  static InspectionReport inspection(InputValidator validator, Forms.Inspection form,
      Actor actor) {
    FormReader reader = new FormReader(validator);
    List<InspectedLine> lines = reader.each("lines", form == null ? null : form.lines(),
        (path, line) -> new InspectedLine(reader.lineId(path, line.orderLineId()),
            reader.number(path + ".acceptedQuantity", line.acceptedQuantity()), line.grade(),
            line.findings() == null ? Set.of() : line.findings(), line.note()));
    return reader.validated("inspection report", new InspectionReport(actor, lines));
  }

  static Cancellation cancellation(InputValidator validator, Forms.Cancellation form,
      Actor actor) {
    return new FormReader(validator).validated("cancellation",
        new Cancellation(actor, form == null ? null : form.reason()));
  }

  private RequestedLine line(String path, Forms.Line line) {
    ReplacementItem replacement = line.replacement() == null ? null
        : value(path + ".replacement", () -> new ReplacementItem(
            Sku.of(line.replacement().sku()), number(path + ".replacement.quantity",
                line.replacement().quantity()),
            Money.of(line.replacement().unitPrice(),
                Currency.getInstance(line.replacement().currency()))));
    return new RequestedLine(lineId(path, line.orderLineId()),
        number(path + ".quantity", line.quantity()), line.reason(), line.resolution(),
        line.note(), replacement);
  }

  private OrderLineId lineId(String path, String id) {
    return value(path + ".orderLineId", () -> OrderLineId.of(id));
  }

  /** A number the form left out is a violation; 0 stands in for it meanwhile. */
  private int number(String path, Integer given) {
    if (given == null) {
      violations.add(new Violation(path, "must not be null"));
      return 0;
    }
    return given;
  }

  private <F, T> List<T> each(String path, List<F> forms, LineReader<F, T> read) {
    if (forms == null) {
      return null;
    }
    List<T> lines = new ArrayList<>(forms.size());
    for (int i = 0; i < forms.size(); i++) {
      F form = forms.get(i);
      String at = path + "[" + i + "]";
      lines.add(form == null ? null : read.read(at, form));
    }
    return lines;
  }

  /** A value made from the form's text, or a violation at the path saying why not. */
  private <T> T value(String path, Supplier<T> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException | NullPointerException e) {
      violations.add(new Violation(path, reason(e)));
      return null;
    }
  }

  private <T> T validated(String input, T value) {
    if (validator != null) {
      List<Violation> found = validator.violations(input, value);
      // A value that could not be made is null in the input: its "must not be null" would
      // repeat what the reader already said at that path.
      found.stream().filter(v -> violations.stream().noneMatch(mine ->
          mine.path().equals(v.path()))).forEach(violations::add);
    }
    refuseIfAny(input);
    return value;
  }

  private void refuseIfAny(String input) {
    if (!violations.isEmpty()) {
      throw new InvalidReturnRequestException(input, violations);
    }
  }

  private static String reason(RuntimeException e) {
    String message = e.getMessage();
    if (message == null || e instanceof NullPointerException) {
      return "must not be null";
    }
    return message;
  }

  /** Reads one line of a form, at its path. */
  @FunctionalInterface
  private interface LineReader<F, T> {
    T read(String path, F form);
  }
}
