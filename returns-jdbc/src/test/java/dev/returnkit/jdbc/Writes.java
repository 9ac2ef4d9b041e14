package dev.returnkit.jdbc;

import dev.returnkit.spi.event.EventHeader;
import dev.returnkit.spi.event.ReturnEvent.ReturnSentToReview;
import dev.returnkit.spi.event.ReturnEvent;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.storage.CaseWrite;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Test writes with events in them, and counting rows behind the adapter's back. */
final class Writes {

  private Writes() {}

  /**
   * The same write with two events per new history entry, as the core would publish.
   *
   * @param write a TCK write (which carries no events)
   * @return the write with events
   */
  static CaseWrite withEvents(CaseWrite write) {
    List<ReturnEvent> events = new ArrayList<>();
    for (HistoryEntry entry : write.newHistory()) {
      for (int index = 0; index < 2; index++) {
        events.add(new ReturnSentToReview(EventHeader.of(entry.returnId(), entry.sequence(),
            index, entry.at()), List.of(entry.toStatus().name() + "#" + index)));
      }
    }
    return new CaseWrite(write.snapshot(), write.expectedVersion(), write.newHistory(), events);
  }

  /**
   * Counts the rows of a table.
   *
   * @param dataSource the database
   * @param table a returnkit table
   * @return its row count
   */
  static long rows(DataSource dataSource, String table) {
    return single(dataSource, "select count(*) from " + table);
  }

  /**
   * Runs a query that returns one number.
   *
   * @param dataSource the database
   * @param sql the query
   * @return the number
   */
  static long single(DataSource dataSource, String sql) {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }

  /**
   * Runs SQL directly, as someone bypassing the adapter would.
   *
   * @param dataSource the database
   * @param sql the statement
   * @throws SQLException whatever the database says
   */
  static void execute(DataSource dataSource, String sql) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
