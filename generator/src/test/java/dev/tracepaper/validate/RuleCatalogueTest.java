package dev.tracepaper.validate;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every diagnostic id is documented in docs/validation-rules.md and shown by at least one golden
 * case, so that the catalogue a user reads and the checks that run never drift apart.
 */
class RuleCatalogueTest {

  /** The ids the reading stages report (source and model packages). */
  static final List<String> LOADING_IDS =
      List.of(
          "NoModelFiles",
          "FileUnreadable",
          "YamlEncoding",
          "YamlTab",
          "YamlSyntax",
          "YamlDuplicateKey",
          "YamlComplexKey",
          "YamlMultipleDocuments",
          "YamlEmpty",
          "YamlNotAMapping",
          "YamlTooLarge",
          "YamlTooDeep",
          "YamlAliasLimit",
          "LanguageVersion",
          "UnknownKey",
          "WrongType",
          "MissingKey",
          "InvalidValue",
          "DeletedFalse");

  /**
   * Ids no file in the repository can show: an unreadable file needs permissions that root (CI)
   * ignores, and the size limit needs a 16 MiB file. YamlReaderTest covers both.
   */
  static final Set<String> NOT_FROM_A_FILE = Set.of("FileUnreadable", "YamlTooLarge");

  private static List<String> allIds() {
    return Stream.concat(LOADING_IDS.stream(), Rules.all().stream().map(Rule::id))
        .distinct()
        .toList();
  }

  @Test
  void ruleIdsAreUnique() {
    List<String> ids = Rules.all().stream().map(Rule::id).toList();

    assertThat(ids).containsNoDuplicates();
  }

  @Test
  void everyIdHasASectionInTheRulesDocument() throws IOException {
    String docs =
        Files.readString(
            TestPaths.root().resolve("docs/validation-rules.md"), StandardCharsets.UTF_8);

    for (String id : allIds()) {
      assertWithMessage("docs/validation-rules.md has a section `### %s`", id)
          .that(docs)
          .contains("\n### " + id + "\n");
    }
  }

  @Test
  void everyIdIsShownByAGoldenCase() {
    String golden = allGoldenErrors();

    for (String id : allIds()) {
      if (!NOT_FROM_A_FILE.contains(id)) {
        assertWithMessage("some .errors file shows `%s`", id).that(golden).contains(" " + id + ":");
      }
    }
  }

  private static String allGoldenErrors() {
    return Stream.of(TestPaths.golden(), TestPaths.examples().resolve("invalid"))
        .flatMap(RuleCatalogueTest::errorsFiles)
        .map(RuleCatalogueTest::read)
        .collect(Collectors.joining("\n"));
  }

  private static Stream<Path> errorsFiles(Path folder) {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(p -> p.toString().endsWith(".errors")).toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
