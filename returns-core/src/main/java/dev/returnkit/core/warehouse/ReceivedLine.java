package dev.returnkit.core.warehouse;

import dev.returnkit.spi.id.OrderLineId;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * The units of one line the warehouse counted.
 *
 * @param orderLineId the line
 * @param quantity units received, at most the approved quantity
 */
public record ReceivedLine(@NotNull OrderLineId orderLineId,
    @PositiveOrZero @Max(10_000) int quantity) {}
