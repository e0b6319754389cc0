package dev.tracepaper.source;

import static com.google.common.truth.Truth.assertThat;

import dev.tracepaper.diagnostic.Diagnostic;
import org.junit.jupiter.api.Test;

/**
 * The explanations of YAML syntax errors that the golden cases do not show one by one; each is read
 * by the real parser, so a change in its messages shows here.
 */
class SyntaxExplainerTest {

  private final YamlReader reader = new YamlReader();

  private Diagnostic read(String yaml) {
    YamlFile file = reader.read(yaml, "m.yaml");
    assertThat(file.diagnostics()).hasSize(1);
    Diagnostic d = file.diagnostics().get(0);
    assertThat(d.id()).isEqualTo("YamlSyntax");
    return d;
  }

  @Test
  void quotesAColonTextWithDoubleQuotesUnlessItHoldsOne() {
    Diagnostic plain = read("a:\n  note: see: here\n");
    Diagnostic withQuote = read("a:\n  note: the \"x\": here\n");

    assertThat(plain.location()).isEqualTo(SourceLocation.of("m.yaml", 2, 12));
    assertThat(plain.hint()).endsWith("`note: \"see: here\"`");
    assertThat(withQuote.hint()).endsWith("`note: 'the \"x\": here'`");
  }

  @Test
  void keepsTheParsersOwnWordsAtTheEnd() {
    assertThat(read("a:\n  note: see: here\n").message())
        .endsWith("(The YAML parser says: mapping values are not allowed here.)");
  }

  @Test
  void pointsAtTheLineAboveWhenItLacksItsColon() {
    Diagnostic d = read("a:\n  b String\n  c: Int\n");

    assertThat(d.location()).isEqualTo(SourceLocation.of("m.yaml", 2, 3));
    assertThat(d.message()).startsWith("Line 2 has no `:` after its name");
    assertThat(d.hint()).endsWith("`b: String`");
    assertThat(d.related()).containsExactly(SourceLocation.of("m.yaml", 3, 4));
  }

  @Test
  void aQuotedTextOverSeveralLinesAboveIsNoStrayQuote() {
    Diagnostic d = read("a: 'one\n  two'\nb: x: y\n");

    assertThat(d.message()).startsWith("The text of `b` holds `: `");
  }

  @Test
  void explainsAQuestionMarkThatStartsAValue() {
    Diagnostic d = read("a: ? b\n");

    assertThat(d.message()).startsWith("The value of `a` starts with `?`");
    assertThat(d.hint()).isEqualTo("put the text in quotes: `a: \"? b\"`");
  }

  @Test
  void offersQuotesForAnUnclosedBracketOnlyWhenTheValueReadsAsWords() {
    Diagnostic words = read("a: {draft note\nb: 1\n");
    Diagnostic mapping = read("a: {x: 1, y: 2\n");

    assertThat(words.hint()).contains("if this is a text, put it in quotes: `a: \"{draft note\"`");
    assertThat(mapping.hint()).isEqualTo("close it: `a: {x: 1, y: 2}`");
  }

  @Test
  void namesTheLineThatEndedTheDocument() {
    Diagnostic d = read("a: 1\n...\n  b: 2\n");

    assertThat(d.location()).isEqualTo(SourceLocation.of("m.yaml", 2, 1));
    assertThat(d.hint()).isEqualTo("remove line 2");
  }

  @Test
  void aTextGoingOnOverTwoLinesGetsQuotesNotMovedKeys() {
    Diagnostic d = read("a:\n  note: first part\n    second: part\n");

    assertThat(d.message()).startsWith("Line 3 is indented more than line 2");
    assertThat(d.hint()).startsWith("move `second` 2 spaces left to line up with `note` on line 2");
    assertThat(read("a:\n  note: first part\n    and the second: part\n").hint())
        .startsWith("if line 3 goes on with the text of line 2, put the whole text in quotes");
  }

  @Test
  void aWindowsPathInDoubleQuotesGetsSingleQuotes() {
    Diagnostic d = read("a:\n  note: \"see C:\\users\\me\"\n");

    assertThat(d.message()).startsWith("Inside double quotes a backslash starts an escape");
    assertThat(d.hint()).endsWith("`note: 'see C:\\users\\me'`");
  }

  @Test
  void namesAnInvisibleDeleteCharacter() {
    Diagnostic d = read("a:\n  note: x\u007Fy\n");

    assertThat(d.message()).contains("DEL (U+007F)");
    assertThat(d.location().line()).isEqualTo(2);
  }

  @Test
  void aLineStartingWithAPercentSignIsNoDirective() {
    Diagnostic d = read("%a: 1\n");

    assertThat(d.message()).startsWith("Line 1 starts with `%`");
    assertThat(d.hint()).isEqualTo("remove the `%`, or put the line's text in quotes");
  }

  @Test
  void explainsBlankLinesWithTooManySpacesAtTheStartOfATextBlock() {
    Diagnostic d = read("a:\n  note: |\n      \n    text\n");

    assertThat(d.hint()).isEqualTo("remove the spaces on the blank lines at the start of the text");
    assertThat(d.message()).endsWith("than the first non-empty line (4).)");
  }
}
