package dev.tracepaper.text;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.source.util.JavacTask;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.apache.commons.text.StringEscapeUtils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trip through javac: every hostile text becomes a string constant and a Javadoc comment of
 * one generated class (a UTF-8 file compiled with {@code -encoding UTF-8}, as the generated project
 * is); the constant read back by reflection and the comment read back through the compiler's tree
 * API must be the text itself.
 */
class JavaEscapesTest {

  private static final String DOC_PREFIX = "   * ";

  @TempDir static Path folder;

  private static List<Object> constants;
  private static Map<String, String> docComments;
  private static String compilerOutput;

  @BeforeAll
  static void compileGeneratedClass() throws Exception {
    StringBuilder source = new StringBuilder("package gen;\n\npublic final class Texts {\n");
    source.append("  public static final String[] VALUES = {\n");
    for (String text : HostileText.ALL) {
      source.append("    ").append(Escapes.javaString(text)).append(",\n");
    }
    source.append("  };\n");
    for (int i = 0; i < HostileText.ALL.size(); i++) {
      source.append("\n  /**\n").append(DOC_PREFIX);
      source.append(Escapes.javadoc(HostileText.ALL.get(i), DOC_PREFIX));
      source.append("\n   */\n  public static final int DOC").append(i).append(" = ");
      source.append(i).append(";\n");
    }
    for (int i = 0; i < HostileText.ALL.size(); i++) {
      source.append("\n  // ").append(Escapes.lineComment(HostileText.ALL.get(i)));
      source.append("\n  public static final int LINE").append(i).append(" = ");
      source.append(i).append(";\n");
    }
    source.append("}\n");
    Path file = folder.resolve("src/gen/Texts.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, source, UTF_8);
    Path classes = Files.createDirectories(folder.resolve("classes"));

    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    StringWriter messages = new StringWriter();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, UTF_8)) {
      Iterable<? extends JavaFileObject> units = files.getJavaFileObjects(file);
      JavacTask task =
          (JavacTask)
              compiler.getTask(
                  messages,
                  files,
                  null,
                  List.of(
                      "-encoding",
                      "UTF-8",
                      "-d",
                      classes.toString(),
                      "-Xlint:all",
                      "-Xdoclint:html,syntax",
                      "-Werror"),
                  null,
                  units);
      Iterable<? extends Element> roots = task.analyze();
      docComments = new TreeMap<>();
      Elements elements = task.getElements();
      for (Element root : roots) {
        for (Element member : ((TypeElement) root).getEnclosedElements()) {
          if (member.getKind() == ElementKind.FIELD) {
            docComments.put(member.getSimpleName().toString(), elements.getDocComment(member));
          }
        }
      }
      task.generate();
    }
    compilerOutput = messages.toString();
    if (!Files.exists(classes.resolve("gen/Texts.class"))) {
      throw new AssertionError("the generated class did not compile:\n" + compilerOutput);
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()})) {
      constants = List.of((Object[]) loader.loadClass("gen.Texts").getField("VALUES").get(null));
    }
  }

  @Test
  void generatedClassCompilesWithoutWarnings() {
    assertThat(compilerOutput).isEmpty();
  }

  @Test
  void javaStringConstantsReadBackExactly() {
    assertThat(constants).containsExactlyElementsIn(HostileText.ALL).inOrder();
  }

  @Test
  void javadocCommentsReadBackAsTheText() {
    List<String> readBack = new ArrayList<>();
    for (int i = 0; i < HostileText.ALL.size(); i++) {
      readBack.add(textOfComment(docComments.get("DOC" + i)));
    }
    List<String> expected =
        HostileText.ALL.stream()
            .map(HostileText::withLineFeeds)
            .map(JavaEscapesTest::shown)
            .toList();
    assertThat(readBack).containsExactlyElementsIn(expected).inOrder();
  }

  @Test
  void lineCommentsEndAtTheirLineWhateverTheText() {
    // A comment that ended early would have turned the rest of its text into code: the class
    // would not compile, or a field after it would be missing.
    for (int i = 0; i < HostileText.ALL.size(); i++) {
      assertThat(docComments).containsKey("LINE" + i);
    }
    for (String text : HostileText.ALL) {
      assertThat(Escapes.lineComment(text)).doesNotContainMatch("[\\n\\r\\u2028\\u2029]");
    }
    assertThat(Escapes.lineComment("event.amount >= 5.0 &&\n  size(x) < 2"))
        .isEqualTo("event.amount >= 5.0 && size(x) < 2");
    assertThat(Escapes.lineComment("matches(s, '\\\\d+')")).isEqualTo("matches(s, '\\\\\\\\d+')");
  }

  @Test
  void javaStringNeverUsesUnicodeEscapesForAsciiCharacters() {
    for (char c = 0; c < 0x80; c++) {
      assertThat(Escapes.javaString(String.valueOf(c))).doesNotContain("\\u");
    }
    assertThat(Escapes.javaString("\n\"\\\0" + "1")).isEqualTo("\"\\n\\\"\\\\\\0001\"");
  }

  @Test
  void printableNonAsciiIsKeptAndInvisibleIsEscaped() {
    assertThat(Escapes.javaString("caf\u00E9 \uD83D\uDE00"))
        .isEqualTo("\"caf\u00E9 \uD83D\uDE00\"");
    assertThat(Escapes.javaString("\u202E\u2028")).isEqualTo("\"\\u202E\\u2028\"");
  }

  @Test
  void commonsTextEscapeJavaIsNotUsedForTheReasonsDocumented() {
    // Correct, but every non-ASCII character becomes an escape (Arabic or Japanese text turns
    // unreadable) and DEL stays raw: see docs/templates.md.
    assertThat(StringEscapeUtils.escapeJava("caf\u00E9")).isEqualTo("caf\\u00E9");
    assertThat(StringEscapeUtils.escapeJava("\u007f")).isEqualTo("\u007f");
  }

  @Test
  void javadocEscapesWhatWouldEndOrChangeTheComment() {
    assertThat(Escapes.javadoc("a */ b", " * ")).isEqualTo("a *&#47; b");
    assertThat(Escapes.javadoc("@see x", " * ")).isEqualTo("&#64;see x");
    assertThat(Escapes.javadoc("\\u002a/", " * ")).isEqualTo("&#92;u002a/");
    assertThat(Escapes.javadoc("a\r\nb", "   * ")).isEqualTo("a\n   * b");
  }

  @Test
  void unpairedSurrogatesAreRejected() {
    for (String broken : List.of("\uD800", "a\uDC00b", "\uDE00\uD83D")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> Escapes.javaString(broken));
      assertThat(e).hasMessageThat().contains("unpaired surrogate");
      assertThrows(IllegalArgumentException.class, () -> Escapes.javadoc(broken, " * "));
    }
  }

  /** Controls as a comment shows them: C0 and DEL as control pictures, C1 as U+FFFD. */
  private static String shown(String text) {
    StringBuilder shown = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '\t' || c == '\n' || (c >= 0x20 && c < 0x7f) || c > 0x9f) {
        shown.append(c);
      } else if (c < 0x20) {
        shown.append((char) ('\u2400' + c));
      } else {
        shown.append(c == 0x7f ? '\u2421' : '\uFFFD');
      }
    }
    return shown.toString();
  }

  /** The comment as javac gives it, each line's " " after the star dropped, HTML decoded. */
  private static String textOfComment(String comment) {
    assertThat(comment).isNotNull();
    String body = comment.endsWith("\n") ? comment.substring(0, comment.length() - 1) : comment;
    body = body.startsWith("\n") ? body.substring(1) : body;
    StringBuilder text = new StringBuilder();
    String[] lines = body.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].startsWith(" ") ? lines[i].substring(1) : lines[i];
      text.append(i == 0 ? "" : "\n").append(line);
    }
    return StringEscapeUtils.unescapeHtml4(text.toString());
  }

  static String readAll(Path path) throws IOException {
    return Files.readString(path, UTF_8);
  }
}
