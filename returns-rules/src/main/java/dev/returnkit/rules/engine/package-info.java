/**
 * How rule sets are built and run: compiling DRL at run time into the executable model, the
 * precompiled defaults, one stateless execution per decision (or per batch), and the mapping
 * between the core's facts and decisions and the rules' facts and outcomes. Internal:
 * hosts use {@link dev.returnkit.rules.DroolsPolicies}.
 */
package dev.returnkit.rules.engine;
