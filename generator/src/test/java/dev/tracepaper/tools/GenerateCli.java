package dev.tracepaper.tools;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** {@code tracepaper generate MODEL -o OUT} through the CLI's entry point, as a user runs it. */
public final class GenerateCli {

  private GenerateCli() {}

  /** Generates the project of {@code model} into {@code out}; fails the test with the output. */
  public static void generate(Path model, Path out) {
    StringWriter output = new StringWriter();
    int exit =
        Main.run(
            new String[] {"generate", model.toString(), "-o", out.toString()},
            new PrintWriter(output),
            new PrintWriter(output));
    assertWithMessage("tracepaper generate %s: %s", model, output).that(exit).isEqualTo(0);
  }
}
