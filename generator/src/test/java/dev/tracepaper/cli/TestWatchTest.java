package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code test --watch} in this JVM: it reports once, a save of a model file makes a second report
 * (here one with the failure the edit brought), and an interrupt, as Ctrl-C, ends it with 130.
 */
class TestWatchTest {

  /** How long the watch may take to notice: far above its polls, so only a hang fails. */
  private static final long PATIENCE_MILLIS = 60_000;

  @TempDir Path folder;

  @Test
  void aSaveTestsAgainAndAnInterruptEndsTheWatch() throws Exception {
    copyExample("library");
    StringWriter out = new StringWriter();
    AtomicInteger exit = new AtomicInteger(-1);
    Thread watching =
        new Thread(
            () ->
                exit.set(
                    Main.run(
                        new String[] {"test", "--watch", folder.toString()},
                        new PrintWriter(out, true),
                        new PrintWriter(new StringWriter(), true))));
    watching.start();
    try {
      await(out, text -> count(text, "Watching the model") == 1);
      assertThat(out.toString()).containsMatch("\\d+ tests: \\d+ passed, 0 failed");
      assertThat(out.toString()).doesNotContain("\033[");

      Path catalog = folder.resolve("catalog.yaml");
      String text = Files.readString(catalog, UTF_8);
      assertThat(text).contains("state: {available: 0}");
      Files.writeString(catalog, text.replace("state: {available: 0}", "state: {available: 55}"));

      await(out, t -> count(t, "Watching the model") == 2);
      String second = out.toString().substring(out.toString().indexOf("Watching the model"));
      assertThat(second).contains("FAIL ");
      assertThat(second).contains("the state: `available`");
      assertThat(second).containsMatch("\\d+ tests: \\d+ passed, 1 failed");
    } finally {
      watching.interrupt();
      watching.join(PATIENCE_MILLIS);
    }
    assertThat(watching.isAlive()).isFalse();
    assertThat(exit.get()).isEqualTo(130);
  }

  private void copyExample(String example) throws IOException {
    try (var files = Files.list(TestPaths.examples().resolve(example))) {
      // The model files and the templates of its automations beside them.
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.copy(file, folder.resolve(file.getFileName().toString()));
      }
    }
  }

  private static void await(StringWriter out, Predicate<String> done) throws InterruptedException {
    long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
    while (!done.test(out.toString())) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("the watch did not report as expected; it wrote:\n" + out);
      }
      Thread.sleep(50);
    }
  }

  private static int count(String text, String part) {
    int n = 0;
    for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
      n++;
    }
    return n;
  }
}
