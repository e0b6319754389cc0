package dev.tracepaper.source;

import dev.tracepaper.diagnostic.Diagnostic;
import java.util.Optional;

/**
 * The parser's own message with its token names put in words, for the rare problems that {@link
 * SyntaxExplainer} has no better explanation of (directives, tag handles, block-scalar headers).
 */
final class ParserWords {

  private ParserWords() {}

  static Diagnostic inOurWords(
      String problem, String context, SourceLocation at, Optional<SourceLocation> start) {
    String message = "The YAML is not valid: " + readable(problem);
    if (!context.isEmpty() && start.isPresent() && !start.get().equals(at)) {
      // The context is where the construct began, e.g. the `{` that was never closed.
      message +=
          ", in %s that starts at line %d, column %d"
              .formatted(construct(context), start.get().line(), start.get().column());
      return Diagnostic.error(SyntaxExplainer.ID, at, message + ".").withRelated(start.get());
    }
    return Diagnostic.error(SyntaxExplainer.ID, at, message + ".");
  }

  private static String construct(String context) {
    String what = context.replaceFirst("^while (parsing|scanning) ", "");
    return switch (what) {
      case "a flow mapping" -> "the `{…}` mapping";
      case "a flow sequence" -> "the `[…]` list";
      case "a block mapping" -> "the indented mapping";
      case "a block collection" -> "the indented list";
      case "a quoted scalar" -> "the quoted text";
      default -> what;
    };
  }

  /** The parser's words for tokens, in words a model's author knows. */
  private static String readable(String problem) {
    return problem
        .replace("<stream end>", "the end of the file")
        .replace("<block end>", "the end of an indented block")
        .replace("<block mapping start>", "the start of an indented mapping")
        .replace("<block sequence start>", "the start of an indented list")
        .strip();
  }
}
