package dev.tracepaper.render.build;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Texts the generated tests may send in a text field: every one passes the field's checks ({@code
 * pattern}, {@code minLength}, {@code maxLength}), or there is none and the test leaves the field
 * out, saying why. A pattern's texts come from an automaton of its language (dk.brics automaton),
 * intersected with the lengths the field allows; each sample is checked again with {@code
 * java.util.regex}, as the generated handler checks it, before it is used.
 *
 * <p>The automaton library reads a regular expression of its own syntax, so {@link
 * #toAutomatonSyntax} translates the part of Java's syntax the model's patterns use (classes,
 * {@code \d \w \s}, escapes, groups, quantifiers, {@code ^ $} at the ends; inside, as splicing
 * leaves them, read loosely and settled by the check). A pattern outside that part (a look-around,
 * a back reference, a word boundary) gives no sample, and the field is left out.
 */
final class TextSamples {

  /** The most characters a sample is built for; longer lower bounds are left out, not tried. */
  private static final int LONGEST = 20_000;

  /**
   * The characters tried, in order: a sample of letters reads best, printable ASCII next, any
   * character of the Basic Multilingual Plane (no surrogates, so characters are code points) last.
   */
  private static final List<Automaton> ALPHABETS =
      List.of(
          Automaton.makeCharRange('a', 'z'),
          Automaton.makeCharRange('a', 'z')
              .union(Automaton.makeCharRange('A', 'Z'))
              .union(Automaton.makeCharRange('0', '9')),
          Automaton.makeCharRange(' ', '~'),
          Automaton.makeCharRange('\u0001', '\uD7FF')
              .union(Automaton.makeCharRange('\uE000', '\uFFFD')));

  private TextSamples() {}

  /** Why no text can be sent, or the text. */
  sealed interface Sample {
    /** A text that passes every check of the field. */
    record Text(String text) implements Sample {}

    /** No text could be found; {@code reason} completes "left out: ...". */
    record None(String reason) implements Sample {}
  }

  /**
   * The shortest text (of letters where it can) that matches {@code regex} (searched, as the
   * generated checks search it) and has {@code minLength} to {@code maxLength} characters; not
   * empty unless only the empty text fits, since an empty example shows nothing.
   */
  static Sample matching(Optional<String> regex, long minLength, long maxLength) {
    if (minLength == 0 && maxLength > 0) {
      Sample some = shortest(regex, 1, maxLength);
      if (some instanceof Sample.Text) {
        return some;
      }
    }
    return shortest(regex, minLength, maxLength);
  }

  private static Sample shortest(Optional<String> regex, long minLength, long maxLength) {
    if (minLength > maxLength) {
      return new Sample.None("its minLength is above its maxLength");
    }
    if (minLength > LONGEST) {
      return new Sample.None("a text of " + minLength + " characters is too long to try");
    }
    Automaton language;
    if (regex.isEmpty()) {
      language = Automaton.makeAnyString();
    } else {
      Optional<String> translated = toAutomatonSyntax(regex.get());
      if (translated.isEmpty()) {
        return new Sample.None("no sample can be derived from its pattern");
      }
      try {
        language = new RegExp(translated.get(), RegExp.NONE).toAutomaton();
      } catch (IllegalArgumentException unreadable) {
        return new Sample.None("no sample can be derived from its pattern");
      }
    }
    for (Automaton alphabet : ALPHABETS) {
      String text =
          language.intersection(alphabet.repeat((int) minLength)).getShortestExample(true);
      if (text != null
          && text.length() <= maxLength
          && (regex.isEmpty() || Pattern.compile(regex.get()).matcher(text).find())) {
        return new Sample.Text(text);
      }
    }
    return new Sample.None(
        regex.isPresent()
            ? "no text of " + lengths(minLength, maxLength) + " matches its pattern"
            : "no text has " + lengths(minLength, maxLength));
  }

  private static String lengths(long min, long max) {
    return min == max ? min + " characters" : min + " to " + max + " characters";
  }

