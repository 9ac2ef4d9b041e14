package dev.returnkit.core.shipment;

import dev.returnkit.spi.logistics.ShippingMethod;
import dev.returnkit.spi.vocabulary.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * How the customer wants to send the goods back.
 *
 * @param method label or pickup
 * @param requestedBy who asked
 */
public record ShipmentOptions(@NotNull ShippingMethod method,
    @NotNull @Valid Actor requestedBy) {}
