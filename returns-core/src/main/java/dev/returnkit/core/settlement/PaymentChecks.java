package dev.returnkit.core.settlement;

import dev.returnkit.spi.Violation;
import dev.returnkit.spi.Violations;
import dev.returnkit.spi.payment.PaymentReceipt;
import dev.returnkit.spi.payment.SettlementPayment;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import java.util.List;
import java.util.Optional;

/**
 * The checks of a payment's confirmation against the case's plan: a receipt (from the payment
 * port) or a supervisor's manual payment must confirm a planned payment that is not confirmed
 * yet, and a receipt must be for exactly the planned kind and amount. The aggregate runs them
 * before it records anything.
 */
public final class PaymentChecks {

  private PaymentChecks() {}

  /**
   * Every problem of a payment provider's receipt.
   *
   * @param returnCase the case, settling
   * @param receipt the receipt
   * @return the problems, empty if none
   */
  public static List<Violation> receipt(ReturnCaseSnapshot returnCase, PaymentReceipt receipt) {
    Violations violations = new Violations("payment receipt");
    unpaid(returnCase, receipt.idempotencyKey(), violations).ifPresent(planned -> {
      if (receipt.kind() != planned.kind()) {
        violations.add("kind", "must be " + planned.kind() + ", as planned");
      }
      if (!receipt.amount().equals(planned.amount())) {
        violations.add("amount", "must be " + planned.amount() + ", as planned");
      }
    });
    return violations.list();
  }

  /**
   * Every problem of a manual payment against the case: it must be for a planned payment not
   * confirmed yet. (Who may confirm one is the access policy's call: supervisors, by default.)
   *
   * @param returnCase the case, settling
   * @param payment the confirmation
   * @return the problems, empty if none
   */
  public static List<Violation> manualPayment(ReturnCaseSnapshot returnCase,
      ManualPayment payment) {
    Violations violations = new Violations("manual payment");
    unpaid(returnCase, payment.idempotencyKey(), violations);
    return violations.list();
  }

  private static Optional<SettlementPayment> unpaid(ReturnCaseSnapshot returnCase,
      String idempotencyKey, Violations violations) {
    Optional<SettlementPayment> planned = returnCase.payments().stream()
        .filter(payment -> payment.idempotencyKey().equals(idempotencyKey) && !payment.isPaid())
        .findFirst();
    if (planned.isEmpty()) {
      violations.add("idempotencyKey", "return case " + returnCase.id()
          + " has no unpaid planned payment " + idempotencyKey);
    }
    return planned;
  }
}
