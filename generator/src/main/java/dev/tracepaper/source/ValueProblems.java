package dev.tracepaper.source;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.YamlLines.Line;
import java.util.Optional;

/**
 * YAML syntax errors in a value: a quote or bracket left open, text after a closed one, a value
 * that starts with a character YAML reads as its own syntax. Part of {@link SyntaxExplainer}.
 */
final class ValueProblems {

  private final String file;
  private final YamlLines lines;

  ValueProblems(String file, YamlLines lines) {
    this.file = file;
    this.lines = lines;
  }

  /** A value whose first character YAML reads as syntax: the text needs quotes. */
  Diagnostic badStart(String what, Optional<SourceLocation> start, SourceLocation at) {
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
              SyntaxExplainer.ID,
              place,
              "Line %d starts with %s, which YAML reads as part of its own syntax, not as text."
                  .formatted(line.number(), shown))
          .withHint("remove the %s, or put the line's text in quotes".formatted(shown));
    }
    String subject = line.key().map(k -> "The value of `" + k + "`").orElse("The value");
    String message =
        "%s starts with %s, which YAML reads as part of its own syntax, not as text."
            .formatted(subject, shown);
    return Diagnostic.error(SyntaxExplainer.ID, place, message).withHint(quoteHint(line));
  }

  static Diagnostic badEscape(Line line, SourceLocation at) {
    String hint =
        "write `\\\\` for a backslash, or put the text in single quotes, where a backslash is an ordinary character";
    String value = line.value();
    if (value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")) {
      String single = "'" + value.substring(1, value.length() - 1).replace("'", "''") + "'";
      hint += ": `" + line.text().strip().replace(value, single) + "`";
    }
    return Diagnostic.error(
            SyntaxExplainer.ID,
            at,
            "Inside double quotes a backslash starts an escape such as `\\n`, and this one is not an escape YAML knows.")
        .withHint(hint);
  }

  static String quoteHint(Line line) {
    if (!line.hasValue()) {
      return "put the text in quotes";
    }
    return "put the text in quotes: `" + YamlLines.withQuotedValue(line) + "`";
  }

  /** A complete value (quoted, or a `[…]`/`{…}`) with more text after it on its line. */
  Diagnostic textAfterValue(Line line, SourceLocation at) {
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
    return Diagnostic.error(SyntaxExplainer.ID, at, message.formatted(subject)).withHint(hint);
  }

  static String fullyQuoted(Line line) {
    return YamlLines.withQuotedValue(line);
  }

  /** A quote opened on a line above and not closed there, which made the parser read on. */
  Optional<Diagnostic> strayQuote(SourceLocation at) {
    for (int n = at.line() - 1; n >= 1; n--) {
      Line line = lines.line(n);
      Optional<Character> quote = YamlLines.unclosedQuote(line);
      String before = lines.line(at.line()).text();
      before = before.substring(0, Math.min(before.length(), at.column() - 1));
      if (quote.isPresent() && before.indexOf(quote.get()) >= 0) {
        int column = line.text().lastIndexOf(line.value()) + 1;
        return Optional.of(
            Diagnostic.error(
                    SyntaxExplainer.ID,
                    SourceLocation.of(file, n, column),
                    "The text of `%s` opens a quote `%s` that is not closed on its line, so YAML reads on to the next `%s`, on line %d."
                        .formatted(line.name(), quote.get(), quote.get(), at.line()))
                .withHint("close the quote: `" + line.text().strip() + quote.get() + "`")
                .withRelated(at));
      }
    }
    return Optional.empty();
  }

  Diagnostic unclosedQuote(SourceLocation start, SourceLocation at) {
    Line line = lines.line(start.line());
    String end =
        at.line() > lines.count() || lines.line(at.line()).content().isEmpty()
            ? "the end of the file"
            : "line " + at.line();
    char quote =
        line.text().length() >= start.column() ? line.text().charAt(start.column() - 1) : '"';
    return Diagnostic.error(
            SyntaxExplainer.ID,
            start,
            "The quote `%s` on line %d is never closed, so the text runs on to %s."
                .formatted(quote, start.line(), end))
        .withHint("close the text with `%s`: `%s%s`".formatted(quote, line.text().strip(), quote))
        .withRelated(at);
  }

  Diagnostic unclosedBracket(char open, SourceLocation at, SourceLocation start) {
    char close = open == '[' ? ']' : '}';
    Line line = lines.line(start.line());
    String kind = open == '[' ? "list" : "mapping";
    if (at.line() == start.line() && at.column() <= line.text().length()) {
      char found = line.text().charAt(at.column() - 1);
      if (found == ']' || found == '}') {
        return Diagnostic.error(
                SyntaxExplainer.ID,
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
            SyntaxExplainer.ID,
            start,
            "The `%s` on line %d opens a %s that is not closed with `%s` on its line."
                .formatted(open, start.line(), kind, close))
        .withHint(hint)
        .withRelated(at);
  }

  /** A value with no `:` and no `,` after its bracket reads as words, not as a list or mapping. */
  static boolean looksLikeText(Line line) {
    String rest = line.value().substring(1);
    return !rest.contains(":") && !rest.contains(",") && rest.strip().contains(" ");
  }
}
