package dev.tracepaper.property;

import static com.google.common.truth.Truth.assertThat;
import static com.google.common.truth.Truth.assertWithMessage;
import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.tools.MavenBuild;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Generated projects compiled and their model tests run in one JVM of the generated projects' JDK
 * ({@link CompileWorker}), for the tests that check what the generator writes compiles: faster than
 * a Maven build per project.
 */
final class CompiledProjects {

  private CompiledProjects() {}

  /** Whether moto_server is on the PATH: the handler tests of the projects need it. */
  static boolean motoOnPath() {
    return java.util.stream.Stream.of(
            System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
        .anyMatch(folder -> Files.isExecutable(Path.of(folder, "moto_server")));
  }

  /** The test classpath every generated project shares, resolved by {@code project}'s build. */
  static Path testClasspath(Path project, Path jdk, Path temp) throws Exception {
    return testClasspath(List.of(project), jdk, temp);
  }

  /**
   * A test classpath all of {@code projects} compile and run on: the union of the classpaths of
   * their distinct dependency lists (a project whose automations send e-mail or read a secret
   * depends on SDK modules others do not), each resolved once by one project's build.
   */
  static Path testClasspath(Collection<Path> projects, Path jdk, Path temp) throws Exception {
    Map<String, Path> byDependencies = new LinkedHashMap<>();
    for (Path project : projects) {
      // The project's own dependencies: the list after the managed ones (the BOMs).
      String pom = Files.readString(project.resolve("pom.xml"));
      int start =
          pom.indexOf("<dependencies>", Math.max(0, pom.indexOf("</dependencyManagement>")));
      int end = pom.indexOf("</dependencies>", start);
      byDependencies.putIfAbsent(start < 0 ? "" : pom.substring(start, end), project);
    }
    Set<String> entries = new LinkedHashSet<>();
    int n = 0;
    for (Path project : byDependencies.values()) {
      Path resolvedFile = temp.resolve("classpath-" + n++ + ".txt");
      MavenBuild.Result resolved =
          MavenBuild.run(
              project,
              jdk,
              "-q",
              "dependency:build-classpath",
              "-Dmdep.includeScope=test",
              "-Dmdep.outputFile=" + resolvedFile);
      assertWithMessage(resolved.tail()).that(resolved.exitCode()).isEqualTo(0);
      entries.addAll(List.of(Files.readString(resolvedFile).strip().split(File.pathSeparator)));
    }
    Path classpath = temp.resolve("classpath.txt");
    Files.writeString(classpath, String.join(File.pathSeparator, entries));
    return classpath;
  }

  private static String codeSource(Class<?> type) throws Exception {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }

  /**
   * The command line that runs {@code worker}'s main on {@code jdk} with these arguments after the
   * classpath file: the worker, JUnit's launcher (the generated projects bring the engine) and the
   * projects' test classpath, which every generated project shares.
   */
  static List<String> workerCommand(Path jdk, Path classpath, Class<?> worker, String... arguments)
      throws Exception {
    String workerClasspath =
        String.join(
            java.io.File.pathSeparator,
            codeSource(worker),
            codeSource(org.junit.platform.launcher.core.LauncherFactory.class),
            Files.readString(classpath).strip());
    List<String> command =
        new ArrayList<>(
            List.of(
                jdk.resolve("bin/java").toString(),
                "-cp",
                workerClasspath,
                worker.getName(),
                classpath.toString()));
    command.addAll(List.of(arguments));
    return command;
  }

  /** Each project's result: "ok", or the compiler's messages or the failed tests. */
  static Map<Path, String> compile(Path jdk, Path classpath, boolean moto, Iterable<Path> projects)
      throws Exception {
    List<String> command =
        workerCommand(jdk, classpath, CompileWorker.class, Boolean.toString(moto));
    projects.forEach(p -> command.add(p.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), UTF_8);
    assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertWithMessage(output).that(process.exitValue()).isEqualTo(0);
    Map<Path, String> results = new LinkedHashMap<>();
    Path current = null;
    StringBuilder messages = new StringBuilder();
    for (String line : output.lines().toList()) {
      if (line.startsWith("# ")) {
        System.out.println(line.substring(2));
      } else if (line.startsWith("ok ") || line.startsWith("failed ")) {
        if (current != null) {
          results.put(current, messages.toString());
        }
        boolean ok = line.startsWith("ok ");
        current = Path.of(line.substring(ok ? 3 : 7));
        messages.setLength(0);
        messages.append(ok ? "ok" : "");
      } else {
        messages.append(line).append('\n');
      }
    }
    if (current != null) {
      results.put(current, messages.toString());
    }
    return results;
  }
}
