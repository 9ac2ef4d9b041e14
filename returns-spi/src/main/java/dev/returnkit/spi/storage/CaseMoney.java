package dev.returnkit.spi.storage;

import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.payment.PaymentKind;
import dev.returnkit.spi.payment.SettlementPayment;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A case's money in total, as an accountant or a back office shows it: what is due back, split
 * into net and tax; the discounts the returned units had; what was kept (restocking fees, return
 * shipping, promotions clawed back); the outbound shipping refunded; per tender what was
 * planned back to it and what of that the provider confirmed; and what exchanges for dearer
 * items charged. Per line the same is in each
 * line's {@link LineMoney}. Immutable.
 *
 * @param gross what is due back for the lines, tax included (item refunds less deductions)
 * @param tax the tax in {@code gross}
 * @param discountShare what discounts had taken off the returned units
 * @param restockingFees the restocking fees kept
 * @param returnShippingCharged the return shipping charged
 * @param clawback promotions clawed back, less any given back
 * @param outboundShippingRefund the outbound shipping refunded
 * @param storeCredit the store credit planned
 * @param toTenders per tender reference, the refunds planned to it, in plan order
 * @param paidToTenders per tender reference, the refunds the provider confirmed
 * @param charged per tender reference (the order's id for an order without tenders), the
 *     exchange differences planned to be charged to it
 */
public record CaseMoney(Money gross, Money tax, Money discountShare, Money restockingFees,
    Money returnShippingCharged, Money clawback, Money outboundShippingRefund,
    Money storeCredit, Map<String, Money> toTenders, Map<String, Money> paidToTenders,
    Map<String, Money> charged) {

  /** Copies the maps, keeping their order. */
  public CaseMoney {
    toTenders = Collections.unmodifiableMap(new LinkedHashMap<>(toTenders));
    paidToTenders = Collections.unmodifiableMap(new LinkedHashMap<>(paidToTenders));
    charged = Collections.unmodifiableMap(new LinkedHashMap<>(charged));
  }

  /**
   * A case's money.
   *
   * @param c the case
   * @return its totals
   */
  public static CaseMoney of(ReturnCaseSnapshot c) {
    Money zero = Money.zero(c.currency());
    Money gross = zero;
    Money tax = zero;
    Money discount = zero;
    Money fees = zero;
    Money charged = zero;
    Money clawback = zero;
    for (ReturnLineSnapshot line : c.lines()) {
      LineMoney money = line.money();
      gross = gross.plus(money.due());
      tax = tax.plus(money.refundTax());
      discount = discount.plus(money.discountShare());
      fees = fees.plus(money.restockingFee());
      charged = charged.plus(money.returnShippingCharge());
      clawback = clawback.plus(money.clawback());
    }
    Money credit = zero;
    Map<String, Money> planned = new LinkedHashMap<>();
    Map<String, Money> paid = new LinkedHashMap<>();
    Map<String, Money> charges = new LinkedHashMap<>();
    for (SettlementPayment payment : c.payments()) {
      if (payment.kind() == PaymentKind.STORE_CREDIT) {
        credit = credit.plus(payment.amount());
      } else if (payment.kind() == PaymentKind.CHARGE) {
        charges.merge(payment.tender() == null ? c.orderId().value()
            : payment.tender().reference(), payment.amount(), Money::plus);
      } else if (payment.tender() != null) {
        String reference = payment.tender().reference();
        planned.merge(reference, payment.amount(), Money::plus);
        paid.merge(reference, payment.isPaid() ? payment.amount() : zero, Money::plus);
      }
    }
    return new CaseMoney(gross, tax, discount, fees, charged, clawback,
        c.outboundShippingRefund(), credit, planned, paid, charges);
  }

  /**
   * What exchanges for dearer items charged, over all tenders.
   *
   * @return the sum of {@link #charged()}
   */
  public Money totalCharged() {
    Money total = Money.zero(gross.currency());
    for (Money amount : charged.values()) {
      total = total.plus(amount);
    }
    return total;
  }

  /**
   * What is due back for the lines before tax.
   *
   * @return gross less tax
   */
  public Money net() {
    return gross.minus(tax);
  }
}
