package dev.returnkit.spi.history;

import static dev.returnkit.spi.vocabulary.ReturnCommand.APPROVE;
import static dev.returnkit.spi.vocabulary.ReturnCommand.ARRANGE_SHIPMENT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.RECEIVE;
import static dev.returnkit.spi.vocabulary.ReturnCommand.RECORD_IN_TRANSIT;
import static dev.returnkit.spi.vocabulary.ReturnCommand.REQUEST;
import static dev.returnkit.spi.vocabulary.ReturnStatus.APPROVED;
import static dev.returnkit.spi.vocabulary.ReturnStatus.AWAITING_RETURN;
import static dev.returnkit.spi.vocabulary.ReturnStatus.IN_REVIEW;
import static dev.returnkit.spi.vocabulary.ReturnStatus.IN_TRANSIT;
import static dev.returnkit.spi.vocabulary.ReturnStatus.RECEIVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ActorRole;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("The history hash chain")
class HistoryChainTest {

  private static final ReturnId CASE = ReturnId.of("R-1");
  private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456Z");

  /** Five entries of a case from request to receipt, chained from the empty head. */
  static List<HistoryEntry> chain() {
    List<HistoryEntry> entries = new ArrayList<>();
    HistoryHead head = HistoryHead.EMPTY;
    for (Step step : List.of(
        new Step(0, Actor.customer("c-1"), REQUEST, null, IN_REVIEW, List.of("HIGH_VALUE"),
            List.of("eligibility/review-high-value"), "please take it back"),
        new Step(60, Actor.supervisor("s-7"), APPROVE, IN_REVIEW, APPROVED, List.of(),
            List.of(), "looks fine"),
        new Step(61, Actor.SYSTEM, ARRANGE_SHIPMENT, APPROVED, AWAITING_RETURN, List.of(),
            List.of("logistics/label"), null),
        new Step(3000, Actor.system("carrier-feed"), RECORD_IN_TRANSIT, AWAITING_RETURN,
            IN_TRANSIT, List.of(), List.of(), "scanned at depot"),
        new Step(9000, Actor.warehouse("w-3"), RECEIVE, IN_TRANSIT, RECEIVED,
            List.of("DAMAGED_IN_TRANSIT", "MISSING_PARTS"), List.of(), "box crushed"))) {
      HistoryEntry entry = HistoryChain.append(head, CASE, T0.plusSeconds(step.minutes() * 60L),
          step.actor(), step.command(), step.from(), step.to(), step.codes(), step.rules(),
          step.note());
      entries.add(entry);
      head = HistoryHead.of(entry);
    }
    return entries;
  }

  record Step(int minutes, Actor actor, ReturnCommand command, ReturnStatus from,
      ReturnStatus to, List<String> codes, List<String> rules, String note) {}

  /** A copy of an entry with some content changed and its stored hashes left as they were. */
  static HistoryEntry edit(HistoryEntry e, Function<Editable, Editable> change) {
    Editable edited = change.apply(new Editable(e.returnId(), e.sequence(), e.at(), e.actor(),
        e.command(), e.fromStatus(), e.toStatus(), e.reasonCodes(), e.rules(), e.note(),
        e.previousHash(), e.hash()));
    return edited.toEntry();
  }

  /** The fields of an entry, so tests can change one at a time. */
  record Editable(ReturnId returnId, int sequence, Instant at, Actor actor,
      ReturnCommand command, ReturnStatus fromStatus, ReturnStatus toStatus,
      List<String> reasonCodes, List<String> rules, String note, String previousHash,
      String hash) {

    HistoryEntry toEntry() {
      return new HistoryEntry(returnId, sequence, at, actor, command, fromStatus, toStatus,
          reasonCodes, rules, note, previousHash, hash);
    }

    Editable note(String value) {
      return new Editable(returnId, sequence, at, actor, command, fromStatus, toStatus,
          reasonCodes, rules, value, previousHash, hash);
    }

    Editable actor(Actor value) {
      return new Editable(returnId, sequence, at, value, command, fromStatus, toStatus,
          reasonCodes, rules, note, previousHash, hash);
    }

    Editable reasonCodes(List<String> value) {
      return new Editable(returnId, sequence, at, actor, command, fromStatus, toStatus, value,
          rules, note, previousHash, hash);
    }

    Editable rules(List<String> value) {
      return new Editable(returnId, sequence, at, actor, command, fromStatus, toStatus,
          reasonCodes, value, note, previousHash, hash);
    }

    Editable at(Instant value) {
      return new Editable(returnId, sequence, value, actor, command, fromStatus, toStatus,
          reasonCodes, rules, note, previousHash, hash);
    }

    Editable command(ReturnCommand value) {
      return new Editable(returnId, sequence, at, actor, value, fromStatus, toStatus,
          reasonCodes, rules, note, previousHash, hash);
    }

    Editable fromStatus(ReturnStatus value) {
      return new Editable(returnId, sequence, at, actor, command, value, toStatus, reasonCodes,
          rules, note, previousHash, hash);
    }

    Editable toStatus(ReturnStatus value) {
      return new Editable(returnId, sequence, at, actor, command, fromStatus, value,
          reasonCodes, rules, note, previousHash, hash);
    }

    Editable returnId(ReturnId value) {
      return new Editable(value, sequence, at, actor, command, fromStatus, toStatus,
          reasonCodes, rules, note, previousHash, hash);
    }

    Editable sequence(int value) {
      return new Editable(returnId, value, at, actor, command, fromStatus, toStatus,
          reasonCodes, rules, note, previousHash, hash);
    }

    Editable previousHash(String value) {
      return new Editable(returnId, sequence, at, actor, command, fromStatus, toStatus,
          reasonCodes, rules, note, value, hash);
    }

    Editable hash(String value) {
      return new Editable(returnId, sequence, at, actor, command, fromStatus, toStatus,
          reasonCodes, rules, note, previousHash, value);
    }
  }

