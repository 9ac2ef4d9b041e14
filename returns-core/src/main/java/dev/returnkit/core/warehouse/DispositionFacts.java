package dev.returnkit.core.warehouse;

import dev.returnkit.spi.id.ReturnId;
import java.util.List;
import java.util.Objects;

/**
 * The inspected lines of one case whose disposition is to be decided.
 *
 * @param returnId the case
 * @param lines the lines, at least one
 */
public record DispositionFacts(ReturnId returnId, List<DispositionLineFacts> lines) {

  public DispositionFacts {
    Objects.requireNonNull(returnId, "returnId");
    lines = List.copyOf(lines);
  }
}
