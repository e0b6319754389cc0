package dev.tracepaper.tools;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs the Maven wrapper of a generated project, as its engineers would. */
public final class MavenBuild {

  /** One run of Maven: its exit code and what it printed. */
  public record Result(int exitCode, String output) {

    /** The last 80 lines, for a failure message. */
    public String tail() {
      List<String> lines = output.lines().toList();
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 80), lines.size()));
    }
  }

  private MavenBuild() {}

  /**
   * Runs {@code ./mvnw -B <goals>} with {@code jdk}, offline first (no network when the local
   * repository has every artifact), then online if an artifact was missing.
   */
  public static Result run(Path project, Path jdk, String... goals)
      throws IOException, InterruptedException {
    Result offline = maven(project, jdk, true, goals);
    if (offline.exitCode() == 0 || !missingArtifact(offline.output())) {
      return offline;
    }
    return maven(project, jdk, false, goals);
  }

  private static boolean missingArtifact(String output) {
    return output.contains("offline mode")
        || output.contains("has not been downloaded")
        || output.contains("Could not resolve");
  }

  private static Result maven(Path project, Path jdk, boolean offline, String... goals)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("./mvnw", "-B", "-ntp"));
    if (offline) {
      command.add("-o");
    }
    command.addAll(List.of(goals));
    Path log = Files.createTempFile("generated-build", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .directory(project.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().put("JAVA_HOME", jdk.toString());
      Optional.ofNullable(System.getenv("MAVEN_OPTS"))
          .ifPresent(o -> builder.environment().put("MAVEN_OPTS", o));
      Process process = builder.start();
      if (!process.waitFor(15, TimeUnit.MINUTES)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return new Result(-1, "timed out after 15 minutes\n" + Files.readString(log, UTF_8));
      }
      return new Result(process.exitValue(), Files.readString(log, UTF_8));
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
