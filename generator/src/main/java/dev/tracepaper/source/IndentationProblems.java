package dev.tracepaper.source;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.YamlLines.Level;
import dev.tracepaper.source.YamlLines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * YAML syntax errors of indentation and keys: a line that lines up with no key above it, a line
 * indented under a key that already has its value, a key without its colon. Part of {@link
 * SyntaxExplainer}.
 */
final class IndentationProblems {

  private final String file;
  private final YamlLines lines;
  private final ValueProblems values;

  IndentationProblems(String file, YamlLines lines, ValueProblems values) {
    this.file = file;
    this.lines = lines;
    this.values = values;
  }

  /**
   * "mapping values are not allowed here": a {@code :} where no key can start. Either a text holds
   * {@code ": "}, or the line is indented under a key that already has a value on its line, or the
   * line above lacks its colon.
   */
  Diagnostic colonInValue(SourceLocation at) {
    Line line = lines.line(at.line());
    Optional<Diagnostic> noSpace = noSpaceAfterColon(line, at);
    if (noSpace.isPresent()) {
      return noSpace.get();
    }
    int keyColon = line.key().map(k -> line.text().indexOf(':', line.indent())).orElse(-1);
    if (keyColon >= 0 && keyColon < at.column() - 1) {
      return Diagnostic.error(
              SyntaxExplainer.ID,
              at,
              "The text of `%s` holds `: `, which YAML reads as the start of another key."
                  .formatted(line.key().get()))
          .withHint(
              "put text that holds `: ` in quotes: `" + YamlLines.withQuotedValue(line) + "`");
    }
    Optional<Line> above = lines.above(line.number());
    if (above.isPresent()) {
      noSpace = noSpaceAfterColon(above.get(), at);
      if (noSpace.isPresent()) {
        return noSpace.get();
      }
    }
    if (above.isPresent()
        && above.get().key().isEmpty()
        && above.get().dash() < 0
        && above.get().content().strip().matches("[\\w.$-]+")
        && line.indent() > above.get().indent()) {
      Line bare = above.get();
      return Diagnostic.error(
              SyntaxExplainer.ID,
              SourceLocation.of(file, bare.number(), bare.column()),
              "Line %d, `%s`, has no `:` after it, so YAML cannot read the indented lines below it as its content."
                  .formatted(bare.number(), bare.name()))
          .withHint("write `%s:`".formatted(bare.name()))
          .withRelated(at);
    }
    if (above.isPresent() && above.get().key().isEmpty() && line.indent() <= above.get().indent()) {
      Line bare = above.get();
      String fixed = bare.content().strip().replaceFirst("^(- )?(\\S+)\\s+", "$1$2: ");
      return Diagnostic.error(
              SyntaxExplainer.ID,
              SourceLocation.of(file, bare.number(), bare.column()),
              "Line %d has no `:` after its name, so YAML reads it and line %d as one text."
                  .formatted(bare.number(), line.number()))
          .withHint("write the name, a colon and the value: `" + fixed + "`")
          .withRelated(at);
    }
    if (above.isPresent() && above.get().hasValue() && line.indent() > above.get().indent()) {
      return deeperThanValue(line, above.get(), at);
    }
    return Diagnostic.error(
            SyntaxExplainer.ID,
            at,
            "Line %d has a `:` where YAML expects no key.".formatted(line.number()))
        .withHint(
            "check the indentation of line %d against the lines above it, and put text that holds `: ` in quotes"
                .formatted(line.number()));
  }

