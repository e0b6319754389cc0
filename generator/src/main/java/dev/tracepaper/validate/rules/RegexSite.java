package dev.tracepaper.validate.rules;

import dev.tracepaper.model.Located;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.PatternDef;
import dev.tracepaper.model.PatternResolver;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.rules.shape.FieldSite;
import dev.tracepaper.validate.rules.shape.FieldSites;
import java.util.ArrayList;
import java.util.List;

/**
 * A regular expression written in the model: a pattern of the {@code patterns:} section, or the
 * {@code pattern:} of a field that does not name a pattern. {@code what} names it for messages.
 */
record RegexSite(Located<String> regex, String what) {

  String text() {
    return regex.value();
  }

  /** Where the character at {@code offset} of the regex is written. */
  SourceLocation locationOf(ModelIndex index, int offset) {
    return ScalarOffsets.locate(index.model().sources(), regex.location(), text(), offset);
  }

  static List<RegexSite> all(ModelIndex index, PatternResolver resolver) {
    List<RegexSite> sites = new ArrayList<>();
    for (PatternDef def : index.model().patterns()) {
      sites.add(new RegexSite(def.regex(), "the pattern `%s`".formatted(def.name())));
    }
    for (FieldSite site : FieldSites.all(index)) {
      site.field()
          .constraints()
          .pattern()
          .filter(p -> !resolver.namesPattern(p.value()))
          .ifPresent(p -> sites.add(new RegexSite(p, "the pattern of " + site.phrase())));
    }
    return sites;
  }

  /**
   * The regex with every {@code {{Name}}} replaced by an empty group, so that its own syntax can be
   * checked apart from what it splices; {@code original[i]} is where character {@code i} came from.
   */
  record Unspliced(String text, int[] original) {

    static Unspliced of(String regex) {
      StringBuilder text = new StringBuilder();
      List<Integer> original = new ArrayList<>();
      int last = 0;
      for (PatternResolver.Splice splice : PatternResolver.splices(regex)) {
        copy(regex, last, splice.start(), text, original);
        for (char c : "(?:)".toCharArray()) {
          text.append(c);
          original.add(splice.start());
        }
        last = splice.end();
      }
      copy(regex, last, regex.length(), text, original);
      original.add(regex.length());
      return new Unspliced(
          text.toString(), original.stream().mapToInt(Integer::intValue).toArray());
    }

    private static void copy(
        String regex, int from, int to, StringBuilder text, List<Integer> original) {
      for (int i = from; i < to; i++) {
        text.append(regex.charAt(i));
        original.add(i);
      }
    }

    /** The offset in the regex as written of character {@code i} of {@link #text()}. */
    int originalOffset(int i) {
      return original[Math.max(0, Math.min(i, original.length - 1))];
    }
  }
}