  private static List<HistoryEntry> replace(List<HistoryEntry> chain, int sequence,
      HistoryEntry entry) {
    List<HistoryEntry> copy = new ArrayList<>(chain);
    copy.set(sequence - 1, entry);
    return copy;
  }

  @Nested
  @DisplayName("when built with append")
  class Building {

    @Test
    @DisplayName("numbers entries from 1 and links each to the hash of the one before")
    void linksEntries() {
      List<HistoryEntry> chain = chain();

      assertThat(chain).extracting(HistoryEntry::sequence).containsExactly(1, 2, 3, 4, 5);
      assertThat(chain.get(0).previousHash()).isEqualTo(HistoryChain.GENESIS);
      for (int i = 1; i < chain.size(); i++) {
        assertThat(chain.get(i).previousHash()).isEqualTo(chain.get(i - 1).hash());
      }
      assertThat(chain).extracting(HistoryEntry::hash).doesNotHaveDuplicates();
    }

    @Test
    @DisplayName("stores text with lone surrogates made well-formed, so it hashes unambiguously "
        + "and survives UTF-8 storage")
    void wellFormedText() {
      HistoryEntry cut = HistoryChain.append(HistoryHead.EMPTY, CASE, T0,
          Actor.customer("c-\uD83D"), REQUEST, null, IN_REVIEW, List.of("X\uDC00"),
          List.of(), "broken emoji \uD83D");
      HistoryEntry whole = HistoryChain.append(HistoryHead.EMPTY, CASE, T0,
          Actor.customer("c-1"), REQUEST, null, IN_REVIEW, List.of(), List.of(),
          "whole emoji \uD83D\uDE00");

      assertThat(cut.note()).isEqualTo("broken emoji \uFFFD");
      assertThat(cut.actor().id()).isEqualTo("c-\uFFFD");
      assertThat(cut.reasonCodes()).containsExactly("X\uFFFD");
      assertThat(whole.note()).isEqualTo("whole emoji \uD83D\uDE00");
      assertThat(HistoryChain.firstBrokenLink(List.of(cut))).isEmpty();
      assertThat(HistoryChain.firstBrokenLink(List.of(whole))).isEmpty();
    }

    @Test
    @DisplayName("an entry holding a lone surrogate was not made by append and breaks the chain")
    void loneSurrogateBreaksChain() {
      HistoryEntry question = HistoryChain.append(HistoryHead.EMPTY, CASE, T0,
          Actor.customer("c-1"), REQUEST, null, IN_REVIEW, List.of(), List.of(), "?");
      HistoryEntry smuggled = new HistoryEntry(CASE, 1, T0, Actor.customer("c-1"), REQUEST, null,
          IN_REVIEW, List.of(), List.of(), "\uD800", question.previousHash(), question.hash());

      assertThat(HistoryChain.firstBrokenLink(List.of(smuggled))).hasValue(1);
      assertThatIllegalArgumentException().isThrownBy(() -> HistoryChain.hashOf(smuggled));
    }

    @Test
    @DisplayName("the genesis hash is 64 zeros and heads the empty history")
    void genesis() {
      assertThat(HistoryChain.GENESIS).hasSize(64).matches("0+");
      assertThat(HistoryHead.EMPTY).isEqualTo(new HistoryHead(0, HistoryChain.GENESIS));
    }