  /** {@code name:value}: without a space after it, a colon does not end a key. */
  Optional<Diagnostic> noSpaceAfterColon(Line line, SourceLocation at) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^([A-Za-z_$][\\w.$-]*):(\\S.*)$")
            .matcher(line.text().substring(Math.min(line.indent(), line.text().length())));
    if (line.key().isPresent() || !m.matches() || m.group(2).startsWith(":")) {
      return Optional.empty();
    }
    Diagnostic d =
        Diagnostic.error(
                SyntaxExplainer.ID,
                SourceLocation.of(file, line.number(), line.column()),
                "Line %d has no space after the `:` of `%s`, so YAML does not read `%s` as a key."
                    .formatted(line.number(), m.group(1), m.group(1)))
            .withHint("write `%s: %s`".formatted(m.group(1), m.group(2)));
    return Optional.of(at.line() == line.number() ? d : d.withRelated(at));
  }

  /** A line indented under a line whose key already has its value. */
  Diagnostic deeperThanValue(Line line, Line above, SourceLocation at) {
    if (above.key().filter(k -> k.matches("-\\w.*")).isPresent()) {
      String key = above.key().get();
      String fixed = above.text().strip().replaceFirst("^-", "- ");
      return Diagnostic.error(
              SyntaxExplainer.ID,
              SourceLocation.of(file, above.number(), above.column()),
              "Line %d starts with `%s`: a list item needs a space after its `-`."
                  .formatted(above.number(), key))
          .withHint("write `" + fixed + "`")
          .withRelated(at);
    }
    String owner = above.key().map(k -> "`" + k + "`").orElse("the list item");
    String message =
        "Line %d is indented more than line %d, so YAML reads it as more of the value of %s; but %s already has the value `%s`."
            .formatted(line.number(), above.number(), owner, owner, above.value());
    String name = line.name();
    if (name.contains(" ")) {
      return Diagnostic.error(SyntaxExplainer.ID, at, message)
          .withHint(
              "if line %d goes on with the text of line %d, put the whole text in quotes; otherwise move line %d %s left to line up with %s"
                  .formatted(
                      line.number(),
                      above.number(),
                      line.number(),
                      SyntaxExplainer.spaces(line.indent() - above.indent()),
                      owner));
    }
    int by = line.indent() - above.indent();
    String hint =
        "move `%s` %s left to line up with %s on line %d"
            .formatted(name, SyntaxExplainer.spaces(by), owner, above.number());
    if (above.key().isPresent()) {
      hint +=
          "; or, if `%s` belongs inside %s, remove `%s` from line %d"
              .formatted(name, owner, above.value(), above.number());
    }
    return Diagnostic.error(SyntaxExplainer.ID, at, message).withHint(hint);
  }

  /**
   * "expected <block end>": the line neither continues the mapping or list above it nor ends it,
   * because it lines up with no key above, or because more follows a complete value on its line.
   */
  Diagnostic blockEnd(SourceLocation at, Optional<SourceLocation> start) {
    Line line = lines.line(at.line());
    if (at.column() - 1 > line.start() && line.hasValue()) {
      return values.textAfterValue(line, at);
    }
    Optional<Diagnostic> noSpace =
        noSpaceAfterColon(line, at)
            .or(() -> lines.above(line.number()).flatMap(a -> noSpaceAfterColon(a, at)));
    if (noSpace.isPresent()) {
      return noSpace.get();
    }
    if (at.column() - 1 == line.start() && at.column() <= line.text().length()) {
      char c = line.text().charAt(at.column() - 1);
      boolean loneDash = c == '-' && line.dash() < 0;
      if ("[]{},".indexOf(c) >= 0 || loneDash) {
        return values.badStart(String.valueOf(c), Optional.empty(), at);
      }
    }
    List<Level> levels = lines.openLevels(line.number());
    int indent = line.start();
    Optional<Level> same = levels.stream().filter(l -> l.indent() == indent).findFirst();
    if (same.isPresent()) {
      return sameColumn(line, same.get(), at);
    }
    Optional<Level> right = levels.stream().filter(l -> l.indent() > indent).reduce((a, b) -> b);
    Optional<Level> left = levels.stream().filter(l -> l.indent() < indent).findFirst();
    if (right.isEmpty() && left.isPresent() && !left.get().dash() && left.get().line().hasValue()) {
      return deeperThanValue(line, left.get().line(), at);
    }
    StringBuilder message =
        new StringBuilder(
            "Line %d is indented by %d spaces, which lines up with no key above it"
                .formatted(line.number(), indent));
    List<String> moves = new ArrayList<>();
    String name = "`" + line.name() + "`";
    right.ifPresent(
        r -> {
          message.append(": %s has %d".formatted(r.describe(), r.indent()));
          moves.add(
              "%s right to line up with %s"
                  .formatted(SyntaxExplainer.spaces(r.indent() - indent), r.describe()));
        });
    left.ifPresent(
        l -> {
          message.append(right.isPresent() ? ", " : ": ");
          message.append("%s has %d".formatted(l.describe(), l.indent()));
          moves.add(
              "%s left to line up with %s"
                  .formatted(SyntaxExplainer.spaces(indent - l.indent()), l.describe()));
        });
    message.append(
        ". Keys of one mapping, and the `-` of one list, must start in the same column.");
    String hint = moves.isEmpty() ? "" : "move " + name + " " + String.join(", or ", moves);
    if (right.isPresent() && left.isPresent() && firstUnder(right.get(), left.get())) {
      // The block above holds one line: that line, not this one, is more likely out of place.
      Level r = right.get();
      int by = r.indent() - indent;
      String other = "`" + r.line().name() + "`";
      hint =
          "line up %s with %s: move %s %s left, or %s %s right"
              .formatted(
                  name,
                  r.describe(),
                  other,
                  SyntaxExplainer.spaces(by),
                  name,
                  SyntaxExplainer.spaces(by));
    }
    Diagnostic plain = Diagnostic.error(SyntaxExplainer.ID, at, message.toString());
    Diagnostic d = hint.isEmpty() ? plain : plain.withHint(hint);
    return right
        .map(r -> d.withRelated(SourceLocation.of(file, r.line().number(), r.indent() + 1)))
        .orElse(d);
  }

  /** A line that starts in the column of a key or `-` above, yet cannot continue that block. */
  Diagnostic sameColumn(Line line, Level level, SourceLocation at) {
    SourceLocation there = SourceLocation.of(file, level.line().number(), level.indent() + 1);
    if (level.dash() && line.dash() < 0) {
      String hint =
          level
              .line()
              .key()
              .map(
                  k ->
                      "move `%s` %s right to line up with `%s` on line %d"
                          .formatted(
                              line.name(),
                              SyntaxExplainer.spaces(level.line().indent() - level.indent()),
                              k,
                              level.line().number()))
              .orElse("start the line with `- ` to make it an item of the list");
      return Diagnostic.error(
              SyntaxExplainer.ID,
              at,
              "Line %d lines up with the `-` of the list item on line %d, so YAML expects another `- ` item there; the keys of one item line up with its first key, after the `- `."
                  .formatted(line.number(), level.line().number()))
          .withHint(hint)
          .withRelated(there);
    }
    if (!level.dash() && line.dash() >= 0) {
      return Diagnostic.error(
              SyntaxExplainer.ID,
              at,
              "Line %d starts a list item (`- `) among the keys of a mapping: %s starts in the same column."
                  .formatted(line.number(), level.describe()))
          .withHint("remove the `- ` if `%s` is a key like the others".formatted(line.name()))
          .withRelated(there);
    }
    return Diagnostic.error(
            SyntaxExplainer.ID,
            at,
            "Line %d lines up with %s, but YAML cannot read it as part of the same block."
                .formatted(line.number(), level.describe()))
        .withHint("check that line %d is a name, a colon and a value".formatted(line.number()))
        .withRelated(there);
  }

  boolean firstUnder(Level level, Level parent) {
    return !level.dash()
        && !parent.dash()
        && lines.above(level.line().number()).map(Line::number).orElse(0) == parent.line().number();
  }

  Diagnostic missingColon(SourceLocation start) {
    Line line = lines.line(start.line());
    Optional<Diagnostic> noSpace = noSpaceAfterColon(line, start);
    if (noSpace.isPresent()) {
      return noSpace.get();
    }
    String text = line.content().strip();
    String fixed = text.replaceFirst("^(- )?(\\S+)\\s+", "$1$2: ");
    String hint =
        fixed.equals(text)
            ? "write `%s: ` and its value, or remove the line".formatted(text)
            : "write the name, a colon and the value: `" + fixed + "`";
    return Diagnostic.error(
            SyntaxExplainer.ID,
            start,
            "Line %d has no `:`; each line of a mapping is a name, a colon and a value."
                .formatted(start.line()))
        .withHint(hint);
  }

  static String code(Line line) {
    return "`" + line.name() + "`";
  }
}
