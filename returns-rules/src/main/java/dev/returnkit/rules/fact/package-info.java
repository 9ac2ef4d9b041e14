/**
 * The facts rules see and the outcomes they insert. Input facts ({@code EligibilityLine},
 * {@code LiabilityLine}, {@code DispositionLine}, {@code SettlementLine},
 * {@code SettlementCase}) are immutable and never changed by a rule; outcomes ({@code Verdict},
 * {@code LiabilityFinding}, {@code ItemRefund}, ...) are what a rule's {@code then} inserts, each
 * with a reason code. The policy settings are a fact too.
 */
package dev.returnkit.rules.fact;
