package dev.tracepaper.output;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GeneratedFileTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "/etc/passwd",
        "/abs",
        "a//b",
        "a/",
        "./a",
        "a/./b",
        "../escape",
        "a/../../b",
        "..",
        "a\\b",
        "C:/windows",
        "a/b:c",
        "nul\0byte",
        "tab\there",
        "line\nbreak",
        "CON",
        "src/con.java",
        "aux.txt",
        "Com1",
        "lpt9.log",
        "ends-with-dot.",
        "ends-with-space ",
        "what?",
        "star*",
        "pipe|",
        "<angle>",
        "quote\"",
        ".tracepaper",
        ".tracepaper/generated",
        ".tracepaper/other"
      })
  void rejectsUnsafePaths(String path) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> file(path, "x"));
    assertThat(e).hasMessageThat().startsWith("invalid generated file path `");
  }

  @org.junit.jupiter.api.Test
  void rejectsAFileNameLongerThanFileSystemsAllow() {
    String longest = "a".repeat(250) + ".java";
    file("src/" + longest, "x");

    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> file("src/b" + longest, "x"));
    assertThat(e).hasMessageThat().contains("is 256 bytes long; file systems allow at most 255");
  }

  /** Bytes, not characters, are what file systems count: é is 2 bytes, € 3 and 😀 4. */
  @org.junit.jupiter.api.Test
  void countsAFileNamesBytesInUtf8() {
    file("src/" + "\u20AC".repeat(85), "x"); // 255 bytes
    for (String name :
        List.of("\u00E9".repeat(128), "\u20AC".repeat(86), "\uD83D\uDE00".repeat(64))) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> file("src/" + name, "x"));
      assertThat(e).hasMessageThat().contains("bytes long; file systems allow at most 255");
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pom.xml",
        ".mvn/wrapper/maven-wrapper.properties",
        "src/main/java/com/example/shop/order/PlaceOrder.java",
        "console.log",
        "conx/a",
        "com10",
        "..a",
        "a..b",
        "Caf\u00E9.md",
        ".gitignore"
      })
  void acceptsOrdinaryPaths(String path) {
    assertThat(file(path, "x").relativePath()).isEqualTo(path);
  }

  @Test
  void contentIsCopiedInAndOut() {
    byte[] bytes = {1, 2, 3};
    GeneratedFile file = new GeneratedFile("a", bytes);
    bytes[0] = 9;
    file.content()[1] = 9;
    assertThat(file.content()).isEqualTo(new byte[] {1, 2, 3});
    assertThat(file).isEqualTo(new GeneratedFile("a", new byte[] {1, 2, 3}));
  }

  @Test
  void treeIsSortedByPath() {
    FileTree tree = FileTree.of(file("b", ""), file("a/z", ""), file("a/b", ""), file("B2", ""));
    assertThat(tree.files().stream().map(GeneratedFile::relativePath).toList())
        .containsExactly("B2", "a/b", "a/z", "b")
        .inOrder();
  }

  @Test
  void treeRejectsDuplicatesCaseCollisionsAndFileFolderClashes() {
    List<List<GeneratedFile>> bad =
        List.of(
            List.of(file("a", "1"), file("a", "2")),
            List.of(file("Readme.md", ""), file("README.md", "")),
            List.of(file("src", ""), file("src/Main.java", "")),
            List.of(file("Src", ""), file("src/deep/Main.java", "")));
    for (List<GeneratedFile> files : bad) {
      assertThrows(IllegalArgumentException.class, () -> FileTree.of(files));
    }
  }

  @Test
  void textFilesAreUtf8() {
    assertThat(GeneratedFile.text("a.md", "Caf\u00E9").content())
        .isEqualTo("Caf\u00E9".getBytes(UTF_8));
  }

  static GeneratedFile file(String path, String text) {
    return new GeneratedFile(path, text.getBytes(UTF_8));
  }
}
