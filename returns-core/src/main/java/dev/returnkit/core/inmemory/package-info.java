/**
 * In-memory adapters for every port: the embedded default for tests, demos and trying
 * returnkit out. Each one keeps the port's contract (they pass the TCK in returns-tck) and
 * records what it was asked.
 */
package dev.returnkit.core.inmemory;
