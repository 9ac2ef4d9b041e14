package dev.returnkit.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.spi.ConcurrentReturnUpdateException;
import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.money.Money;
import dev.returnkit.spi.storage.CaseWrite;
import dev.returnkit.spi.storage.ReturnCaseSnapshot;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.tck.TckCases;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

@DisplayName("Many threads commanding one case")
class ConcurrentCommandsTest {

  private static final int THREADS = 8;
  private static final int UPDATES_PER_THREAD = 25;
  private static final ReturnId ID = ReturnId.of("R-RACE");

  @AfterEach
  void closePools() {
    TestDatabases.closePools();
  }

  @ParameterizedTest(name = "on {0}")
  @EnumSource(TestDatabases.Kind.class)
  @DisplayName("exactly one write per version wins, and no update is lost")
  void oneWinnerPerVersionNoLostUpdate(TestDatabases.Kind kind) throws Exception {
    DataSource dataSource = kind.fresh();
    JdbcReturnRepository repository = JdbcReturnRepository.create(dataSource);
    // A case that holds a unit and owes money: a ledger that added every write would show it.
    repository.save(Writes.withEvents(TckCases.holding(ID, TckCases.ORDER, 1,
        Money.of("24.95", "EUR"), Money.zero(TckCases.EUR))));
    List<Long> winningVersions = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger refused = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < UPDATES_PER_THREAD; i++) {
            // Load, decide, save; on a lost race reload and decide again, as the facade does.
            while (true) {
              ReturnCaseSnapshot stored = repository.findById(ID).orElseThrow();
              CaseWrite write = Writes.withEvents(TckCases.update(stored,
                  Actor.agent("t" + thread + "-u" + i),
                  stored.status() == ReturnStatus.APPROVED ? ReturnStatus.IN_REVIEW
                      : ReturnStatus.APPROVED));
              try {
                repository.save(write);
                winningVersions.add(write.expectedVersion());
                break;
              } catch (ConcurrentReturnUpdateException lost) {
                refused.incrementAndGet();
              }
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(2, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }

    int updates = THREADS * UPDATES_PER_THREAD;
    assertThat(winningVersions).as("each version won once").doesNotHaveDuplicates()
        .hasSize(updates)
        .containsExactlyInAnyOrderElementsOf(
            IntStream.rangeClosed(1, updates).mapToObj(v -> (long) v).toList());
    ReturnCaseSnapshot last = repository.findById(ID).orElseThrow();
    assertThat(last.version()).isEqualTo(1 + updates);
    List<HistoryEntry> history = repository.history(ID);
    assertThat(history).hasSize(1 + updates);
    assertThat(HistoryChain.firstBrokenLink(history)).isEmpty();
    assertThat(history.stream().skip(1).map(entry -> entry.actor().id()))
        .as("every thread's every update is in the history, once")
        .containsExactlyInAnyOrderElementsOf(IntStream.range(0, THREADS).boxed()
            .flatMap(t -> IntStream.range(0, UPDATES_PER_THREAD).mapToObj(i -> "t" + t + "-u" + i))
            .toList());
    assertThat(Writes.rows(dataSource, "rk_outbox")).as("events of the winning writes only")
        .isEqualTo(2L * (1 + updates));
    assertThat(Writes.single(dataSource, "select units_held from rk_order_line_ledger"))
        .as("the ledger holds what the last snapshot holds, not a sum over writes")
        .isEqualTo(last.lines().get(0).unitsHeld(last.status())).isEqualTo(1);
    assertThat(Writes.single(dataSource, "select amount_due * 100 from rk_order_line_ledger"))
        .isEqualTo(2495);
  }
}
