/**
 * Policy settings: every business number the rules read, from a properties file the policy
 * owner edits.
 */
package dev.returnkit.rules.settings;
