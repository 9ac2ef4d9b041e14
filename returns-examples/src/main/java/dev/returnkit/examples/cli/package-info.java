/**
 * The {@code returnkit} command line: {@code returnkit demo} and {@code returnkit verify}, built
 * into {@code returns-examples/target/returnkit.jar}.
 */
package dev.returnkit.examples.cli;
