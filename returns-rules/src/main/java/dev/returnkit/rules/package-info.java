/**
 * returnkit's return policies as Drools rules: {@link dev.returnkit.rules.DroolsPolicies} builds
 * a rule set from the default DRL files (precompiled), a host's replacements and additions, and
 * the policy settings, and decides eligibility, liability, disposition and settlement with it.
 */
package dev.returnkit.rules;
