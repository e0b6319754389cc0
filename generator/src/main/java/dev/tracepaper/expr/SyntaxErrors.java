package dev.tracepaper.expr;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites the CEL parser's messages (ANTLR's wording) in plain words. */
final class SyntaxErrors {

  record Reason(String text, String hint) {}

  private static final Pattern MISMATCHED =
      Pattern.compile("(?:Syntax error: )?mismatched input '(.*?)' expecting.*", Pattern.DOTALL);
  private static final Pattern EXTRANEOUS =
      Pattern.compile("(?:Syntax error: )?extraneous input '(.*?)' expecting.*", Pattern.DOTALL);
  private static final Pattern NO_VIABLE =
      Pattern.compile("(?:Syntax error: )?no viable alternative at input '(.*)'", Pattern.DOTALL);
  private static final Pattern TOKEN =
      Pattern.compile("(?:Syntax error: )?token recognition error at: '(.*)'", Pattern.DOTALL);
  private static final Pattern MISSING =
      Pattern.compile("(?:Syntax error: )?missing '?(.*?)'? at '(.*)'", Pattern.DOTALL);

  /** A field named like one of CEL's keywords, selected without the backquotes it needs. */
  private static final Pattern KEYWORD_FIELD =
      Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\.(in|true|false|null)\\b");

  private SyntaxErrors() {}

  static Reason explain(String message, String text) {
    Matcher m = MISMATCHED.matcher(message);
    if (m.matches()) {
      return m.group(1).equals("<EOF>")
          ? new Reason("the expression ends too early", "complete the expression")
          : unexpected(m.group(1));
    }
    m = EXTRANEOUS.matcher(message);
    if (m.matches()) {
      return unexpected(m.group(1));
    }
    m = MISSING.matcher(message);
    if (m.matches()) {
      return m.group(2).equals("<EOF>")
          ? new Reason("`%s` is missing at the end".formatted(m.group(1)), "")
          : new Reason("`%s` is missing before `%s`".formatted(m.group(1), m.group(2)), "");
    }
    m = NO_VIABLE.matcher(message);
    if (m.matches()) {
      String last = lastToken(m.group(1));
      Matcher keyword = KEYWORD_FIELD.matcher(text);
      return new Reason(
          "it cannot be read from `%s` on".formatted(last),
          keyword.find() && last.equals("." + keyword.group(2))
              ? "CEL reserves `%s`: select the field quoted, %s.`%s`"
                  .formatted(keyword.group(2), keyword.group(1), keyword.group(2))
              : "an operator or a comma may be missing");
    }
    m = TOKEN.matcher(message);
    if (m.matches()) {
      return token(m.group(1));
    }
    String plain = message.replaceFirst("^Syntax error: ", "");
    return new Reason(plain.isEmpty() ? "it cannot be read" : plain, "");
  }

  private static Reason unexpected(String token) {
    if (token.equals("<EOF>")) {
      return new Reason("the expression ends too early", "complete the expression");
    }
    boolean word = !token.isEmpty() && Character.isJavaIdentifierStart(token.charAt(0));
    return new Reason(
        "`%s` is not expected here".formatted(token),
        word ? "an operator, a dot or a comma may be missing before it" : "");
  }

  private static Reason token(String raw) {
    String token = raw.strip();
    if (token.startsWith("'") || token.startsWith("\"")) {
      return new Reason(
          "the text starting with %s is not closed".formatted(token.substring(0, 1)),
          "close the text with a matching quote");
    }
    if (token.equals("=")) {
      return new Reason("`=` is not an operator in CEL", "compare with `==`");
    }
    return new Reason("`%s` cannot appear in an expression".formatted(token), "");
  }

  private static String lastToken(String input) {
    String trimmed = input.strip();
    int space = trimmed.lastIndexOf(' ');
    return space >= 0 ? trimmed.substring(space + 1) : trimmed;
  }
}
