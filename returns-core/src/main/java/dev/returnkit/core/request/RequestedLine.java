package dev.returnkit.core.request;

import dev.returnkit.spi.exchange.ReplacementItem;
import dev.returnkit.spi.id.OrderLineId;
import dev.returnkit.spi.text.PlainText;
import dev.returnkit.spi.vocabulary.Resolution;
import dev.returnkit.spi.vocabulary.ReturnReason;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * One order line the customer wants to return.
 *
 * @param orderLineId the order line
 * @param quantity units to return, at least 1 and at most what remains unreturned
 * @param reason why
 * @param resolution what the customer wants instead
 * @param note the customer's explanation; expected for {@link ReturnReason#OTHER}
 * @param replacement for an exchange, what the customer wants instead (another size, another
 *     colour, another product) at its price, one unit for each unit returned; {@code null} for
 *     every other resolution, and for an exchange for the same item again
 */
public record RequestedLine(
    @NotNull OrderLineId orderLineId,
    @Positive @Max(10_000) int quantity,
    @NotNull ReturnReason reason,
    @NotNull Resolution resolution,
    @PlainText(multiline = true) @Size(max = 2000) String note,
    @Valid ReplacementItem replacement) {

  /**
   * A line with no replacement named.
   *
   * @param orderLineId the order line
   * @param quantity units
   * @param reason why
   * @param resolution what the customer wants
   * @param note the customer's explanation, or null
   */
  public RequestedLine(OrderLineId orderLineId, int quantity, ReturnReason reason,
      Resolution resolution, String note) {
    this(orderLineId, quantity, reason, resolution, note, null);
  }

  /**
   * An exchange for a replacement.
   *
   * @param orderLineId the order line returned
   * @param quantity units returned
   * @param reason why
   * @param replacement what the customer wants instead
   * @return the line
   */
  public static RequestedLine exchange(OrderLineId orderLineId, int quantity,
      ReturnReason reason, ReplacementItem replacement) {
    return new RequestedLine(orderLineId, quantity, reason, Resolution.EXCHANGE, null,
        replacement);
  }

  /**
   * A line without a note.
   *
   * @param orderLineId the order line
   * @param quantity units
   * @param reason why
   * @param resolution what the customer wants
   * @return the line
   */
  public static RequestedLine of(OrderLineId orderLineId, int quantity, ReturnReason reason,
      Resolution resolution) {
    return new RequestedLine(orderLineId, quantity, reason, resolution, null);
  }
}
