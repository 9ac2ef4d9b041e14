package dev.returnkit.core.returncase;

import dev.returnkit.spi.text.PlainText;
import dev.returnkit.spi.vocabulary.Actor;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The withdrawal of a return before the goods were sent.
 *
 * @param cancelledBy the customer or agent
 * @param reason why, for the history
 */
public record Cancellation(@NotNull @Valid Actor cancelledBy,
    @PlainText(multiline = true) @Size(max = 2000) String reason) {}
