package dev.tracepaper.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the tools an end-to-end test needs, capturing what they print. */
public final class Processes {

  /** One finished run: exit code and the merged output. */
  public record Result(int exitCode, String output) {}

  private Processes() {}

  public static Result run(
      Path folder, Map<String, String> environment, long timeoutMinutes, List<String> command)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("tracepaper-run", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(folder.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(environment);
      Process process = builder.start();
      if (!process.waitFor(timeoutMinutes, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return new Result(-1, "timed out after " + timeoutMinutes + " minutes\n" + read(log));
      }
      return new Result(process.exitValue(), read(log));
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  /** The program's path when it is on the PATH. */
  public static Optional<Path> onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String folder : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(folder, program);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether this run is CI's, where a missing tool is a failure rather than a skip. */
  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }
}
