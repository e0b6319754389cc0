package dev.tracepaper.text;

import java.util.Locale;

/**
 * Turns any text of the model into a literal or fragment that means exactly that text where it
 * lands in generated code (a comment shows control characters rather than holding them: see {@link
 * #javadoc}). Each function is total on well-formed Unicode text and rejects text with an unpaired
 * surrogate (which no UTF-8 file can hold) with an {@link IllegalArgumentException}.
 *
 * <p>One policy for all targets: printable characters, non-ASCII included, are kept as written
 * (generated files are UTF-8), so a German or Arabic description stays readable; characters a
 * reader cannot see (controls, line and paragraph separators, bidirectional and other format
 * characters, see {@link #isInvisible}) are escaped, so generated code holds no hidden text. JSON
 * is the one exception: it is written by Jackson, which escapes controls only. See
 * docs/templates.md for the guarantees and why commons-text's escapers are not used.
 */
public final class Escapes {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Escapes() {}

  /**
   * A Java string literal, quotes included. ASCII controls use named or three-digit octal escapes,
   * never {@code \}{@code u} escapes: javac turns those into characters before it lexes, so one for
   * a line feed, quote or backslash would end or break the literal. Invisible non-ASCII characters
   * use {@code \}{@code u} escapes, which are safe because none of them is a line terminator, quote
   * or backslash.
   */
  public static String javaString(String text) {
    return quoted(text, true);
  }

