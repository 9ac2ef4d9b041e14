/**
 * Decision tables: rules kept as spreadsheet rows ({@code .drl.csv}, {@code .drl.xlsx}) in a
 * policy directory, turned into DRL by Drools' decision-table compiler (the optional
 * {@code drools-decisiontables} dependency) and then treated like any rule file: the same ids,
 * overrides, disabling, verifier and rule list, with problems reported at the sheet, row and
 * column they come from.
 */
package dev.returnkit.rules.table;
