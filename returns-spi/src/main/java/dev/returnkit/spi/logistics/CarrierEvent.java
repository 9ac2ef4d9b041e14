package dev.returnkit.spi.logistics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A carrier's report about a return parcel, as the host receives it (a webhook, a feed) and
 * passes it to {@code Returns.recordCarrierEvent}.
 *
 * @param type what happened
 * @param trackingNumber the parcel; must match the case's shipment
 * @param occurredAt when the carrier says it happened
 * @param location where, as the carrier names it, or {@code null}
 */
public record CarrierEvent(
    @NotNull CarrierEventType type,
    @NotBlank @Size(max = 64) String trackingNumber,
    @NotNull Instant occurredAt,
    @Size(max = 200) String location) {}
