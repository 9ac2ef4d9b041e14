/** How a policy owner overrides a default rule with a rule file of their own. */
package dev.returnkit.examples.howto.rules;
