/**
 * The money of a return: the settlement policy, its facts and decision, the planner that
 * clamps a decision to what may be paid and turns it into payments, and a supervisor's
 * confirmation of a payment made outside the payment provider.
 */
package dev.returnkit.core.settlement;