    @Test
    @DisplayName("hashes are lowercase hex SHA-256, and hashOf recomputes them")
    void hashes() {
      for (HistoryEntry entry : chain()) {
        assertThat(entry.hash()).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(HistoryChain.hashOf(entry)).isEqualTo(entry.hash());
      }
    }

    @Test
    @DisplayName("hashOf ignores the hash the entry carries")
    void hashOfIgnoresOwnHash() {
      HistoryEntry entry = chain().get(2);

      HistoryEntry relabelled = edit(entry, e -> e.hash("f".repeat(64)));

      assertThat(HistoryChain.hashOf(relabelled)).isEqualTo(entry.hash());
    }

    @Test
    @DisplayName("the same content gives the same entry: hashing is deterministic")
    void deterministic() {
      assertThat(chain()).isEqualTo(chain());
    }

    @Test
    @DisplayName("HistoryHead.of(entry) is the entry's sequence and hash, and append continues it")
    void headOfEntry() {
      HistoryEntry last = chain().get(4);

      HistoryHead head = HistoryHead.of(last);
      HistoryEntry next = HistoryChain.append(head, CASE, T0.plusSeconds(99_999),
          Actor.warehouse("w-3"), ReturnCommand.INSPECT, RECEIVED, ReturnStatus.INSPECTED,
          List.of(), List.of("disposition/grading"), null);

      assertThat(head.sequence()).isEqualTo(5);
      assertThat(head.hash()).isEqualTo(last.hash());
      assertThat(next.sequence()).isEqualTo(6);
      assertThat(next.previousHash()).isEqualTo(last.hash());
      List<HistoryEntry> longer = new ArrayList<>(chain());
      longer.add(next);
      assertThat(HistoryChain.firstBrokenLink(longer)).isEmpty();
    }

    @Test
    @DisplayName("copies the lists it is given, so later changes to them break nothing")
    void copiesLists() {
      List<String> codes = new ArrayList<>(List.of("DEFECTIVE"));
      List<String> rules = new ArrayList<>(List.of("r1"));
      HistoryEntry entry = HistoryChain.append(HistoryHead.EMPTY, CASE, T0, Actor.SYSTEM,
          REQUEST, null, IN_REVIEW, codes, rules, null);

      codes.add("OTHER");
      rules.clear();

      assertThat(entry.reasonCodes()).containsExactly("DEFECTIVE");
      assertThat(entry.rules()).containsExactly("r1");
      assertThat(HistoryChain.firstBrokenLink(List.of(entry))).isEmpty();
      assertThatThrownBy(() -> entry.reasonCodes().add("X"))
          .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("an entry refuses a sequence below 1, and a head a negative sequence")
    void refusesBadSequences() {
      HistoryEntry entry = chain().get(0);

      assertThatIllegalArgumentException().isThrownBy(() -> edit(entry, e -> e.sequence(0)))
          .withMessageContaining("sequence starts at 1");
      assertThatIllegalArgumentException()
          .isThrownBy(() -> new HistoryHead(-1, HistoryChain.GENESIS));
    }
  }

  @Nested
  @DisplayName("firstBrokenLink")
  class FirstBrokenLink {

    @Test
    @DisplayName("is empty for an intact chain, a prefix of one, and no history at all")
    void intact() {
      List<HistoryEntry> chain = chain();

      assertThat(HistoryChain.firstBrokenLink(chain)).isEmpty();
      assertThat(HistoryChain.firstBrokenLink(chain.subList(0, 2))).isEmpty();
      assertThat(HistoryChain.firstBrokenLink(List.of())).isEmpty();
    }

