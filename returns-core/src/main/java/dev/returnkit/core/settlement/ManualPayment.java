package dev.returnkit.core.settlement;

import dev.returnkit.spi.text.PlainText;
import dev.returnkit.spi.vocabulary.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A supervisor's confirmation that a planned payment, which the payment provider refused for
 * good, was made another way (a bank transfer, a voucher handed over in store). The only way to
 * finish a settlement stuck on such a payment.
 *
 * @param confirmedBy the supervisor (the standard access policy refuses other roles)
 * @param idempotencyKey the planned payment, as the case's {@code payments} list it
 * @param reference the outside payment's own reference, for the books
 * @param note why it was paid outside the provider
 */
public record ManualPayment(
    @NotNull @Valid Actor confirmedBy,
    @NotBlank @PlainText @Size(max = 200) String idempotencyKey,
    @NotBlank @PlainText @Size(max = 100) String reference,
    @PlainText(multiline = true) @Size(max = 2000) String note) {

  /**
   * What the provider reference of a payment made outside the payment provider starts with,
   * before the outside payment's own reference: {@code OUTSIDE:BANK-7}.
   */
  public static final String OUTSIDE_PROVIDER = "OUTSIDE:";
}
