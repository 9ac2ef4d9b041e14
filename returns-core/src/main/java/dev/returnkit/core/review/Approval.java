package dev.returnkit.core.review;

import dev.returnkit.spi.text.PlainText;
import dev.returnkit.spi.vocabulary.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A reviewer's approval of a case in manual review.
 *
 * @param reviewer the agent or supervisor deciding
 * @param note why, for the history
 */
public record Approval(@NotNull @Valid Actor reviewer,
    @PlainText(multiline = true) @Size(max = 2000) String note) {}
