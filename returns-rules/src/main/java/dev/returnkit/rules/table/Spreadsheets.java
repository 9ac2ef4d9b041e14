package dev.returnkit.rules.table;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.drools.decisiontable.InputType;
import org.drools.decisiontable.SpreadsheetCompiler;
import org.drools.decisiontable.parser.csv.CsvLineParser;

/**
 * The one class that touches the optional decision-table libraries (Drools' spreadsheet
 * compiler and Apache POI): it is loaded only once {@link DecisionTable} has checked they are
 * on the class path, so a host without them never meets a missing class.
 */
final class Spreadsheets {

  private Spreadsheets() {}

  /** A sheet's cells as text, row by row (row 0 is the spreadsheet's row 1). */
  record SheetCells(String name, List<List<String>> rows) {}

  /** The DRL one sheet's tables make. */
  record SheetDrl(String sheet, String drl) {}

  /**
   * The DRL Drools' decision-table compiler makes of a CSV file, or of each sheet of a
   * workbook that holds a table (the compiler reads one sheet at a time: by itself, only the
   * first).
   */
  static List<SheetDrl> toDrl(byte[] content, boolean csv, List<SheetCells> sheets) {
    SpreadsheetCompiler compiler = new SpreadsheetCompiler();
    if (csv) {
      return List.of(new SheetDrl("csv", compiler.compile(new ByteArrayInputStream(content),
          InputType.CSV)));
    }
    List<SheetDrl> drl = new ArrayList<>();
    for (SheetCells sheet : sheets) {
      boolean hasTable = sheet.rows().stream().flatMap(List::stream)
          .anyMatch(cell -> cell.strip().toLowerCase(Locale.ROOT)
              .startsWith("ruletable"));
      if (hasTable) {
        drl.add(new SheetDrl(sheet.name(), compiler.compile(
            new ByteArrayInputStream(content), sheet.name())));
      }
    }
    if (drl.isEmpty()) {
      throw new IllegalArgumentException("No RuleTable cells in any sheet.");
    }
    return drl;
  }

  /** Every sheet's cells as the compiler reads them (a CSV file is one sheet, "csv"). */
  static List<SheetCells> cells(byte[] content, boolean csv) {
    if (csv) {
      CsvLineParser parser = new CsvLineParser();
      List<List<String>> rows = new ArrayList<>();
      for (String line : new String(content, StandardCharsets.UTF_8)
          .split("\r?\n", -1)) {
        rows.add(parser.parse(line));
      }
      return List.of(new SheetCells("csv", rows));
    }
    try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
      DataFormatter formatter = new DataFormatter();
      List<SheetCells> sheets = new ArrayList<>();
      for (Sheet sheet : workbook) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
          Row row = sheet.getRow(r);
          List<String> cells = new ArrayList<>();
          if (row != null) {
            for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
              Cell cell = row.getCell(c);
              cells.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
          }
          rows.add(cells);
        }
        sheets.add(new SheetCells(sheet.getSheetName(), rows));
      }
      return sheets;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
