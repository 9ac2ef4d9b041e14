/**
 * What every policy decision carries, whichever policy made it: its
 * {@link dev.returnkit.core.policy.Rationale} (reason codes and the rules that fired), and the
 * check that an outcome answers exactly the lines it was asked about.
 */
package dev.returnkit.core.policy;
