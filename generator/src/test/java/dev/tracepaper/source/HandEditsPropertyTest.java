package dev.tracepaper.source;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.diagnostic.Diagnostic;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A seeded-random property test of the syntax explanations: one hand edit of the kind a person
 * makes in an editor (a character typed or deleted, a line indented or dedented by a space, two
 * lines joined) in an example model file, read, must give located diagnostics and never an
 * exception, and every explained syntax error keeps the parser's own words. Replay a case with
 * {@code -Dproperty.seed=N}.
 */
class HandEditsPropertyTest {

  private static final long BASE_SEED = Long.getLong("property.seed", System.nanoTime());
  private static final int CASES =
      Integer.getInteger("property.cases", System.getProperty("property.seed") != null ? 1 : 400);

  private static final String TYPED = " :'\"[]{}-\t#@&*!|>?,%\\`";

  private static final List<Path> FILES = exampleFiles();

  static Stream<Long> seeds() {
    System.out.println("HandEditsPropertyTest base seed: " + BASE_SEED);
    return LongStream.range(0, CASES).mapToObj(i -> BASE_SEED + i);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void everyHandEditGivesLocatedDiagnosticsNeverACrash(long seed) throws IOException {
    Random random = new Random(seed);
    Path file = FILES.get(random.nextInt(FILES.size()));
    String edited = edit(Files.readString(file, StandardCharsets.UTF_8), random);
    int lines = edited.split("\n", -1).length;

    YamlFile read = new YamlReader().read(edited, "m.yaml");

    for (Diagnostic d : read.diagnostics()) {
      String where = "seed %d, %s: %s".formatted(seed, d.location(), d.message());
      assertWithMessage("a place inside the file: %s", where)
          .that(d.location().line())
          .isIn(com.google.common.collect.Range.closed(1, lines + 1));
      assertWithMessage("a column: %s", where).that(d.location().column()).isAtLeast(1);
      assertWithMessage("a message on one line: %s", where)
          .that(d.message())
          .doesNotContainMatch("[\\r\\n]");
      if (d.id().equals("YamlSyntax") && !d.message().startsWith("The YAML is not valid")) {
        assertWithMessage("the parser's words are kept: %s", where)
            .that(d.message())
            .containsMatch("\\(The YAML parser says: .+\\.\\)$|no such anchor|U\\+[0-9A-F]{4}");
      }
    }
  }

  /** One edit of a random line: a character typed or deleted, an indent changed, lines joined. */
  static String edit(String text, Random random) {
    String[] lines = text.split("\n", -1);
    int n = random.nextInt(lines.length);
    String line = lines[n];
    int at = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
    switch (random.nextInt(5)) {
      case 0 ->
          lines[n] =
              line.substring(0, at)
                  + TYPED.charAt(random.nextInt(TYPED.length()))
                  + line.substring(at);
      case 1 ->
          lines[n] =
              line.isEmpty()
                  ? line
                  : line.substring(0, Math.max(0, at - 1))
                      + line.substring(Math.min(line.length(), Math.max(at, 1)));
      case 2 -> lines[n] = " ".repeat(1 + random.nextInt(3)) + line;
      case 3 -> lines[n] = line.startsWith(" ") ? line.substring(1) : line;
      default -> {
        if (n + 1 < lines.length) {
          lines[n] = line + " " + lines[n + 1].strip();
          lines[n + 1] = "";
        }
      }
    }
    return String.join("\n", lines);
  }

  private static List<Path> exampleFiles() {
    try (Stream<Path> files = Files.walk(TestPaths.examples())) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .filter(p -> !p.toString().contains("invalid"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