    static Stream<Arguments> edits() {
      return Stream.of(
          Arguments.of("an edited note", (UnaryOperator<Editable>) e -> e.note("all good")),
          Arguments.of("a note removed or added",
              (UnaryOperator<Editable>) e -> e.note(e.note() == null ? "added" : null)),
          Arguments.of("a note emptied", (UnaryOperator<Editable>) e -> e.note("")),
          Arguments.of("another actor id",
              (UnaryOperator<Editable>) e -> e.actor(new Actor(e.actor().role(), "intruder"))),
          Arguments.of("another actor role",
              (UnaryOperator<Editable>) e -> e.actor(new Actor(
                  e.actor().role() == ActorRole.AGENT ? ActorRole.SUPERVISOR : ActorRole.AGENT,
                  e.actor().id()))),
          Arguments.of("a reason code added",
              (UnaryOperator<Editable>) e -> e.reasonCodes(append(e.reasonCodes(), "FRAUD"))),
          Arguments.of("the reason codes replaced",
              (UnaryOperator<Editable>) e -> e.reasonCodes(List.of("CHANGED_MIND"))),
          Arguments.of("a rule name added",
              (UnaryOperator<Editable>) e -> e.rules(append(e.rules(), "fake/rule"))),
          Arguments.of("the time moved by a microsecond",
              (UnaryOperator<Editable>) e -> e.at(e.at().plusNanos(1000))),
          Arguments.of("another command",
              (UnaryOperator<Editable>) e -> e.command(ReturnCommand.CANCEL)),
          Arguments.of("another from-state",
              (UnaryOperator<Editable>) e -> e.fromStatus(ReturnStatus.REJECTED)),
          Arguments.of("another to-state",
              (UnaryOperator<Editable>) e -> e.toStatus(ReturnStatus.COMPLETED)),
          Arguments.of("another case",
              (UnaryOperator<Editable>) e -> e.returnId(ReturnId.of("R-2"))),
          Arguments.of("a previous hash pointing elsewhere",
              (UnaryOperator<Editable>) e -> e.previousHash("a".repeat(64))));
    }

    private static List<String> append(List<String> list, String value) {
      List<String> copy = new ArrayList<>(list);
      copy.add(value);
      return copy;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("edits")
    @DisplayName("reports the first, a middle and the last entry when one field was edited")
    void detectsEditedField(String what, UnaryOperator<Editable> change) {
      List<HistoryEntry> chain = chain();

      for (int sequence : List.of(1, 3, 5)) {
        List<HistoryEntry> tampered =
            replace(chain, sequence, edit(chain.get(sequence - 1), change::apply));

        assertThat(HistoryChain.firstBrokenLink(tampered)).as("%s in entry %d", what, sequence)
            .hasValue(sequence);
      }
    }

    @Test
    @DisplayName("detects a removed middle entry, at the entry after the gap")
    void detectsRemovedEntry() {
      List<HistoryEntry> tampered = new ArrayList<>(chain());
      tampered.remove(2);

      assertThat(HistoryChain.firstBrokenLink(tampered)).hasValue(4);
    }

    @Test
    @DisplayName("detects a removed first entry")
    void detectsRemovedFirstEntry() {
      assertThat(HistoryChain.firstBrokenLink(chain().subList(1, 5))).hasValue(2);
    }

    @Test
    @DisplayName("detects a removed entry even when the later entries were renumbered")
    void detectsRenumberedGap() {
      List<HistoryEntry> chain = chain();
      List<HistoryEntry> tampered = new ArrayList<>(chain.subList(0, 2));
      tampered.add(edit(chain.get(3), e -> e.sequence(3)));
      tampered.add(edit(chain.get(4), e -> e.sequence(4)));

      assertThat(HistoryChain.firstBrokenLink(tampered)).hasValue(3);
    }

    @Test
    @DisplayName("detects two entries swapped")
    void detectsSwap() {
      List<HistoryEntry> tampered = new ArrayList<>(chain());
      Collections.swap(tampered, 1, 2);

      assertThat(HistoryChain.firstBrokenLink(tampered)).hasValue(3);
    }

    @Test
    @DisplayName("detects a duplicated entry")
    void detectsDuplicate() {
      List<HistoryEntry> chain = chain();
      List<HistoryEntry> tampered = new ArrayList<>(chain);
      tampered.add(2, chain.get(1));

      assertThat(HistoryChain.firstBrokenLink(tampered)).hasValue(2);
    }

    @Test
    @DisplayName("detects a forged entry with a recomputed hash at the next entry's link")
    void detectsForgedEntryAtNextLink() {
      List<HistoryEntry> chain = chain();
      HistoryEntry edited = edit(chain.get(2), e -> e.note("customer admitted damage"));
      HistoryEntry forged = edit(edited, e -> e.hash(HistoryChain.hashOf(edited)));

      assertThat(HistoryChain.hashOf(forged)).isEqualTo(forged.hash());
      assertThat(HistoryChain.firstBrokenLink(replace(chain, 3, forged))).hasValue(4);
    }

    @Test
    @DisplayName("cannot see a forged last entry: only the head stored elsewhere exposes it")
    void forgedTailNeedsAnchoredHead() {
      // The documented limit: whoever rewrites the chain from the altered entry on gets an
      // intact chain. The head kept with the case snapshot (or anchored outside) catches it.
      List<HistoryEntry> chain = chain();
      HistoryHead anchored = HistoryHead.of(chain.get(4));
      HistoryEntry edited = edit(chain.get(4), e -> e.note("box fine"));
      HistoryEntry forged = edit(edited, e -> e.hash(HistoryChain.hashOf(edited)));
      List<HistoryEntry> tampered = replace(chain, 5, forged);

      assertThat(HistoryChain.firstBrokenLink(tampered)).isEmpty();
      assertThat(HistoryHead.of(tampered.get(4))).isNotEqualTo(anchored);
    }
  }

