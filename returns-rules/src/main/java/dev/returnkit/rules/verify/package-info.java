/**
 * The policy verifier: runs scenario files (inputs and expected outcomes, one case per row)
 * through a rule set and reports, case by case, what was expected, what was decided, and which
 * rules fired. {@code returnkit verify} is a thin command line over it.
 */
package dev.returnkit.rules.verify;
