package dev.tracepaper.text;

import java.util.List;

/** Texts that break naive escaping, shared by the round-trip tests of every target. */
public final class HostileText {

  private HostileText() {}

  static final List<String> ALL =
      List.of(
          "",
          "plain text",
          "say \"hi\"",
          "'single' and \"double\"",
          "back\\slash",
          "trailing backslash \\",
          "\\",
          "\\\\",
          "\\u0022 looks like a quote",
          "\\u000a looks like a line feed",
          "\\u005c\\u0022",
          "\\uZZZZ is a malformed unicode escape",
          "\\\\u0022 even backslashes",
          "\\n is not a newline",
          "end */ of comment",
          "*/",
          "**/ and /** and /* nested */",
          "*\\/",
          "${injection}",
          "<#if x>directive</#if>",
          "#{legacy} and [=square] and [#if x]",
          "@param x at start",
          "{@code inline} {@literal @}",
          "line1\nline2",
          "\nleading and trailing newline\n",
          "cr\ronly",
          "crlf\r\nline",
          "\n\n\nblank lines\n\n",
          "tab\there",
          "nul\0byte",
          "\0" + "12 NUL before digits",
          "\u0001\u0007\u0008\u000b\u000c\u001b\u001f\u007f controls",
          "\u0085 next line, \u00a0 no-break space",
          "line\u2028separator and paragraph\u2029separator",
          "emoji \uD83D\uDE00 flag \uD83C\uDDE9\uD83C\uDDEA family \uD83D\uDC68\u200D\uD83D\uDC69",
          "astral math \uD835\uDC00 and tag \uDB40\uDC01",
          "RTL \u05E9\u05DC\u05D5\u05DD \u0645\u0631\u062D\u0628\u0627",
          "bidi \u202Eevil\u202C and \u2066isolate\u2069",
          "zero\u200Bwidth\u200Cjoiner\uFEFFbom",
          "Gr\u00FC\u00DFe \u2014 na\u00EFve caf\u00E9 \u65E5\u672C\u8A9E",
          "a & b < c > d &amp; &#64;",
          "`backtick` ${template} $",
          "</script><script>alert(1)</script>",
          "\"\"\"triple quotes\"\"\"",
          "  leading spaces",
          "trailing spaces  ",
          "# comment-like",
          "key: value",
          "- dash",
          "? question | pipe > greater % percent ! bang & amp * star",
          "null",
          "true",
          "~",
          "0123",
          "'",
          "\"");

  /** Line breaks in one form (LF), as a comment shows them. */
  static String withLineFeeds(String text) {
    return text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
