package dev.returnkit.core.review;

import dev.returnkit.spi.text.PlainText;
import dev.returnkit.spi.vocabulary.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A reviewer's rejection of a case in manual review.
 *
 * @param reviewer the agent or supervisor deciding
 * @param reasonCode the reason code recorded on every line, e.g. {@code SUSPECTED_ABUSE}
 * @param note why, for the history
 */
public record Rejection(
    @NotNull @Valid Actor reviewer,
    @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Z][A-Z0-9_]*",
        message = "must be an upper-case reason code such as SUSPECTED_ABUSE") String reasonCode,
    @PlainText(multiline = true) @Size(max = 2000) String note) {}
