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
  @DisplayName("still verifies once its note and actor id are erased, keeping their digests; "
      + "a changed digest breaks it")
  void erasure() {
    HistoryEntry first = sealed(HistoryHead.EMPTY, "my name is Jane Doe", STATE);
    HistoryEntry second = sealed(HistoryHead.of(first), null, "cd".repeat(32));
    HistoryEntry erased = first.erased(true);
    HistoryEntry noteOnly = first.erased(false);

    assertThat(erased.note()).isNull();
    assertThat(erased.actor()).isEqualTo(new Actor(first.actor().role(), HistoryEntry.ERASED));
    assertThat(erased.erasedNoteDigest()).isEqualTo(HistoryChain.textDigest("my name is Jane Doe"));
    assertThat(erased.erasedActorDigest()).isEqualTo(HistoryChain.textDigest("C-1"));
    assertThat(erased.hash()).isEqualTo(first.hash());
    assertThat(noteOnly.actor()).isEqualTo(first.actor());
    assertThat(noteOnly.erasedActorDigest()).isNull();
    assertThat(erased.erased(true)).as("erasing twice changes nothing").isEqualTo(erased);
    assertThat(noteOnly.erased(true)).isEqualTo(erased);
    assertThat(second.erased(true).erasedNoteDigest()).as("no note, nothing kept").isNull();
    for (List<HistoryEntry> history : List.of(List.of(erased, second),
        List.of(noteOnly, second.erased(true)))) {
      assertThat(HistoryChain.firstBrokenLink(history)).isEmpty();
    }
    HistoryEntry forged = new HistoryEntry(erased.returnId(), 1, erased.at(), erased.actor(),
        erased.command(), erased.fromStatus(), erased.toStatus(), erased.reasonCodes(),
        erased.rules(), null, erased.stateDigest(), erased.previousHash(), erased.hash(),
        erased.erasedActorDigest(), HistoryChain.textDigest("something else"));
    assertThat(HistoryChain.firstBrokenLink(List.of(forged))).hasValue(1);
  }

  @Test
  @DisplayName("of the first format cannot be erased: its hash covers the text itself")
  void firstFormatNotErasable() {
    HistoryEntry unsealed = HistoryChain.append(HistoryHead.EMPTY, CASE, T0,
        Actor.customer("C-1"), ReturnCommand.REQUEST, null, ReturnStatus.IN_REVIEW, List.of(),
        List.of(), "note");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> unsealed.erased(true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("entry #1 of R-1 is of the first chain format, which covers its text "
            + "itself: erasing it would break the chain");
  }

  @Test
  @DisplayName("covers actor ids and notes by their SHA-256")
  void textDigest() {
    assertThat(HistoryChain.textDigest("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(HistoryChain.textDigest(null)).isNull();
  }
}
