package dev.tracepaper.diagnostic;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import org.apache.commons.text.similarity.LevenshteinDistance;

/** "Did you mean …?" for a misspelt name: the closest known name, if it is close enough. */
public final class Suggestions {

  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private Suggestions() {}

  public static Optional<String> closest(String wrong, Collection<String> known) {
    String lower = wrong.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, wrong.length() / 3));
    return known.stream()
        .filter(candidate -> !candidate.equals(wrong))
        .filter(candidate -> distance(lower, candidate) <= allowed)
        .min(Comparator.comparingInt((String c) -> distance(lower, c)).thenComparing(c -> c));
  }

  /** A ready hint sentence, or empty when nothing is close. */
  public static String didYouMean(String wrong, Collection<String> known) {
    return closest(wrong, known).map(s -> "did you mean `" + s + "`?").orElse("");
  }

  /** Edit distance in which swapping two neighbouring letters, a common typo, costs one edit. */
  private static int distance(String lowerWrong, String candidate) {
    String lower = candidate.toLowerCase(Locale.ROOT);
    return isOneSwapApart(lowerWrong, lower) ? 1 : DISTANCE.apply(lowerWrong, lower);
  }

  private static boolean isOneSwapApart(String a, String b) {
    if (a.length() != b.length()) {
      return false;
    }
    int first = 0;
    while (first < a.length() && a.charAt(first) == b.charAt(first)) {
      first++;
    }
    return first + 1 < a.length()
        && a.charAt(first) == b.charAt(first + 1)
        && a.charAt(first + 1) == b.charAt(first)
        && a.substring(first + 2).equals(b.substring(first + 2));
  }
}
