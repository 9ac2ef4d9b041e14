package dev.returnkit.core.warehouse;

import dev.returnkit.spi.id.ReturnId;
import java.util.List;
import java.util.Objects;

/**
 * The lines of one case whose liability is to be decided.
 *
 * @param returnId the case
 * @param lines the lines, at least one
 */
public record LiabilityFacts(ReturnId returnId, List<LiabilityLineFacts> lines) {

  public LiabilityFacts {
    Objects.requireNonNull(returnId, "returnId");
    lines = List.copyOf(lines);
  }
}