  @Nested
  @DisplayName("encodes fields unambiguously")
  class Encoding {

    /** What an entry's free-text parts would look like if they were simply joined. */
    record Parts(List<String> reasonCodes, List<String> rules, String note) {

      String joined(String separator) {
        List<String> all = new ArrayList<>(reasonCodes);
        all.addAll(rules);
        all.add(String.valueOf(note));
        return String.join(separator, all);
      }

      String lengthPrefixedWithoutCounts() {
        StringBuilder text = new StringBuilder();
        List<String> all = new ArrayList<>(reasonCodes);
        all.addAll(rules);
        all.add(String.valueOf(note));
        for (String each : all) {
          text.append(each.length()).append(':').append(each);
        }
        return text.toString();
      }

      HistoryEntry entry() {
        return HistoryChain.append(HistoryHead.EMPTY, CASE, T0, Actor.agent("a-1"), REQUEST,
            null, IN_REVIEW, reasonCodes, rules, note);
      }
    }

    static Stream<Arguments> confusablePairs() {
      return Stream.of(
          Arguments.of("a '|' inside a reason code",
              new Parts(List.of("a|b"), List.of(), "n"),
              new Parts(List.of("a", "b"), List.of(), "n"),
              (Function<Parts, String>) p -> p.joined("|")),
          Arguments.of("text moved from a rule into the reason codes",
              new Parts(List.of("a"), List.of("b|c"), "d"),
              new Parts(List.of("a|b"), List.of("c"), "d"),
              (Function<Parts, String>) p -> p.joined("|")),
          Arguments.of("a rule name moved into the note",
              new Parts(List.of(), List.of("r", "x"), "y"),
              new Parts(List.of(), List.of("r"), "x\ny"),
              (Function<Parts, String>) p -> p.joined("\n")),
          Arguments.of("a NUL separator inside the note",
              new Parts(List.of("b"), List.of(), "a"),
              new Parts(List.of(), List.of(), "b\u0000a"),
              (Function<Parts, String>) p -> p.joined("\u0000")),
          Arguments.of("plain concatenation",
              new Parts(List.of("ab"), List.of(), "c"),
              new Parts(List.of("a"), List.of("b"), "c"),
              (Function<Parts, String>) p -> p.joined("")),
          Arguments.of("a reason code that became a rule (length prefixes without counts)",
              new Parts(List.of("a"), List.of(), "n"),
              new Parts(List.of(), List.of("a"), "n"),
              (Function<Parts, String>) Parts::lengthPrefixedWithoutCounts),
          Arguments.of("a note that spells out the reason code before it",
              new Parts(List.of("1:a"), List.of(), "b"),
              new Parts(List.of(), List.of(), "1:ab"),
              (Function<Parts, String>) p -> p.joined("")),
          Arguments.of("a missing note against the text 'null'",
              new Parts(List.of(), List.of(), null),
              new Parts(List.of(), List.of(), "null"),
              (Function<Parts, String>) p -> p.joined("|")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("confusablePairs")
    @DisplayName("entries that a naive encoding confuses hash differently")
    void confusablePairsHashDifferently(String what, Parts first, Parts second,
        Function<Parts, String> naive) {
      assertThat(naive.apply(first)).as("the naive encoding confuses them")
          .isEqualTo(naive.apply(second));

      HistoryEntry a = first.entry();
      HistoryEntry b = second.entry();

      assertThat(a.hash()).isNotEqualTo(b.hash());
      // ...and neither can stand in for the other in a chain.
      HistoryEntry swapped = edit(a, e -> e.reasonCodes(b.reasonCodes()).rules(b.rules())
          .note(b.note()));
      assertThat(HistoryChain.firstBrokenLink(List.of(swapped))).hasValue(1);
    }

    @Test
    @DisplayName("a missing note, an empty note and separator-like notes all hash differently")
    void separatorLikeNotes() {
      List<String> notes = new ArrayList<>(List.of("", "-1:", "0:", "3:abc", "|", "||", "\n",
          "a\nb", "a\rb", "a b", "a\u0000b", "[0]", "[1]1:a", "null"));
      notes.add(null);

      List<String> hashes = notes.stream()
          .map(note -> new Parts(List.of(), List.of(), note).entry().hash())
          .toList();

      assertThat(hashes).doesNotHaveDuplicates();
    }
  }
}
