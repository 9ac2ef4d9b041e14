/**
 * The {@link dev.returnkit.core.returncase.ReturnCase} aggregate, its lines, and the
 * {@link dev.returnkit.core.returncase.Lifecycle} table every command is checked against.
 */
package dev.returnkit.core.returncase;
