package dev.tracepaper.cli;

import static com.google.common.truth.Truth.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands messages print can be pasted into a shell as printed. */
class InvocationTest {

  @TempDir Path temp;

  @Test
  void quotesWhatTheShellWouldSplitOrExpand() {
    assertThat(Invocation.quote("examples/library")).isEqualTo("examples/library");
    assertThat(Invocation.quote("my notes")).isEqualTo("'my notes'");
    assertThat(Invocation.quote("it's $HOME")).isEqualTo("'it'\\''s $HOME'");
    assertThat(Invocation.quote("")).isEqualTo("''");
  }

  @Test
  void aQuotedWordReachesTheCommandUnchanged() throws IOException, InterruptedException {
    String word = "a 'b' \"c\" $HOME `d` \\e *";
    Path out = temp.resolve("out");

    Process shell =
        new ProcessBuilder(List.of("sh", "-c", "printf %s " + Invocation.quote(word) + " > " + out))
            .start();

    assertThat(shell.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(out)).isEqualTo(word);
  }

  @Test
  void theLauncherScriptsTellHowTheyWereRun() throws IOException {
    // The repository's ./tracepaper runs the distribution's script (LaunchersTest).
    Path bin = dev.tracepaper.TestPaths.root().resolve("generator/src/dist/bin");

    assertThat(Files.readString(bin.resolve("tracepaper")))
        .contains("-D" + Invocation.PROPERTY + "=");
    assertThat(Files.readString(bin.resolve("tracepaper.cmd")))
        .contains("-D" + Invocation.PROPERTY + "=");
  }
}
