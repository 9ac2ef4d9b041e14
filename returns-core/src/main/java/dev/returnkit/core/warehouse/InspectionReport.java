package dev.returnkit.core.warehouse;

import dev.returnkit.spi.vocabulary.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The warehouse's inspection of a received case: every line that received units, once.
 *
 * @param inspectedBy the inspector
 * @param lines one inspection per received line
 */
public record InspectionReport(
    @NotNull @Valid Actor inspectedBy,
    @NotNull @Size(max = 100) List<@NotNull @Valid InspectedLine> lines) {

  // Copies keep null elements, so validation can report them by position.
  public InspectionReport {
    lines = lines == null ? null : Collections.unmodifiableList(new ArrayList<>(lines));
  }
}
