package dev.tracepaper.tools;

import static com.google.common.truth.Truth.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end-to-end tests say where a long build is while it runs, not minutes later. */
class MavenBuildTest {

  @TempDir Path temp;

  @Test
  void printsALinePerGoalTestClassAndSummary() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MavenBuild.Progress progress =
        new MavenBuild.Progress("library", new PrintStream(bytes, true, StandardCharsets.UTF_8));

    for (String line :
        List.of(
            "[INFO] Scanning for projects...",
            "[INFO] --- maven-compiler-plugin:3.14.1:compile (default-compile) @ library ---",
            "[INFO] Compiling 40 source files with javac [debug release 21] to target/classes",
            "[INFO] --- surefire:3.5.4:test (default-test) @ library ---",
            "[INFO] Running com.example.library.book.LendBookTest",
            "[INFO] Tests run: 3, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: 0.1 s -- in"
                + " com.example.library.book.LendBookTest",
            "[INFO] Tests run: 99, Failures: 0, Errors: 0, Skipped: 0",
            "[INFO] BUILD SUCCESS")) {
      progress.line(line);
    }

    assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList())
        .containsExactly(
            "[library 0:00] compiler:compile",
            "[library 0:00] surefire:test",
            "[library 0:00] Running com.example.library.book.LendBookTest",
            "[library 0:00] Tests run: 99, Failures: 0, Errors: 0, Skipped: 0",
            "[library 0:00] BUILD SUCCESS")
        .inOrder();
  }

  @Test
  void namesAProjectByItsArtifactId() throws Exception {
    Path project = Files.createDirectories(temp.resolve("project-3"));
    Path bare = Files.createDirectories(temp.resolve("bare"));
    Files.writeString(
        project.resolve("pom.xml"),
        "<project>\n  <groupId>com.example</groupId>\n  <artifactId>library</artifactId>\n"
            + "  <dependencies><dependency><artifactId>x</artifactId></dependency></dependencies>"
            + "\n</project>\n");

    assertThat(MavenBuild.label(project)).isEqualTo("library");
    assertThat(MavenBuild.label(bare)).isEqualTo("bare");
  }

  @Test
  void progressAppearsWhileTheBuildRuns() throws Exception {
    Path project = Files.createDirectories(temp.resolve("slow"));
    Path mvnw = project.resolve("mvnw");
    Files.writeString(
        mvnw,
        """
        #!/bin/sh
        echo "[INFO] --- surefire:3.5.4:test (default-test) @ slow ---"
        sleep 2
        echo "[INFO] BUILD SUCCESS"
        """);
    Files.setPosixFilePermissions(mvnw, PosixFilePermissions.fromString("rwxr-xr-x"));
    List<Long> arrivals = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    PrintStream original = System.out;
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    System.setOut(
        new PrintStream(sink, true, StandardCharsets.UTF_8) {
          @Override
          public void println(String x) {
            record(x);
          }

          @Override
          public PrintStream printf(String format, Object... args) {
            record(String.format(format, args).strip());
            return this;
          }

          private synchronized void record(String line) {
            lines.add(line);
            arrivals.add(System.nanoTime());
          }
        });
    MavenBuild.Result result;
    try {
      result = MavenBuild.run(project, Path.of(System.getProperty("java.home")), "verify");
    } finally {
      System.setOut(original);
    }

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.output()).contains("BUILD SUCCESS");
    int goal = indexOf(lines, "surefire:test");
    int done = indexOf(lines, "BUILD SUCCESS");
    assertThat(goal).isAtLeast(0);
    assertThat(done).isGreaterThan(goal);
    // The goal's line was printed when Maven printed it, about two seconds before the end.
    assertThat((arrivals.get(done) - arrivals.get(goal)) / 1_000_000).isAtLeast(1_500L);
  }

  private static int indexOf(List<String> lines, String part) {
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).endsWith(part)) {
        return i;
      }
    }
    return -1;
  }
}