  /**
   * The text of a Javadoc or block comment, HTML-escaped; each line break (CR LF, CR or LF) becomes
   * a line feed followed by {@code linePrefix} (e.g. {@code " * "}). Escaped: {@code &}, {@code <},
   * {@code >}; every {@code @} (a block tag at a line start, an inline tag after a brace); a slash
   * after an asterisk (it would end the comment); every backslash (javac reads {@code \}{@code u}
   * escapes inside comments too, so {@code \}{@code u002a/} would end it and a malformed one is a
   * compile error); and invisible characters, as numeric character references. Control characters
   * other than tab and line breaks cannot appear in HTML at all, even as references: they are
   * shown, not kept (see {@link #controlPicture}), the one place where the output is not the exact
   * text. A comment is for its reader.
   */
  public static String javadoc(String text, String linePrefix) {
    requireWellFormed(text);
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '@' -> out.append("&#64;");
        case '\\' -> out.append("&#92;");
        case '/' -> out.append(i > 0 && text.charAt(i - 1) == '*' ? "&#47;" : "/");
        case '\r', '\n' -> {
          if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
            i++;
          }
          out.append('\n').append(linePrefix);
        }
        default -> {
          int cp = text.codePointAt(i);
          if (c == '\t') {
            out.append(c);
          } else if (Character.getType(cp) == Character.CONTROL) {
            out.append(controlPicture(cp));
          } else if (isInvisible(cp)) {
            out.append("&#x").append(Integer.toHexString(cp).toUpperCase(Locale.ROOT)).append(';');
          } else {
            out.appendCodePoint(cp);
          }
          i += Character.charCount(cp) - 1;
        }
      }
    }
    return out.toString();
  }

  /**
   * A GraphQL string value (usable as a description), quotes included. Block strings are not used:
   * they strip common indentation and blank lines, so they cannot carry every text exactly. Escapes
   * follow the GraphQL specification; invisible characters use {@code \}{@code u} escapes (a
   * surrogate pair for those beyond the BMP), which also keeps the schema within the older
   * specification's source characters that AppSync may follow.
   */
  public static String graphqlString(String text) {
    return cStyle(text);
  }

  /**
   * A JavaScript string literal in double quotes (for AppSync JS resolvers). Line and paragraph
   * separators are escaped (they ended string literals before ES2019); backticks and {@code $} need
   * no escape inside a double-quoted literal. Do not put model text inside a template literal:
   * concatenate {@code jsString} values instead.
   */
  public static String jsString(String text) {
    return cStyle(text);
  }

  /**
   * A YAML double-quoted scalar, quotes included (YAML 1.1 and 1.2 alike). Every line break is
   * escaped, so no line folding applies; {@code #}, {@code :} and leading spaces are plain text
   * inside double quotes.
   */
  public static String yamlString(String text) {
    requireWellFormed(text);
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          int cp = text.codePointAt(i);
          if (isInvisible(cp)) {
            if (cp > 0xFFFF) {
              out.append(String.format("\\U%08X", cp));
            } else {
              appendUtf16Escapes(out, cp, "\\u");
            }
          } else {
            out.appendCodePoint(cp);
          }
          i += Character.charCount(cp) - 1;
        }
      }
    }
    return out.append('"').toString();
  }

  /**
   * How a comment shows a control character, which HTML cannot hold even as a character reference:
   * the Unicode control picture for C0 controls and DEL (U+2400 to U+2421), the replacement
   * character for C1 controls.
   */
  static char controlPicture(int control) {
    if (control < 0x20) {
      return (char) (0x2400 + control);
    }
    return control == 0x7f ? '\u2421' : '\uFFFD';
  }

  /**
   * The text of a {@code //} comment, on one line: white space runs (line breaks included) become
   * one space, controls are shown as their pictures and other invisible characters by their code
   * point ({@code <U+202E>}), and each backslash is doubled, since javac reads {@code \}{@code u}
   * escapes in comments too and one for a line feed would end the comment.
   */
  public static String lineComment(String text) {
    requireWellFormed(text);
    StringBuilder out = new StringBuilder(text.length());
    text.strip()
        .replaceAll("\\s+", " ")
        .codePoints()
        .forEach(
            c -> {
              if (c == '\\') {
                out.append("\\\\");
              } else if (Character.getType(c) == Character.CONTROL) {
                out.append(controlPicture(c));
              } else if (isInvisible(c)) {
                // A bidi control or a separator would make the line read otherwise than it runs.
                out.append(String.format("<U+%04X>", c));
              } else {
                out.appendCodePoint(c);
              }
            });
    return out.toString();
  }

  /** A JSON string, quotes included, as Jackson writes it (RFC 8259). */
  public static String jsonString(String text) {
    requireWellFormed(text);
    return Json.string(text);
  }

  /**
   * Whether a reader cannot see the character: controls (Cc), format characters (Cf: bidi controls,
   * zero-width characters, the byte-order mark), line and paragraph separators, and surrogates.
   */
  static boolean isInvisible(int codePoint) {
    int type = Character.getType(codePoint);
    return type == Character.CONTROL
        || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR
        || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }

  /** Rejects text that is not well-formed UTF-16 (an unpaired surrogate). */
  static void requireWellFormed(String text) {
    if (text == null) {
      throw new IllegalArgumentException("text to escape is null");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            String.format(
                "text has an unpaired surrogate U+%04X at index %d; it is not valid Unicode text",
                (int) c, i));
      }
    }
  }

  private static String cStyle(String text) {
    return quoted(text, false);
  }

  /**
   * A double-quoted literal with C-style short escapes, invisible characters as {@code \}{@code u}
   * escapes; {@code octalControls} writes ASCII controls as three-digit octal instead (Java, where
   * a {@code \}{@code u} escape is read before lexing).
   */
  private static String quoted(String text, boolean octalControls) {
    requireWellFormed(text);
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (octalControls && (c < 0x20 || c == 0x7f)) {
            out.append('\\').append((char) ('0' + (c >> 6))).append((char) ('0' + ((c >> 3) & 7)));
            out.append((char) ('0' + (c & 7)));
          } else {
            int cp = text.codePointAt(i);
            if (isInvisible(cp)) {
              appendUtf16Escapes(out, cp, "\\u");
            } else {
              out.appendCodePoint(cp);
            }
            i += Character.charCount(cp) - 1;
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static void appendUtf16Escapes(StringBuilder out, int codePoint, String prefix) {
    for (char unit : Character.toChars(codePoint)) {
      out.append(prefix)
          .append(HEX[(unit >> 12) & 15])
          .append(HEX[(unit >> 8) & 15])
          .append(HEX[(unit >> 4) & 15])
          .append(HEX[unit & 15]);
    }
  }
}