  /**
   * {@code regex} (Java syntax, searched) as an automaton expression of the same language of whole
   * texts, or empty when it uses a construct the automaton cannot express.
   */
  static Optional<String> toAutomatonSyntax(String regex) {
    StringBuilder out = new StringBuilder();
    int start = 0;
    int end = regex.length();
    boolean anchoredStart = regex.startsWith("^");
    if (anchoredStart) {
      start = 1;
    }
    boolean anchoredEnd = end > start && regex.endsWith("$") && !escaped(regex, end - 1);
    if (anchoredEnd) {
      end--;
    }
    if (!anchoredStart) {
      out.append(".*");
    }
    out.append('(');
    boolean inClass = false;
    for (int i = start; i < end; i++) {
      char c = regex.charAt(i);
      if (c == '\\') {
        if (i + 1 >= end) {
          return Optional.empty();
        }
        char next = regex.charAt(++i);
        Optional<String> escape = escape(next, inClass, regex, i);
        if (escape.isEmpty()) {
          return Optional.empty();
        }
        out.append(escape.get());
        if (next == 'u') {
          i += 4;
        } else if (next == 'x') {
          i += 2;
        }
        continue;
      }
      if (inClass) {
        if (c == ']') {
          inClass = false;
          out.append(c);
        } else if (c == '[' || (c == '&' && i + 1 < end && regex.charAt(i + 1) == '&')) {
          return Optional.empty(); // nested classes and intersections
        } else if (c == '^' && regex.charAt(i - 1) == '[') {
          out.append(c);
        } else if (c == '-'
            && regex.charAt(i - 1) != '['
            && i + 1 < end
            && regex.charAt(i + 1) != ']') {
          out.append(c);
        } else {
          out.append(literal(c));
        }
        continue;
      }
      switch (c) {
        case '[' -> {
          inClass = true;
          out.append(c);
          if (i + 1 < end && regex.charAt(i + 1) == ']') {
            out.append("\\]"); // Java reads a ] right after [ as a character
            i++;
          }
        }
        case '(' -> {
          if (i + 1 < end && regex.charAt(i + 1) == '?') {
            if (i + 2 < end && regex.charAt(i + 2) == ':') {
              i += 2; // a group that captures nothing: the same language
            } else {
              return Optional.empty(); // look-arounds, named groups, inline flags
            }
          }
          out.append(c);
        }
        case ')', '|', '.' -> out.append(c);
        case '*', '+', '?' -> {
          out.append(c);
          if (i + 1 < end && regex.charAt(i + 1) == '?') {
            i++; // a lazy quantifier matches the same texts
          } else if (i + 1 < end && regex.charAt(i + 1) == '+') {
            return Optional.empty();
          }
        }
        case '{' -> {
          int close = regex.indexOf('}', i);
          if (close < 0 || !regex.substring(i + 1, close).matches("\\d+(,\\d*)?")) {
            return Optional.empty();
          }
          out.append(regex, i, close + 1);
          i = close;
          if (i + 1 < end && regex.charAt(i + 1) == '?') {
            i++;
          }
        }
        case '^', '$' -> {
          // An anchor inside, as a spliced pattern keeps it ('(?:^[A-Z]{3}$)'): read as matching
          // the empty text, a language that holds the pattern's own texts and perhaps more, so
          // the sample's check with java.util.regex below decides.
        }
        default -> out.append(literal(c));
      }
    }
    if (inClass) {
      return Optional.empty();
    }
    out.append(')');
    if (!anchoredEnd) {
      out.append(".*");
    }
    return Optional.of(out.toString());
  }

  private static boolean escaped(String regex, int index) {
    int backslashes = 0;
    for (int i = index - 1; i >= 0 && regex.charAt(i) == '\\'; i--) {
      backslashes++;
    }
    return backslashes % 2 == 1;
  }

  /** The automaton's form of Java's {@code \c}; empty for constructs it has no form of. */
  private static Optional<String> escape(char c, boolean inClass, String regex, int at) {
    String digits = "0-9";
    String word = "a-zA-Z0-9_";
    return switch (c) {
      case 'd' -> Optional.of(inClass ? digits : "[" + digits + "]");
      case 'w' -> Optional.of(inClass ? word : "[" + word + "]");
      case 's' -> Optional.of(inClass ? literalSpace() : "[" + literalSpace() + "]");
      case 'D' -> inClass ? Optional.empty() : Optional.of("[^" + digits + "]");
      case 'W' -> inClass ? Optional.empty() : Optional.of("[^" + word + "]");
      case 'S' -> inClass ? Optional.empty() : Optional.of("[^" + literalSpace() + "]");
      case 't' -> Optional.of(literal('\t'));
      case 'n' -> Optional.of(literal('\n'));
      case 'r' -> Optional.of(literal('\r'));
      case 'f' -> Optional.of(literal('\f'));
      case 'e' -> Optional.of(literal('\u001B'));
      case 'a' -> Optional.of(literal('\u0007'));
      case 'u' -> hex(regex, at + 1, 4);
      case 'x' -> hex(regex, at + 1, 2);
      default ->
          Character.isLetterOrDigit(c) ? Optional.empty() : Optional.of(literal(c)); // \. \- \\
    };
  }

  private static String literalSpace() {
    return literal(' ')
        + literal('\t')
        + literal('\n')
        + literal('\u000B')
        + literal('\f')
        + literal('\r');
  }

  private static Optional<String> hex(String regex, int from, int length) {
    if (from + length > regex.length()) {
      return Optional.empty();
    }
    String digits = regex.substring(from, from + length);
    if (!digits.matches("[0-9a-fA-F]+")) {
      return Optional.empty();
    }
    return Optional.of(literal((char) Integer.parseInt(digits, 16)));
  }

  /** One character, as the automaton reads it literally (escaped unless a letter or digit). */
  private static String literal(char c) {
    return Character.isLetterOrDigit(c) && c < 128 ? String.valueOf(c) : "\\" + c;
  }
}
