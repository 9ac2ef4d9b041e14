/**
 * The four decisions a return needs (eligibility, liability, disposition, settlement): their
 * policy interfaces, the immutable facts each one sees and the outcomes it returns, each with a
 * {@link dev.returnkit.core.decision.Rationale} that says why. returns-rules implements them
 * with Drools; any pure, thread-safe Java implementation works too.
 */
package dev.returnkit.core.decision;
