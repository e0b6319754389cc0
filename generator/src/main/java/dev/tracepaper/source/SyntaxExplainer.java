package dev.tracepaper.source;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.YamlLines.Line;
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
  private final ValueProblems values;
  private final IndentationProblems indentation;

  SyntaxExplainer(String file, String text) {
    this.file = file;
    this.lines = new YamlLines(text);
    this.values = new ValueProblems(file, lines);
    this.indentation = new IndentationProblems(file, lines, values);
  }

  Diagnostic explain(MarkedYamlEngineException e) {
    String problem = oneLine(e.getProblem());
    String context = oneLine(e.getContext());
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

  /**
   * The parser's words on one line: it names the character it found, a line break too ({@code found
   * \n(10)}), which would break the message of a one-line report.
   */
  static String oneLine(String words) {
    if (words == null) {
      return "";
    }
    return words
        .replace("'\r\n'", "the end of the line")
        .replace("'\n'", "the end of the line")
        .replace("'\r'", "the end of the line")
        .replace("\n(10)", "the end of the line")
        .replace("\r(13)", "the end of the line")
        .replace("\r", "\\r")
        .replace("\n", "\\n")
        .replace("\t", "\\t");
  }

  private Optional<Diagnostic> explanation(
      String problem, String context, SourceLocation at, Optional<SourceLocation> start) {
    if (problem.startsWith("mapping values are not allowed here")) {
      return values.strayQuote(at).or(() -> Optional.of(indentation.colonInValue(at)));
    }
    if (problem.startsWith("expected <block end>, but found")) {
      return values.strayQuote(at).or(() -> Optional.of(indentation.blockEnd(at, start)));
    }
    if (problem.startsWith("could not find expected ':'") && start.isPresent()) {
      return Optional.of(indentation.missingColon(start.get()));
    }
    if (problem.startsWith("expected ',' or ']'") || problem.startsWith("expected ',' or '}'")) {
      char open = problem.startsWith("expected ',' or ']'") ? '[' : '{';
      return start.map(s -> values.unclosedBracket(open, at, s));
    }
    if (problem.startsWith("found unexpected end of stream")
        || problem.startsWith("found unexpected document separator")) {
      return start.map(s -> values.unclosedQuote(s, at));
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
        .map(what -> values.badStart(what, start.filter(s -> s.line() == at.line()), at));
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

  static String spaces(int n) {
    return n == 1 ? "1 space" : n + " spaces";
  }
}
