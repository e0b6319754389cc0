package dev.tracepaper.tools;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the Maven wrapper of a generated project, as its engineers would, printing a line of
 * progress per goal and test class (see {@link Progress}).
 */
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
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    builder.environment().put("JAVA_HOME", jdk.toString());
    Optional.ofNullable(System.getenv("MAVEN_OPTS"))
        .ifPresent(o -> builder.environment().put("MAVEN_OPTS", o));
    Progress progress = new Progress(label(project), System.out);
    progress.print(String.join(" ", command) + " (JDK " + jdk.getFileName() + ")");
    Process process = builder.start();
    StringBuilder output = new StringBuilder();
    // Read while Maven runs, so that progress appears as it happens rather than after minutes.
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(new InputStreamReader(process.getInputStream(), UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                  synchronized (output) {
                    output.append(line).append('\n');
                  }
                  progress.line(line);
                }
              } catch (IOException e) {
                // The process was killed: what was read is kept.
              }
            },
            "maven-output-" + project.getFileName());
    reader.setDaemon(true);
    reader.start();
    if (!process.waitFor(15, TimeUnit.MINUTES)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      reader.join(10_000);
      progress.print("timed out after 15 minutes");
      synchronized (output) {
        return new Result(-1, "timed out after 15 minutes\n" + output);
      }
    }
    reader.join();
    progress.print("exit code " + process.exitValue());
    return new Result(process.exitValue(), output.toString());
  }

  /**
   * The project's artifact id ({@code library}: the app's name), which says more than the temporary
   * folder it was generated into; the folder's name when the pom cannot tell.
   */
  static String label(Path project) {
    try {
      String pom = java.nio.file.Files.readString(project.resolve("pom.xml"), UTF_8);
      Matcher m = Pattern.compile("<artifactId>([^<]+)</artifactId>").matcher(pom);
      if (!pom.contains("<parent>") && m.find()) {
        return m.group(1).trim();
      }
    } catch (IOException e) {
      // no pom: the folder's name
    }
    return project.getFileName().toString();
  }

  /**
   * One line on standard output per Maven goal, test class and test summary of a build, with the
   * time since it started ({@code [library 1:42] Running com.example.library.book.LendBookTest}):
   * the end-to-end tests build generated projects for minutes, and a developer running {@code
   * ./mvnw verify} should see where they are.
   */
  static final class Progress {

    private static final Pattern GOAL =
        Pattern.compile("^\\[INFO\\] --- ([\\w.-]+):[^:\\s]+:(\\S+) ");
    private static final Pattern RUNNING = Pattern.compile("^\\[INFO\\] Running (\\S+)");
    private static final Pattern TOTALS =
        Pattern.compile("^\\[(INFO|ERROR|WARNING)\\] (Tests run: \\d+, .*)$");
    private static final Pattern RESULT = Pattern.compile("^\\[(INFO|ERROR)\\] (BUILD \\w+)");

    private final String name;
    private final java.io.PrintStream out;
    private final long started = System.nanoTime();

    Progress(String name, java.io.PrintStream out) {
      this.name = name;
      this.out = out;
    }

    void line(String line) {
      Matcher m;
      if ((m = GOAL.matcher(line)).find()) {
        print(m.group(1).replace("maven-", "").replace("-plugin", "") + ":" + m.group(2));
      } else if ((m = RUNNING.matcher(line)).find()) {
        print("Running " + m.group(1));
      } else if ((m = TOTALS.matcher(line)).find() && !line.contains(" -- in ")) {
        print(m.group(2));
      } else if ((m = RESULT.matcher(line)).find()) {
        print(m.group(2));
      }
    }

    void print(String what) {
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      out.printf("[%s %d:%02d] %s%n", name, seconds / 60, seconds % 60, what);
      out.flush();
    }
  }
}
