package dev.returnkit.core.request;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.OrderId;
import dev.returnkit.spi.vocabulary.Actor;
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
}
