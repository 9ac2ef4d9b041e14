package dev.returnkit.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Did you mean")
class SpellingTest {

  private static final List<String> KNOWN =
      List.of("electronics", "appliances", "toys", "tops", "category");

  @Test
  @DisplayName("counts added, dropped, changed and swapped letters as one edit each")
  void distance() {
    assertThat(Spelling.distance("electronic", "electronics")).isEqualTo(1);
    assertThat(Spelling.distance("electronicss", "electronics")).isEqualTo(1);
    assertThat(Spelling.distance("elextronics", "electronics")).isEqualTo(1);
    assertThat(Spelling.distance("eletcronics", "electronics")).isEqualTo(1);
    assertThat(Spelling.distance("", "toys")).isEqualTo(4);
    assertThat(Spelling.distance("toys", "")).isEqualTo(4);
    assertThat(Spelling.distance("abc", "cab")).isEqualTo(2);
    assertThat(Spelling.distance("same", "same")).isZero();
  }

  @Test
  @DisplayName("offers the closest known name within two edits, one for short names, ignoring "
      + "case; nothing for a known name or a far one")
  void closest() {
    assertThat(Spelling.closest("electronic", KNOWN)).contains("electronics");
    assertThat(Spelling.closest("ELECTRONCIS", KNOWN)).contains("electronics");
    assertThat(Spelling.closest("elctronic", KNOWN)).contains("electronics");
    assertThat(Spelling.closest("elctrnc", KNOWN)).isEmpty();
    assertThat(Spelling.closest("categori", KNOWN)).contains("category");
    // Four letters: one edit only ("tosy" is one swap from "toys"; "tpzs" two from both).
    assertThat(Spelling.closest("toy", KNOWN)).contains("toys");
    assertThat(Spelling.closest("tosy", KNOWN)).contains("toys");
    assertThat(Spelling.closest("tpzs", KNOWN)).isEmpty();
    // A five-letter name may be two edits away.
    assertThat(Spelling.closest("toyss", List.of("toys"))).contains("toys");
    assertThat(Spelling.closest("tyoss", List.of("toys"))).contains("toys");
    // The closest wins, then the first listed among equals.
    assertThat(Spelling.closest("tops", List.of("tap", "tops"))).isEmpty();
    assertThat(Spelling.closest("abcde", List.of("abcxy", "abcdx", "abcdy"))).contains("abcdx");
    assertThat(Spelling.closest("applianse", List.of("applianses", "appliance")))
        .contains("applianses");
    assertThat(Spelling.closest("Toys", KNOWN)).isEmpty();
  }
}
