package dev.returnkit.bench.jmh;

import java.util.ArrayList;
import java.util.List;

/**
 * Hands out the batches of a list of cases in turn, round and round, so a benchmark never
 * decides the same few cases over and over. Not thread-safe beyond what JMH needs: a stale
 * index is still a valid one.
 *
 * @param <T> the case type
 */
final class Rotation<T> {

  private final List<List<T>> batches = new ArrayList<>();
  private int next;

  /**
   * Splits cases into whole batches (a remainder smaller than a batch is left out).
   *
   * @param cases the cases
   * @param batch the batch size
   */
  Rotation(List<T> cases, int batch) {
    for (int from = 0; from + batch <= cases.size(); from += batch) {
      batches.add(cases.subList(from, from + batch));
    }
  }

  /**
   * The next batch.
   *
   * @return it
   */
  List<T> next() {
    List<T> batch = batches.get(next);
    next = next + 1 == batches.size() ? 0 : next + 1;
    return batch;
  }
}
