package dev.returnkit.core.request;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A customer's request to return lines of one order: the input of {@code Returns.request} and
 * {@code Returns.preview}.
 *
 * @param orderId the order
 * @param customerId the customer; must be the order's customer
 * @param lines the lines to return, 1 to 100, each order line at most once
 * @param requestedBy who filed the request (the customer, or an agent on the phone)
 */
public record ReturnRequest(
    @NotNull OrderId orderId,
    @NotNull CustomerId customerId,
    @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid RequestedLine> lines,
    @NotNull @Valid Actor requestedBy) {

  // A copy that keeps null elements (List.copyOf would throw on them), so validation can
  // report them by position.
  public ReturnRequest {
    lines = lines == null ? null : Collections.unmodifiableList(new ArrayList<>(lines));
  }

  /**
   * A request the customer files themselves, with no lines yet: add them with
   * {@link #withLine}.
   *
   * <pre>{@code
   * ReturnRequest request = ReturnRequest.byCustomer("O-1001", "C-42")
   *     .withLine("1", 1, ReturnReason.DOES_NOT_FIT);
   * }</pre>
   *
   * @param orderId the order
   * @param customerId the customer, who is also the one asking
   * @return the request
   */
  public static ReturnRequest byCustomer(String orderId, String customerId) {
    return byCustomer(OrderId.of(orderId), CustomerId.of(customerId));
  }

  /**
   * A request the customer files themselves, with no lines yet.
   *
   * @param orderId the order
   * @param customerId the customer, who is also the one asking
   * @return the request
   */
  public static ReturnRequest byCustomer(OrderId orderId, CustomerId customerId) {
    return new ReturnRequest(orderId, customerId, List.of(),
        Actor.customer(customerId.value()));
  }

  /**
   * This request with one more line, for a refund to the original payment.
   *
   * @param orderLineId the order line
   * @param quantity units to return
   * @param reason why
   * @return the extended request
   */
  public ReturnRequest withLine(String orderLineId, int quantity, ReturnReason reason) {
    return withLine(RequestedLine.of(OrderLineId.of(orderLineId), quantity, reason,
        Resolution.REFUND));
  }

  /**
   * This request with one more line.
   *
   * @param line the line
   * @return the extended request
   */
  public ReturnRequest withLine(RequestedLine line) {
    List<RequestedLine> more = new ArrayList<>(lines);
    more.add(line);
    return new ReturnRequest(orderId, customerId, more, requestedBy);
  }
}
