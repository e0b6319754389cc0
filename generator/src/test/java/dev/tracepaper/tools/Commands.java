package dev.tracepaper.tools;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A command line run as a reader of the generated README runs it (the AWS CLI against moto_server,
 * with {@code AWS_ENDPOINT_URL} in {@code env}): it must succeed within a minute.
 */
public final class Commands {

  private Commands() {}

  /** Runs {@code command} with {@code env} added; answers its output, stripped. */
  public static String run(Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8).strip();
    assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
    assertWithMessage("%s:\n%s", String.join(" ", command), output)
        .that(process.exitValue())
        .isEqualTo(0);
    return output;
  }
}
