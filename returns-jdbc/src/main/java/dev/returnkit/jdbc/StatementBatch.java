package dev.returnkit.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements of one transaction sent to the database together: on PostgreSQL as one prepared
 * statement holding them all, which the driver sends in one round trip (one Sync for all their
 * Parse, Bind and Execute messages) and whose results come back in order; on H2, which runs
 * in the same process and has no round trips to save, one by one. A save used to wait on the
 * network for each of about ten statements; in batches it waits for two and the commit.
 *
 * <p>Each statement says what to do with its outcome: read its rows, or check its update count
 * (a version check, an insert that found its key taken). The statements run in the order they
 * were added; if one fails, the database skips the rest, and the caller's transaction is rolled
 * back. Not thread-safe: one batch belongs to one save.
 */
final class StatementBatch {

  /** Reads one row of a statement's result. */
  @FunctionalInterface
  interface RowReader {
    void read(ResultSet row) throws SQLException;
  }

  /** Checks how many rows a statement changed; throws to refuse the write. */
  @FunctionalInterface
  interface CountCheck {
    void check(int count);
  }

  private static final CountCheck ANY_COUNT = count -> { };

  private final List<Step> steps = new ArrayList<>();

  /**
   * Adds a statement; bind its parameters on the step returned, in their order.
   *
   * @param sql one SQL statement, without a terminating semicolon
   * @return the step, to bind and to say what its outcome is for
   */
  Step add(String sql) {
    Step step = new Step(sql);
    steps.add(step);
    return step;
  }

  /** Whether no statement was added. */
  boolean isEmpty() {
    return steps.isEmpty();
  }

  /** How many statements were added. */
  int size() {
    return steps.size();
  }

  /**
   * Runs the statements on a connection, in one round trip on PostgreSQL, and hands each its
   * outcome. The batch is empty afterwards, ready for the next round.
   *
   * @param connection the transaction's connection
   * @param dialect its database
   * @throws SQLException if a statement fails (the rest did not run)
   */
  void run(Connection connection, Dialect dialect) throws SQLException {
    if (steps.isEmpty()) {
      return;
    }
    try {
      if (dialect == Dialect.POSTGRESQL && steps.size() > 1) {
        runTogether(connection);
      } else {
        for (Step step : steps) {
          try (PreparedStatement statement = connection.prepareStatement(step.sql)) {
            step.bind(statement, 1);
            step.deliver(statement, statement.execute());
          }
        }
      }
    } finally {
      steps.clear();
    }
  }

  private void runTogether(Connection connection) throws SQLException {
    StringBuilder sql = new StringBuilder();
    for (Step step : steps) {
      sql.append(sql.length() == 0 ? "" : ";\n").append(step.sql);
    }
    try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
      int index = 1;
      for (Step step : steps) {
        index = step.bind(statement, index);
      }
      boolean result = statement.execute();
      for (Step step : steps) {
        step.deliver(statement, result);
        result = statement.getMoreResults();
      }
    }
  }

  /** One statement of a batch: its SQL, its parameters and what its outcome is for. */
  static final class Step {
    private final String sql;
    private final List<Object> values = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();
    private RowReader rows;
    private CountCheck count = ANY_COUNT;

    private Step(String sql) {
      this.sql = sql;
    }

    Step text(String value) {
      return bind(value, Types.VARCHAR);
    }

    Step integer(int value) {
      return bind(value, Types.INTEGER);
    }

    Step bigint(long value) {
      return bind(value, Types.BIGINT);
    }

    Step number(BigDecimal value) {
      return bind(value, Types.NUMERIC);
    }

    Step instant(Instant value) {
      return bind(value == null ? null : OffsetDateTime.ofInstant(value, ZoneOffset.UTC),
          Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** Reads the statement's rows (a SELECT) with the reader, each in turn. */
    void rows(RowReader reader) {
      this.rows = reader;
    }

    /** Checks the statement's update count (an INSERT, UPDATE or DELETE). */
    void count(CountCheck check) {
      this.count = check;
    }

    private Step bind(Object value, int type) {
      values.add(value);
      types.add(type);
      return this;
    }

    private int bind(PreparedStatement statement, int first) throws SQLException {
      int index = first;
      for (int i = 0; i < values.size(); i++, index++) {
        Object value = values.get(i);
        if (value == null) {
          statement.setNull(index, types.get(i));
        } else if (value instanceof String text) {
          statement.setString(index, text);
        } else if (value instanceof Integer number) {
          statement.setInt(index, number);
        } else if (value instanceof Long number) {
          statement.setLong(index, number);
        } else if (value instanceof BigDecimal number) {
          statement.setBigDecimal(index, number);
        } else {
          statement.setObject(index, value);
        }
      }
      return index;
    }

    private void deliver(PreparedStatement statement, boolean result) throws SQLException {
      if (rows != null) {
        if (!result) {
          throw new IllegalStateException("no rows came back from: " + sql);
        }
        try (ResultSet row = statement.getResultSet()) {
          while (row.next()) {
            rows.read(row);
          }
        }
      } else {
        count.check(statement.getUpdateCount());
      }
    }
  }
}
