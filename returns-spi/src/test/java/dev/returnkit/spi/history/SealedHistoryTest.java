package dev.returnkit.spi.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The second format of the chain: entries that seal the case's state. */
@DisplayName("A history entry that seals the state")
class SealedHistoryTest {

  private static final ReturnId CASE = ReturnId.of("R-1");
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");
  private static final String STATE = "ab".repeat(32);

  private static HistoryEntry sealed(HistoryHead head, String note, String state) {
    return HistoryChain.append(head, CASE, T0, Actor.customer("C-1"), ReturnCommand.REQUEST,
        null, ReturnStatus.IN_REVIEW, List.of("HIGH_VALUE"), List.of("eligibility/high-value"),
        note, state);
  }

  private static HistoryEntry with(HistoryEntry e, Actor actor, String note, String state) {
    return new HistoryEntry(e.returnId(), e.sequence(), e.at(), actor, e.command(),
        e.fromStatus(), e.toStatus(), e.reasonCodes(), e.rules(), note, state, e.previousHash(),
        e.hash());
  }

  @Test
  @DisplayName("carries the digest, hashes apart from a first-format entry of the same content, "
      + "and verifies")
  void sealsAndVerifies() {
    HistoryEntry first = sealed(HistoryHead.EMPTY, "please", STATE);
    HistoryEntry unsealed = HistoryChain.append(HistoryHead.EMPTY, CASE, T0,
        Actor.customer("C-1"), ReturnCommand.REQUEST, null, ReturnStatus.IN_REVIEW,
        List.of("HIGH_VALUE"), List.of("eligibility/high-value"), "please");
    HistoryEntry second = sealed(HistoryHead.of(first), null, "cd".repeat(32));

    assertThat(first.sealsState()).isTrue();
    assertThat(unsealed.sealsState()).isFalse();
    assertThat(first.stateDigest()).isEqualTo(STATE);
    assertThat(first.hash()).isNotEqualTo(unsealed.hash()).hasSize(64);
    assertThat(HistoryChain.firstBrokenLink(List.of(first, second))).isEmpty();
    assertThat(HistoryChain.firstBrokenLink(List.of(unsealed))).isEmpty();
  }

  @Test
  @DisplayName("breaks when its state digest, its note or its actor is changed, or the digest "
      + "removed")
  void coversWhatItSeals() {
    HistoryEntry entry = sealed(HistoryHead.EMPTY, "please", STATE);
    for (HistoryEntry edited : List.of(
        with(entry, entry.actor(), entry.note(), "ef".repeat(32)),
        with(entry, entry.actor(), "pleas", STATE),
        with(entry, entry.actor(), null, STATE),
        with(entry, Actor.customer("C-2"), entry.note(), STATE),
        with(entry, Actor.agent("C-1"), entry.note(), STATE),
        with(entry, entry.actor(), entry.note(), null))) {
      assertThat(HistoryChain.firstBrokenLink(List.of(edited))).as(edited.toString())
          .hasValue(1);
    }
  }

  @Test
  @DisplayName("covers actor ids and notes by their SHA-256")
  void textDigest() {
    assertThat(HistoryChain.textDigest("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(HistoryChain.textDigest(null)).isNull();
  }
}
