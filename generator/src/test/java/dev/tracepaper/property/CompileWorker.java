package dev.tracepaper.property;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles generated projects in-process with the JDK's compiler, as their own build does ({@code
 * --release 21 -Xlint:all -Werror}, main and test sources against the project's dependencies), then
 * runs the tests the project derives from its model ({@link ModelTests}). It runs in a JVM of JDK
 * 21 or newer, which the generator's own tests (Java 17) are not: {@link RandomModelsPropertyTest}
 * starts one for all its projects, with the project's test classpath and JUnit's launcher.
 *
 * <p>Usage: {@code CompileWorker CLASSPATH_FILE WITH_MOTO PROJECT...}; prints {@code ok PROJECT} or
 * {@code failed PROJECT} followed by the compiler's messages or the failed tests, and exits 0
 * either way.
 */
public final class CompileWorker {

  private CompileWorker() {}

  public static void main(String[] args) throws IOException {
    String classpath = Files.readString(Path.of(args[0])).strip();
    boolean withMoto = Boolean.parseBoolean(args[1]);
    // Standard output is this worker's answer to the test; the generated handlers write their JSON
    // log and metric lines there too, which would garble it: they go nowhere.
    PrintStream answer = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
      for (int i = 2; i < args.length; i++) {
        Path project = Path.of(args[i]);
        Path classes = Files.createTempDirectory("compiled");
        String messages = compile(compiler, files, project, classpath, classes);
        String failures = messages == null ? ModelTests.run(project, classes, withMoto) : messages;
        answer.println((failures.isEmpty() ? "ok " : "failed ") + project);
        if (!failures.isEmpty()) {
          answer.println(failures);
        }
        answer.flush();
      }
    }
  }

  /**
   * Compiles the project's main and test sources into {@code classes} as its build does; null when
   * they compiled, else the compiler's messages.
   */
  static String compile(
      JavaCompiler compiler,
      StandardJavaFileManager files,
      Path project,
      String classpath,
      Path classes)
      throws IOException {
    List<Path> sources = new ArrayList<>();
    for (String root : List.of("src/main/java", "src/test/java")) {
      try (Stream<Path> walk = Files.walk(project.resolve(root))) {
        walk.filter(p -> p.toString().endsWith(".java")).forEach(sources::add);
      }
    }
    StringWriter messages = new StringWriter();
    boolean ok =
        compiler
            .getTask(
                messages,
                files,
                null,
                List.of(
                    "--release",
                    "21",
                    "-Xlint:all",
                    "-Werror",
                    "-proc:none",
                    "-cp",
                    classpath,
                    "-d",
                    classes.toString()),
                null,
                files.getJavaFileObjectsFromPaths(sources))
            .call();
    return ok ? null : messages.toString();
  }
}
