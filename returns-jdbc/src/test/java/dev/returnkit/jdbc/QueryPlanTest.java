package dev.returnkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.storage.PageRequest;
import dev.returnkit.spi.storage.TimeRange;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.tck.TckCases;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every query the repository runs can be answered from an index on PostgreSQL. With a few rows
 * the planner would rightly scan the table, so the plans are taken with sequential scans
 * switched off: a query that still scans, or reads a whole index, has no index that fits it, and
 * would read every row of a table of a million cases.
 */
@DisplayName("The repository's queries on PostgreSQL")
class QueryPlanTest {

  @AfterEach
  void closePools() {
    TestDatabases.closePools();
  }

  @Test
  @DisplayName("all have an index to use: none needs to read the whole table")
  void everyQueryUsesAnIndex() throws SQLException {
    DataSource dataSource = TestDatabases.freshPostgres();
    JdbcReturnRepository.create(dataSource).save(TckCases.newCase(ReturnId.of("R-1")));
    Recording recording = new Recording(dataSource);
    JdbcReturnRepository repository = JdbcReturnRepository.create(recording);
    Instant t0 = TckCases.REQUESTED_AT;

    repository.findById(ReturnId.of("R-1"));
    repository.history(ReturnId.of("R-1"));
    repository.findByOrder(TckCases.ORDER);
    repository.findByCustomer(TckCases.CUSTOMER, new TimeRange(t0, t0.plus(Duration.ofDays(90))));
    repository.findByStatus(Set.of(ReturnStatus.IN_REVIEW), TimeRange.ALL, PageRequest.first(2));
    var page = repository.findByStatus(EnumSet.of(ReturnStatus.IN_REVIEW, ReturnStatus.APPROVED),
        new TimeRange(t0.minusSeconds(1), t0.plus(Duration.ofDays(30))), PageRequest.first(1));
    repository.findByStatus(EnumSet.allOf(ReturnStatus.class),
        new TimeRange(t0.minusSeconds(1), null), new PageRequest(1, page.nextPageToken()));
    repository.findDue(EnumSet.of(ReturnStatus.IN_REVIEW), t0.plus(Duration.ofDays(3)), 100);

    assertThat(recording.queries()).hasSizeGreaterThanOrEqualTo(8);
    try (Connection connection = dataSource.getConnection()) {
      try (Statement settings = connection.createStatement()) {
        settings.execute("set enable_seqscan = off");
      }
      for (Map.Entry<String, Map<Integer, Object>> query : recording.queries().entrySet()) {
        String plan = explain(connection, query.getKey(), query.getValue());
        // "Index Cond": the index narrows the rows read. A whole index read with a filter, which
        // the planner falls back to when no index fits, has only a "Filter".
        assertThat(plan).as(query.getKey()).doesNotContain("Seq Scan").contains("Index Cond");
      }
    }
  }

  private static String explain(Connection connection, String sql, Map<Integer, Object> values)
      throws SQLException {
    try (PreparedStatement explain = connection.prepareStatement("explain " + sql)) {
      for (Map.Entry<Integer, Object> value : values.entrySet()) {
        explain.setObject(value.getKey(), value.getValue());
      }
      List<String> lines = new ArrayList<>();
      try (ResultSet row = explain.executeQuery()) {
        while (row.next()) {
          lines.add(row.getString(1));
        }
      }
      return String.join("\n", lines);
    }
  }

  /** Records each query's SQL and its parameter values. */
  private static final class Recording extends InterceptingDataSource {
    private final Map<String, Map<Integer, Object>> queries = new LinkedHashMap<>();

    Recording(DataSource target) {
      super(target);
    }

    Map<String, Map<Integer, Object>> queries() {
      return queries;
    }

    @Override
    void before(Connection connection, String sql, Method method, Object[] arguments) {
      if (sql == null || !sql.startsWith("select")) {
        return;
      }
      Map<Integer, Object> values = queries.computeIfAbsent(sql, s -> new TreeMap<>());
      if (method.getName().startsWith("set") && arguments.length == 2) {
        values.put((Integer) arguments[0], arguments[1]);
      }
    }
  }
}
