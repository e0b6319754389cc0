package dev.tracepaper.extend;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Insertions into a generated file's text, applied all at once so that every offset refers to the
 * text as generated. Nothing is removed or rewritten: the generated lines, comments included, stay
 * as they were.
 */
final class Edits {

  private record Insertion(int offset, int order, String text) {
    /** The indentation of the text's first line that is not blank. */
    int indent() {
      for (String line : text.split("\n", -1)) {
        if (!line.isBlank()) {
          return line.length() - line.stripLeading().length();
        }
      }
      return 0;
    }
  }

  private final String original;
  private final List<Insertion> insertions = new ArrayList<>();

  Edits(String original) {
    this.original = original;
  }

  /**
   * Inserts {@code text} at {@code offset}. Of insertions at one offset, the more indented goes
   * first: where a function's last property ends, its resource and the whole section end too, and
   * an addition to the property must stay inside it, before a new property or resource. Equally
   * indented insertions keep the order given.
   */
  void insert(int offset, String text) {
    insertions.add(new Insertion(offset, insertions.size(), text));
  }

  boolean isEmpty() {
    return insertions.isEmpty();
  }

  String apply() {
    List<Insertion> sorted = new ArrayList<>(insertions);
    sorted.sort(
        Comparator.comparingInt(Insertion::offset)
            .thenComparing(Comparator.comparingInt(Insertion::indent).reversed())
            .thenComparingInt(Insertion::order));
    StringBuilder out = new StringBuilder(original.length() + 1024);
    int at = 0;
    for (Insertion insertion : sorted) {
      out.append(original, at, insertion.offset());
      if (insertion.offset() == original.length()
          && !original.isEmpty()
          && !original.endsWith("\n")
          && out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      out.append(insertion.text());
      at = insertion.offset();
    }
    out.append(original, at, original.length());
    return out.toString();
  }
}
