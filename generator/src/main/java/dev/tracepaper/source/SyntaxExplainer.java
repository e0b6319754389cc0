package dev.tracepaper.source;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.YamlLines.Level;
import dev.tracepaper.source.YamlLines.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Turns the YAML parser's complaint into what a model's author can act on: what the mistake most
 * likely is, in the author's words (indentation, quotes, a colon inside a text), and a hint that
 * shows the line corrected where it can. The parser's own words end the message, so nothing is lost
 * when the explanation guesses wrong.
 */
final class SyntaxExplainer {

  static final String ID = "YamlSyntax";

  private final String file;
  private final YamlLines lines;

  SyntaxExplainer(String file, String text) {
    this.file = file;
    this.lines = new YamlLines(text);
  }

  Diagnostic explain(MarkedYamlEngineException e) {
    String problem = e.getProblem() == null ? "" : e.getProblem();
    String context = e.getContext() == null ? "" : e.getContext();
    SourceLocation at =
        e.getProblemMark().map(m -> YamlReader.locate(file, m)).orElse(SourceLocation.ofFile(file));
    Optional<SourceLocation> start = e.getContextMark().map(m -> YamlReader.locate(file, m));
    String parser = (context.isEmpty() ? "" : context + ": ") + problem;
    return explanation(problem, context, at, start)
        .map(
            d ->
                d.withMessage(
                    d.message()
                        + " (The YAML parser says: "
                        + parser.strip().replaceFirst("\\.+$", "")
                        + ".)"))
        .orElseGet(() -> ParserWords.inOurWords(problem, context, at, start));
  }

  private Optional<Diagnostic> explanation(
      String problem, String context, SourceLocation at, Optional<SourceLocation> start) {
    if (problem.startsWith("mapping values are not allowed here")) {
      return strayQuote(at).or(() -> Optional.of(colonInValue(at)));
    }
    if (problem.startsWith("expected <block end>, but found")) {
      return strayQuote(at).or(() -> Optional.of(blockEnd(at, start)));
    }
    if (problem.startsWith("could not find expected ':'") && start.isPresent()) {
      return Optional.of(missingColon(start.get()));
    }
    if (problem.startsWith("expected ',' or ']'") || problem.startsWith("expected ',' or '}'")) {
      char open = problem.startsWith("expected ',' or ']'") ? '[' : '{';
      return start.map(s -> unclosedBracket(open, at, s));
    }
    if (problem.startsWith("found unexpected end of stream")
        || problem.startsWith("found unexpected document separator")) {
      return start.map(s -> unclosedQuote(s, at));
    }
    if (problem.startsWith("expected '<document start>'")) {
      return Optional.of(afterDocumentEnd(at));
    }
    if (problem.startsWith("DEL character")) {
      return Optional.of(
          Diagnostic.error(
                  ID,
                  at,
                  "The line holds the control character DEL (U+007F), which most editors do not show and YAML does not allow here.")
              .withHint("delete the character; retyping the text around this place removes it"));
    }
    if (problem.contains("leading empty lines contain more spaces")) {
      return Optional.of(
          Diagnostic.error(
                  ID,
                  start.orElse(at),
                  "A text block (after `|` or `>`) begins with blank lines that hold more spaces than its first line of text.")
              .withHint("remove the spaces on the blank lines at the start of the text"));
    }
    return startsValue(problem, context)
        .map(what -> badStart(what, start.filter(s -> s.line() == at.line()), at));
  }

  /** What a value starts with that YAML reads as syntax, from the parser's problem. */
  private static Optional<String> startsValue(String problem, String context) {
    if (problem.startsWith("found character '")) {
      return Optional.of(problem.substring("found character '".length()).substring(0, 1));
    }
    if (problem.startsWith("sequence entries are not allowed here")) {
      return Optional.of("-");
    }
    if (problem.startsWith("mapping keys are not allowed here")) {
      return Optional.of("?");
    }
    if (problem.startsWith("expected the node content, but found '")) {
      return Optional.of(
          problem.substring(
              "expected the node content, but found '".length(), problem.length() - 1));
    }
    if (context.contains("an anchor")) {
      return Optional.of("&");
    }
    if (context.contains("an alias")) {
      return Optional.of("*");
    }
    if (context.contains("a tag") || problem.contains("tag handle")) {
      return Optional.of("!");
    }
    if (context.contains("block scalar")) {
      return Optional.of("| or >");
    }
    if (context.contains("a directive")) {
      return Optional.of("%");
    }
    if (problem.startsWith("found unknown escape character")
        || problem.startsWith("expected escape sequence")) {
      return Optional.of("\\");
    }
    return Optional.empty();
  }

