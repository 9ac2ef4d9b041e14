package dev.returnkit.spi.storage;

/**
 * Which page of a query to return: a size and the token of the previous page.
 *
 * @param size items per page, 1 to {@value #MAX_SIZE}
 * @param pageToken the {@link Page#nextPageToken()} of the previous page, or {@code null} for the
 *     first page
 */
public record PageRequest(int size, String pageToken) {

  /** The largest page an adapter must serve. */
  public static final int MAX_SIZE = 1000;

  public PageRequest {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("page size must be 1 to " + MAX_SIZE + ", got " + size);
    }
  }

  /**
   * The first page.
   *
   * @param size items per page
   * @return the request
   */
  public static PageRequest first(int size) {
    return new PageRequest(size, null);
  }
}
