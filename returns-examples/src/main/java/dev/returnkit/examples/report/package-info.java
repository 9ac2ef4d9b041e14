/**
 * The report on a demo run, computed from what returnkit stored and published, checked for
 * consistency, and written as console text, Markdown and CSV.
 */
package dev.returnkit.examples.report;
