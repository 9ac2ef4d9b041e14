package dev.returnkit.rules;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/**
 * "Did you mean ...?" for names a policy owner typed: the known name closest to a typo, by edit
 * distance (letters added, dropped, changed or swapped), ignoring case. Stateless.
 */
public final class Spelling {

  private Spelling() {}

  /**
   * The known name a typed one most likely means: at most two edits away (one for names of up to
   * four letters), the closest first, the first listed among equals.
   *
   * @param typed what was written
   * @param known the names that exist
   * @return the closest, or empty when none is near or the name is known as written
   */
  public static Optional<String> closest(String typed, Collection<String> known) {
    String wanted = typed.toLowerCase(Locale.ROOT);
    int allowed = wanted.length() <= 4 ? 1 : 2;
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String name : known) {
      int distance = distance(wanted, name.toLowerCase(Locale.ROOT));
      if (distance == 0) {
        return Optional.empty();
      }
      if (distance <= allowed && distance < bestDistance) {
        best = name;
        bestDistance = distance;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance: Levenshtein with swaps of neighbours. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
