package dev.tracepaper.hostile;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator under hostile input (issue 6): every model of the corpus, through the real command
 * line, must end in exit 0 (a valid generation) or 1 (located diagnostics); never 4, never a stack
 * trace, never a file outside the output folder. The corpus: the hand-written files under {@code
 * src/test/resources/hostile/}, the golden cases, and the families of {@link HostileNames} and
 * {@link HostileDocuments}. docs/hardening.md lists them.
 */
class HostileModelsTest {

  /** A diagnostic's location as the text format prints it: {@code file.yaml:12:5: error[...]}. */
  private static final Pattern LOCATED =
      Pattern.compile("(?m)^\\S+\\.yaml:\\d+:\\d+: (error|warning|note)\\[");

  /**
   * Problems of a whole file or folder, which have no line: the file is too large, unreadable, or
   * the folder holds no model file. Every other diagnostic must have a line and column.
   */
  private static final Pattern WHOLE_FILE =
      Pattern.compile("(?m)^\\S+: error\\[(YamlTooLarge|FileUnreadable|NoModelFiles)\\]");

  /** Exit codes seen per run, printed at the end for docs/hardening.md. */
  private static final Map<String, AtomicInteger> TALLY = new ConcurrentSkipListMap<>();

  @TempDir Path temp;

  @AfterAll
  static void printTally() {
    System.out.println("hostile corpus: " + TALLY);
  }

  static Stream<HostileCase> corpus() {
    return allCases().stream();
  }

  static List<HostileCase> allCases() {
    List<HostileCase> cases = new ArrayList<>(handWritten());
    cases.addAll(golden());
    cases.addAll(HostileNames.all());
    cases.addAll(HostileDocuments.all());
    return cases;
  }

  private static List<HostileCase> handWritten() {
    Path folder = TestPaths.root().resolve("generator/src/test/resources/hostile");
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> p.toString().endsWith(".yaml"))
          .sorted()
          .map(p -> HostileCase.bytes("file: " + p.getFileName(), read(p)))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<HostileCase> golden() {
    List<HostileCase> cases = new ArrayList<>();
    for (Path folder : List.of(TestPaths.golden(), TestPaths.examples().resolve("invalid"))) {
      try (Stream<Path> files = Files.list(folder)) {
        files
            .sorted()
            .forEach(
                p -> {
                  String name = "golden: " + TestPaths.root().relativize(p);
                  if (Files.isDirectory(p)) {
                    cases.add(HostileCase.folder(name, p));
                  } else if (p.toString().endsWith(".yaml")) {
                    cases.add(HostileCase.bytes(name, read(p)));
                  }
                });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cases;
  }

  @Test
  void theCorpusHasAtLeastTwoHundredModels() {
    Map<String, Integer> families = new TreeMap<>();
    allCases().forEach(c -> families.merge(c.name().replaceFirst(":.*", ""), 1, Integer::sum));
    System.out.println("hostile corpus families: " + families);
    assertWithMessage("cases in the hostile corpus").that(allCases().size()).isAtLeast(200);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void endsInAValidGenerationOrLocatedDiagnostics(HostileCase hostile) throws IOException {
    Path work = temp.resolve("work");
    Path model = work.resolve("model");
    Files.createDirectories(model);
    if (hostile.folder() != null) {
      copy(hostile.folder(), model);
    } else {
      Files.write(model.resolve("model.yaml"), hostile.content());
    }
    check(hostile.name(), model, work.resolve("out"));
  }

  /** A file larger than the reader's limit, made at test time (not committed). */
  @Test
  void aTwentyMegabyteFileIsRefusedWithALocatedDiagnostic() throws IOException {
    Path work = temp.resolve("work");
    Path model = work.resolve("model");
    Files.createDirectories(model);
    StringBuilder yaml = new StringBuilder(BaseModel.valid());
    yaml.append("# ");
    String line = "padding ".repeat(16) + "\n# ";
    while (yaml.length() < 20 << 20) {
      yaml.append(line);
    }
    Files.writeString(model.resolve("model.yaml"), yaml);
    Run validate = check("huge: 20 MB", model, work.resolve("out"));
    assertWithMessage("a 20 MB model").that(validate.code()).isEqualTo(1);
  }

  private Run check(String name, Path model, Path out) throws IOException {
    Map<String, String> before = snapshot(temp);
    Run validate = run("validate", model.toString());
    Run generate = run("generate", model.toString(), "-o", out.toString());
    for (Run r : List.of(validate, generate)) {
      String all = r.out() + r.err();
      assertWithMessage("%s: exit code of `%s`\n%s", name, r.command(), all)
          .that(r.code())
          .isAnyOf(0, 1);
      assertWithMessage("%s: output of `%s`", name, r.command())
          .that(all)
          .doesNotContainMatch("Exception|\\tat [a-z]+\\.|internal error");
      if (r.code() == 1) {
        assertWithMessage("%s: a located diagnostic from `%s`\n%s", name, r.command(), all)
            .that(LOCATED.matcher(all).find() || WHOLE_FILE.matcher(all).find())
            .isTrue();
      }
    }
    TALLY.computeIfAbsent("exit " + generate.code(), k -> new AtomicInteger()).incrementAndGet();
    assertWithMessage("%s: validate and generate agree", name)
        .that(generate.code())
        .isEqualTo(validate.code());
    Map<String, String> after = snapshot(temp);
    after
        .keySet()
        .removeIf(
            p ->
                p.startsWith(temp.relativize(out) + "/")
                    || p.equals(temp.relativize(out).toString()));
    assertWithMessage("%s: files outside the output folder", name).that(after).isEqualTo(before);
    if (generate.code() == 0) {
      assertStaysInside(name, out);
    }
    return validate;
  }

  /** Every generated path is a regular file or folder whose real path lies inside {@code out}. */
  private static void assertStaysInside(String name, Path out) throws IOException {
    Path root = out.toRealPath();
    try (Stream<Path> walk = Files.walk(out)) {
      for (Path p : walk.toList()) {
        assertWithMessage("%s: %s is a symbolic link", name, p)
            .that(Files.isSymbolicLink(p))
            .isFalse();
        assertWithMessage("%s: %s escapes the output folder", name, p)
            .that(p.toRealPath(LinkOption.NOFOLLOW_LINKS).startsWith(root))
            .isTrue();
      }
    }
  }

  /** Every path below {@code root} with its size, so a write anywhere shows. */
  private static Map<String, String> snapshot(Path root) throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        files.put(
            root.relativize(p).toString(),
            Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)
                ? "folder"
                : Files.size(p) + " bytes, " + Files.getLastModifiedTime(p));
      }
    }
    return files;
  }

  private record Run(String command, int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(args[0], code, out.toString(), err.toString());
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static byte[] read(Path p) {
    try {
      return Files.readAllBytes(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
