package dev.tracepaper.extend;

import dev.tracepaper.source.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/**
 * Whole lines of a hand-written extension file, cut out as written (comments included) and
 * outdented so that the key or list dash they start with stands in column 0; {@code at} is where
 * they come from, for messages and for {@code generate --dry-run}. {@code first} is the file's line
 * the block's first line was, and {@code anchor} the spaces its lines lost, to locate what is in
 * it.
 */
record Block(List<String> lines, SourceLocation at, int first, int anchor) {

  Block {
    lines = List.copyOf(lines);
  }

  /**
   * Lines {@code first} to {@code last} (1-based, inclusive) of {@code text}, outdented by {@code
   * anchor} spaces. A line indented less (a comment further left) loses only the spaces it has.
   */
  static Block cut(Text text, int first, int last, int anchor, SourceLocation at) {
    List<String> lines = new ArrayList<>();
    for (int line = first; line <= last; line++) {
      String s = text.line(line);
      lines.add(s.isBlank() ? "" : s.substring(Math.min(anchor, text.indentOf(line))));
    }
    return new Block(lines, at, first, anchor);
  }

  /** The same block with other lines, as a rewriting of these. */
  Block with(List<String> rewritten) {
    return new Block(rewritten, at, first, anchor);
  }

  /** The lines indented by {@code indent} spaces, each ending in a line break. */
  String indented(int indent) {
    StringBuilder out = new StringBuilder();
    String pad = " ".repeat(indent);
    for (String line : lines) {
      out.append(line.isEmpty() ? "" : pad + line).append('\n');
    }
    return out.toString();
  }
}
