package dev.returnkit.spi.storage;

import java.util.List;
import java.util.Optional;

/**
 * One page of query results, with the token that fetches the next one.
 *
 * <p>Pages are keyset pages: the token encodes the position after the last item, so paging is
 * stable while cases are added or change state.
 *
 * @param items the items, in the query's order
 * @param nextPageToken the token of the next page, or {@code null} on the last page
 * @param <T> the item type
 */
public record Page<T>(List<T> items, String nextPageToken) {

  public Page {
    items = List.copyOf(items);
  }

  /**
   * The token of the next page, if there is one.
   *
   * @return the token to pass in the next {@link PageRequest}, or empty on the last page
   */
  public Optional<String> next() {
    return Optional.ofNullable(nextPageToken);
  }
}
