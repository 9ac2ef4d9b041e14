package dev.returnkit.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.core.inmemory.InMemoryReturnRepository;
import dev.returnkit.spi.history.HistoryChain;
import dev.returnkit.spi.history.HistoryEntry;
import dev.returnkit.spi.history.HistoryHead;
import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import dev.returnkit.tck.TckCases;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A history checkpoint")
class HistoryCheckpointTest {

  private static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");
  private static final byte[] KEY = new byte[32];

  private static List<HistoryEntry> history(int entries) {
    List<HistoryEntry> history = new ArrayList<>();
    HistoryHead head = HistoryHead.EMPTY;
    for (int i = 0; i < entries; i++) {
      HistoryEntry entry = HistoryChain.append(head, ReturnId.of("R-1"), AT, Actor.SYSTEM,
          ReturnCommand.REQUEST, null, ReturnStatus.IN_REVIEW, List.of(), List.of(), "n" + i,
          "ab".repeat(32));
      history.add(entry);
      head = HistoryHead.of(entry);
    }
    return history;
  }

  @Test
  @DisplayName("finds a history cut short, or with another entry at the sealed place, and "
      + "accepts one that grew since")
  void check() {
    List<HistoryEntry> three = history(3);
    HistoryCheckpoint checkpoint = HistoryCheckpoint.seal(AT,
        Map.of(ReturnId.of("R-1"), HistoryHead.of(three.get(1)), ReturnId.of("R-0"),
            HistoryHead.EMPTY), KEY);
    ReturnId r1 = ReturnId.of("R-1");

    assertThat(checkpoint.check(r1, three)).isEmpty();
    assertThat(checkpoint.check(r1, three.subList(0, 2))).isEmpty();
    assertThat(checkpoint.check(r1, three.subList(0, 1))).contains(
        new AuditFinding.CheckpointMismatch(2, three.get(1).hash()));
    List<HistoryEntry> other = new ArrayList<>(three);
    other.set(1, three.get(2));
    assertThat(checkpoint.check(r1, other)).isPresent();
    assertThat(checkpoint.check(ReturnId.of("R-0"), List.of())).as("sealed with no entry")
        .isEmpty();
    assertThat(checkpoint.check(ReturnId.of("R-9"), three)).as("younger than the checkpoint")
        .isEmpty();
  }

  @Test
  @DisplayName("lists its cases in id order, whatever order they came in, and reads back")
  void text() {
    Map<ReturnId, HistoryHead> heads = new LinkedHashMap<>();
    heads.put(ReturnId.of("R-2"), new HistoryHead(1, "b".repeat(64)));
    heads.put(ReturnId.of("R-10"), new HistoryHead(3, "c".repeat(64)));
    heads.put(ReturnId.of("R-1"), new HistoryHead(2, "a".repeat(64)));
    HistoryCheckpoint checkpoint = HistoryCheckpoint.seal(AT, heads, KEY);

    assertThat(checkpoint.text()).startsWith("returnkit-checkpoint 1\nsealed-at "
        + "2026-12-01T02:00:00Z\ncases 3\nR-1 2 " + "a".repeat(64) + "\nR-10 3 " + "c".repeat(64)
        + "\nR-2 1 " + "b".repeat(64) + "\nhmac-sha256 ");
    assertThat(HistoryCheckpoint.parse(checkpoint.text())).isEqualTo(checkpoint);
    assertThat(checkpoint.isSealedWith(KEY)).isTrue();
  }

  @Test
  @DisplayName("names the line that is not a checkpoint's")
  void badText() {
    String good = HistoryCheckpoint.seal(AT, Map.of(ReturnId.of("R-1"),
        new HistoryHead(2, "a".repeat(64))), KEY).text();
    assertThatThrownBy(() -> HistoryCheckpoint.parse("hello\n"))
        .hasMessage("line 1: not a returnkit checkpoint (expected 'returnkit-checkpoint 1')");
    assertThatThrownBy(() -> HistoryCheckpoint.parse(good.replace("cases 1", "cases -1")))
        .hasMessage("line 3: expected 'cases <count>'");
    assertThatThrownBy(() -> HistoryCheckpoint.parse(good.replace("cases 1", "count 1")))
        .hasMessage("line 3: expected 'cases <count>'");
    assertThatThrownBy(() -> HistoryCheckpoint.parse(good.replace("hmac-sha256 ", "mac ")))
        .hasMessage("line 5: expected 'hmac-sha256 <hex>'");
    assertThatThrownBy(() -> HistoryCheckpoint.parse(good.replace("R-1 2 ", "R-1 ")))
        .hasMessage("line 4: expected '<case> <sequence> <hash>'");
    assertThatThrownBy(() -> HistoryCheckpoint.parse(good.replace("R-1 2 ", "R-1 two ")))
        .hasMessageStartingWith("line 4: ");
    assertThatThrownBy(() -> HistoryCheckpoint.parse(good.replace("cases 1\n",
        "cases 2\nR-1 1 " + "b".repeat(64) + "\n")))
        .hasMessage("line 5: case R-1 appears twice");
  }

  @Test
  @DisplayName("takes a key of 32 bytes, and refuses a shorter one")
  void keys() {
    HistoryCheckpoint empty = HistoryCheckpoint.seal(AT, Map.of(), new byte[32]);
    assertThat(empty.isSealedWith(new byte[32])).isTrue();
    assertThat(HistoryCheckpoint.parse(empty.text())).as("a store without cases")
        .isEqualTo(empty);
    assertThatThrownBy(() -> HistoryCheckpoint.seal(AT, Map.of(), new byte[31]))
        .hasMessage("a checkpoint key needs at least 32 bytes, got 31");
  }

  @Test
  @DisplayName("of a store walks it page by page, and seals every case's last entry")
  void storeCheckpoint() {
    InMemoryReturnRepository store = new InMemoryReturnRepository();
    for (int i = 1; i <= 3; i++) {
      store.save(TckCases.newCase(ReturnId.of("R-" + i)));
    }
    List<ReturnId> seen = new ArrayList<>();
    HistoryCheckpoint checkpoint = new StoreAudit(store, 2).checkpoint(AT, KEY,
        stored -> seen.add(stored.id()));

    assertThat(seen).hasSize(3);
    assertThat(checkpoint.heads()).hasSize(3);
    assertThat(checkpoint.heads().get(ReturnId.of("R-2")))
        .isEqualTo(HistoryHead.of(store.history(ReturnId.of("R-2")).get(0)));
    assertThat(checkpoint.sealedAt()).isEqualTo(AT);
  }

  @Test
  @DisplayName("reports describe their findings in words")
  void describe() {
    CaseAuditReport broken = new CaseAuditReport(ReturnId.of("R-7"), 5, 5, List.of(
        new AuditFinding.BrokenLink(3),
        new AuditFinding.CheckpointMismatch(4, "0123456789abcdef" + "0".repeat(48))));
    assertThat(broken.describe()).isEqualTo("R-7: 2 finding(s) in 5 entries"
        + System.lineSeparator() + "  #3: broken link (the entry's hash does not match its "
        + "content, or its link to the entry before)" + System.lineSeparator()
        + "  #4: checkpoint mismatch (the checkpoint sealed 0123456789ab..., the history no "
        + "longer holds it)");
    assertThat(new AuditPage(List.of(broken), null).broken()).containsExactly(broken);
    assertThat(new AuditPage(List.of(broken), null).next()).isEmpty();
  }
}
