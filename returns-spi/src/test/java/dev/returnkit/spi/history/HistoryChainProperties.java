package dev.returnkit.spi.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.returnkit.spi.id.ReturnId;
import dev.returnkit.spi.vocabulary.Actor;
import dev.returnkit.spi.vocabulary.ReturnCommand;
import dev.returnkit.spi.vocabulary.ReturnStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The hash of an entry is injective in its free-text parts: built from short strings over an
 * alphabet of separators, length digits and brackets, so that naive encodings would collide
 * often.
 */
@Label("History chain properties")
class HistoryChainProperties {

  private static final ReturnId CASE = ReturnId.of("R-1");
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");

  record Parts(List<String> reasonCodes, List<String> rules, String note, String actorId) {

    HistoryEntry entry() {
      return HistoryChain.append(HistoryHead.EMPTY, CASE, AT, Actor.agent(actorId),
          ReturnCommand.REQUEST, null, ReturnStatus.IN_REVIEW, reasonCodes, rules, note);
    }
  }

  private static Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("ab1:-|[] \n\u0000").ofMaxLength(4);
  }

  @Provide
  Arbitrary<Parts> parts() {
    return Combinators.combine(
            texts().list().ofMaxSize(3),
            texts().list().ofMaxSize(3),
            texts().injectNull(0.2),
            texts())
        .as(Parts::new);
  }

  @Property(tries = 3000)
  @Label("two entries hash alike exactly when their content is the same")
  void hashIsInjective(@ForAll("parts") Parts first, @ForAll("parts") Parts second) {
    boolean sameContent = first.equals(second);

    assertThat(first.entry().hash().equals(second.entry().hash())).isEqualTo(sameContent);
  }

  @Property
  @Label("moving the boundary between two adjacent fields changes the hash")
  void movingABoundaryChangesTheHash(@ForAll("parts") Parts parts) {
    // Move the note's first character to the end of the last rule (or a new rule).
    if (parts.note() == null || parts.note().isEmpty()) {
      return;
    }
    List<String> rules = new ArrayList<>(parts.rules());
    if (rules.isEmpty()) {
      rules.add("");
    }
    int last = rules.size() - 1;
    rules.set(last, rules.get(last) + parts.note().charAt(0));
    Parts moved = new Parts(parts.reasonCodes(), rules, parts.note().substring(1),
        parts.actorId());

    assertThat(moved.entry().hash()).isNotEqualTo(parts.entry().hash());
  }

  @Property
  @Label("every entry appended to an intact chain keeps it intact")
  void appendKeepsChainIntact(@ForAll("partsLists") List<Parts> steps) {
    List<HistoryEntry> chain = new ArrayList<>();
    HistoryHead head = HistoryHead.EMPTY;
    for (Parts step : steps) {
      HistoryEntry entry = HistoryChain.append(head, CASE, AT, Actor.agent(step.actorId()),
          ReturnCommand.REQUEST, null, ReturnStatus.IN_REVIEW, step.reasonCodes(), step.rules(),
          step.note());
      chain.add(entry);
      head = HistoryHead.of(entry);
    }

    assertThat(HistoryChain.firstBrokenLink(chain)).isEmpty();
    assertThat(head.sequence()).isEqualTo(steps.size());
  }

  @Provide
  Arbitrary<List<Parts>> partsLists() {
    return parts().list().ofMaxSize(12);
  }
}
