package dev.returnkit.core.audit;

import dev.returnkit.spi.id.CustomerId;
import dev.returnkit.spi.id.ReturnId;
import java.util.List;
import java.util.Objects;

/**
 * What {@code Returns.forgetCustomer} erased: the customer, the cases it went through (each now
 * carrying an {@code ERASE_PERSONAL_DATA} entry), and how many history entries it had to keep
 * because they are of the first chain format, whose hash covers their text.
 *
 * @param customerId the customer
 * @param cases the cases erased
 * @param entriesKept history entries of those cases still holding a note or the customer's id
 */
public record Erasure(CustomerId customerId, List<ReturnId> cases, int entriesKept) {

  public Erasure {
    Objects.requireNonNull(customerId, "customerId");
    cases = List.copyOf(cases);
  }
}