  /** A value whose first character YAML reads as syntax: the text needs quotes. */
  private Diagnostic badStart(String what, Optional<SourceLocation> start, SourceLocation at) {
    SourceLocation place = start.orElse(at);
    Line line = lines.line(place.line());
    if (what.equals("\\")) {
      return badEscape(line, at);
    }
    String first =
        place.column() <= line.text().length()
            ? String.valueOf(line.text().charAt(place.column() - 1))
            : what;
    String shown = first.equals("`") ? "`` ` ``" : "`" + first + "`";
    if (place.column() - 1 <= line.start()) {
      return Diagnostic.error(
              ID,
              place,
              "Line %d starts with %s, which YAML reads as part of its own syntax, not as text."
                  .formatted(line.number(), shown))
          .withHint("remove the %s, or put the line's text in quotes".formatted(shown));
    }
    String subject = line.key().map(k -> "The value of `" + k + "`").orElse("The value");
    String message =
        "%s starts with %s, which YAML reads as part of its own syntax, not as text."
            .formatted(subject, shown);
    return Diagnostic.error(ID, place, message).withHint(quoteHint(line));
  }

  private static Diagnostic badEscape(Line line, SourceLocation at) {
    String hint =
        "write `\\\\` for a backslash, or put the text in single quotes, where a backslash is an ordinary character";
    String value = line.value();
    if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
      String single = "'" + value.substring(1, value.length() - 1).replace("'", "''") + "'";
      hint += ": `" + line.text().strip().replace(value, single) + "`";
    }
    return Diagnostic.error(
            ID,
            at,
            "Inside double quotes a backslash starts an escape such as `\\n`, and this one is not an escape YAML knows.")
        .withHint(hint);
  }

  private static String quoteHint(Line line) {
    if (!line.hasValue()) {
      return "put the text in quotes";
    }
    return "put the text in quotes: `" + YamlLines.withQuotedValue(line) + "`";
  }

  /**
   * "mapping values are not allowed here": a {@code :} where no key can start. Either a text holds
   * {@code ": "}, or the line is indented under a key that already has a value on its line, or the
   * line above lacks its colon.
   */
  private Diagnostic colonInValue(SourceLocation at) {
    Line line = lines.line(at.line());
    Optional<Diagnostic> noSpace = noSpaceAfterColon(line, at);
    if (noSpace.isPresent()) {
      return noSpace.get();
    }
    int keyColon = line.key().map(k -> line.text().indexOf(':', line.indent())).orElse(-1);
    if (keyColon >= 0 && keyColon < at.column() - 1) {
      return Diagnostic.error(
              ID,
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
              ID,
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
              ID,
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
            ID, at, "Line %d has a `:` where YAML expects no key.".formatted(line.number()))
        .withHint(
            "check the indentation of line %d against the lines above it, and put text that holds `: ` in quotes"
                .formatted(line.number()));
  }

  /** {@code name:value}: without a space after it, a colon does not end a key. */
  private Optional<Diagnostic> noSpaceAfterColon(Line line, SourceLocation at) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^([A-Za-z_$][\\w.$-]*):(\\S.*)$")
            .matcher(line.text().substring(Math.min(line.indent(), line.text().length())));
    if (line.key().isPresent() || !m.matches() || m.group(2).startsWith(":")) {
      return Optional.empty();
    }
    Diagnostic d =
        Diagnostic.error(
                ID,
                SourceLocation.of(file, line.number(), line.column()),
                "Line %d has no space after the `:` of `%s`, so YAML does not read `%s` as a key."
                    .formatted(line.number(), m.group(1), m.group(1)))
            .withHint("write `%s: %s`".formatted(m.group(1), m.group(2)));
    return Optional.of(at.line() == line.number() ? d : d.withRelated(at));
  }

  /** A line indented under a line whose key already has its value. */
  private Diagnostic deeperThanValue(Line line, Line above, SourceLocation at) {
    if (above.key().filter(k -> k.matches("-\\w.*")).isPresent()) {
      String key = above.key().get();
      String fixed = above.text().strip().replaceFirst("^-", "- ");
      return Diagnostic.error(
              ID,
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
      return Diagnostic.error(ID, at, message)
          .withHint(
              "if line %d goes on with the text of line %d, put the whole text in quotes; otherwise move line %d %s left to line up with %s"
                  .formatted(
                      line.number(),
                      above.number(),
                      line.number(),
                      spaces(line.indent() - above.indent()),
                      owner));
    }
    int by = line.indent() - above.indent();
    String hint =
        "move `%s` %s left to line up with %s on line %d"
            .formatted(name, spaces(by), owner, above.number());
    if (above.key().isPresent()) {
      hint +=
          "; or, if `%s` belongs inside %s, remove `%s` from line %d"
              .formatted(name, owner, above.value(), above.number());
    }
    return Diagnostic.error(ID, at, message).withHint(hint);
  }

  /**
   * "expected <block end>": the line neither continues the mapping or list above it nor ends it,
   * because it lines up with no key above, or because more follows a complete value on its line.
   */
  private Diagnostic blockEnd(SourceLocation at, Optional<SourceLocation> start) {
    Line line = lines.line(at.line());
    if (at.column() - 1 > line.start() && line.hasValue()) {
      return textAfterValue(line, at);
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
        return badStart(String.valueOf(c), Optional.empty(), at);
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
              "%s right to line up with %s".formatted(spaces(r.indent() - indent), r.describe()));
        });
    left.ifPresent(
        l -> {
          message.append(right.isPresent() ? ", " : ": ");
          message.append("%s has %d".formatted(l.describe(), l.indent()));
          moves.add(
              "%s left to line up with %s".formatted(spaces(indent - l.indent()), l.describe()));
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
              .formatted(name, r.describe(), other, spaces(by), name, spaces(by));
    }
    Diagnostic plain = Diagnostic.error(ID, at, message.toString());
    Diagnostic d = hint.isEmpty() ? plain : plain.withHint(hint);
    return right
        .map(r -> d.withRelated(SourceLocation.of(file, r.line().number(), r.indent() + 1)))
        .orElse(d);
  }

  /** A line that starts in the column of a key or `-` above, yet cannot continue that block. */
  private Diagnostic sameColumn(Line line, Level level, SourceLocation at) {
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
                              spaces(level.line().indent() - level.indent()),
                              k,
                              level.line().number()))
              .orElse("start the line with `- ` to make it an item of the list");
      return Diagnostic.error(
              ID,
              at,
              "Line %d lines up with the `-` of the list item on line %d, so YAML expects another `- ` item there; the keys of one item line up with its first key, after the `- `."
                  .formatted(line.number(), level.line().number()))
          .withHint(hint)
          .withRelated(there);
    }
    if (!level.dash() && line.dash() >= 0) {
      return Diagnostic.error(
              ID,
              at,
              "Line %d starts a list item (`- `) among the keys of a mapping: %s starts in the same column."
                  .formatted(line.number(), level.describe()))
          .withHint("remove the `- ` if `%s` is a key like the others".formatted(line.name()))
          .withRelated(there);
    }
    return Diagnostic.error(
            ID,
            at,
            "Line %d lines up with %s, but YAML cannot read it as part of the same block."
                .formatted(line.number(), level.describe()))
        .withHint("check that line %d is a name, a colon and a value".formatted(line.number()))
        .withRelated(there);
  }

  /** A line after {@code ---} or {@code ...}, which end the document YAML is reading. */
  private Diagnostic afterDocumentEnd(SourceLocation at) {
    for (int n = at.line() - 1; n >= 1; n--) {
      String text = lines.line(n).text().strip();
      if (text.startsWith("---") || text.startsWith("...")) {
        return Diagnostic.error(
                ID,
                SourceLocation.of(file, n, 1),
                "Line %d, `%s`, ends the model where YAML does not expect it; a model file is one document."
                    .formatted(n, text))
            .withHint("remove line %d".formatted(n))
            .withRelated(at);
      }
    }
    for (int n = 1; n < at.line(); n++) {
      Line first = lines.line(n);
      if (YamlLines.significant(first)) {
        if (first.start() > lines.line(at.line()).start()) {
          return Diagnostic.error(
                  ID,
                  SourceLocation.of(file, n, first.start() + 1),
                  "The first line of the file, `%s`, is indented by %s; the sections of a model file start in the first column, as line %d does."
                      .formatted(first.name(), spaces(first.start()), at.line()))
              .withHint("remove the spaces before `%s` on line %d".formatted(first.name(), n))
              .withRelated(at);
        }
        break;
      }
    }
    return Diagnostic.error(
        ID, at, "Line %d stands where YAML expects a new document to start.".formatted(at.line()));
  }

  private boolean firstUnder(Level level, Level parent) {
    return !level.dash()
        && !parent.dash()
        && lines.above(level.line().number()).map(Line::number).orElse(0) == parent.line().number();
  }

  /** A complete value (quoted, or a `[…]`/`{…}`) with more text after it on its line. */
  private Diagnostic textAfterValue(Line line, SourceLocation at) {
    String subject = line.key().map(k -> "The value of `" + k + "`").orElse("The value");
    char first = line.value().charAt(0);
    String message;
    if (first == '"' || first == '\'') {
      message = "%s starts with a quote, so it ends at the closing quote; more text follows it.";
    } else if (first == '[' || first == '{') {
      message =
          "%s starts with `"
              + first
              + "`, so it ends at the matching `"
              + (first == '[' ? ']' : '}')
              + "`; more text follows it.";
    } else {
      message = "%s is complete, yet more text follows it on the line.";
    }
    String hint = "if it is all one text, put it in quotes: `" + fullyQuoted(line) + "`";
    if (first == '[' || first == '{') {
      hint =
          "if it is a %s, remove what follows the `%s`; %s"
              .formatted(first == '[' ? "list" : "mapping", first == '[' ? ']' : '}', hint);
    }
    return Diagnostic.error(ID, at, message.formatted(subject)).withHint(hint);
  }

  private static String fullyQuoted(Line line) {
    return YamlLines.withQuotedValue(line);
  }

  /** A quote opened on a line above and not closed there, which made the parser read on. */
  private Optional<Diagnostic> strayQuote(SourceLocation at) {
    for (int n = at.line() - 1; n >= 1; n--) {
      Line line = lines.line(n);
      Optional<Character> quote = YamlLines.unclosedQuote(line);
      String before = lines.line(at.line()).text();
      before = before.substring(0, Math.min(before.length(), at.column() - 1));
      if (quote.isPresent() && before.indexOf(quote.get()) >= 0) {
        int column = line.text().lastIndexOf(line.value()) + 1;
        return Optional.of(
            Diagnostic.error(
                    ID,
                    SourceLocation.of(file, n, column),
                    "The text of `%s` opens a quote `%s` that is not closed on its line, so YAML reads on to the next `%s`, on line %d."
                        .formatted(line.name(), quote.get(), quote.get(), at.line()))
                .withHint("close the quote: `" + line.text().strip() + quote.get() + "`")
                .withRelated(at));
      }
    }
    return Optional.empty();
  }

  private Diagnostic unclosedQuote(SourceLocation start, SourceLocation at) {
    Line line = lines.line(start.line());
    String end =
        at.line() > lines.count() || lines.line(at.line()).content().isEmpty()
            ? "the end of the file"
            : "line " + at.line();
    char quote =
        line.text().length() >= start.column() ? line.text().charAt(start.column() - 1) : '"';
    return Diagnostic.error(
            ID,
            start,
            "The quote `%s` on line %d is never closed, so the text runs on to %s."
                .formatted(quote, start.line(), end))
        .withHint("close the text with `%s`: `%s%s`".formatted(quote, line.text().strip(), quote))
        .withRelated(at);
  }

  private Diagnostic unclosedBracket(char open, SourceLocation at, SourceLocation start) {
    char close = open == '[' ? ']' : '}';
    Line line = lines.line(start.line());
    String kind = open == '[' ? "list" : "mapping";
    if (at.line() == start.line() && at.column() <= line.text().length()) {
      char found = line.text().charAt(at.column() - 1);
      if (found == ']' || found == '}') {
        return Diagnostic.error(
                ID,
                at,
                "The `%s` opened at column %d is closed by `%s`; a %s written with `%s` ends with `%s`."
                    .formatted(open, start.column(), found, kind, open, close))
            .withHint("write `%s` instead of `%s`".formatted(close, found))
            .withRelated(start);
      }
    }
    String hint = "close the %s with `%s`".formatted(kind, close);
    if (line.hasValue() && line.value().charAt(0) == open && line.value().indexOf(close) < 0) {
      String closed = line.text().strip() + close;
      hint =
          looksLikeText(line)
              ? "close it: `%s`; or, if this is a text, put it in quotes: `%s`"
                  .formatted(closed, YamlLines.withQuotedValue(line))
              : "close it: `%s`".formatted(closed);
    }
    return Diagnostic.error(
            ID,
            start,
            "The `%s` on line %d opens a %s that is not closed with `%s` on its line."
                .formatted(open, start.line(), kind, close))
        .withHint(hint)
        .withRelated(at);
  }

  /** A value with no `:` and no `,` after its bracket reads as words, not as a list or mapping. */
  private static boolean looksLikeText(Line line) {
    String rest = line.value().substring(1);
    return !rest.contains(":") && !rest.contains(",") && rest.strip().contains(" ");
  }

  private Diagnostic missingColon(SourceLocation start) {
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
            ID,
            start,
            "Line %d has no `:`; each line of a mapping is a name, a colon and a value."
                .formatted(start.line()))
        .withHint(hint);
  }

  private static String code(Line line) {
    return "`" + line.name() + "`";
  }

  private static String spaces(int n) {
    return n == 1 ? "1 space" : n + " spaces";
  }
}
