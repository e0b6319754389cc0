package dev.tracepaper.property;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Compiles generated projects in-process ({@link CompileWorker#compile}) and runs their scenarios:
 * {@code ScenariosTest}, and {@code ScenariosOnMotoTest} where asked, with JUnit's launcher, in a
 * JVM of the generated projects' JDK. {@link DifferentialTest} starts one for all its projects.
 *
 * <p>Usage: {@code ScenarioWorker CLASSPATH_FILE (PROJECT memory|moto)...}; prints, per project,
 * {@code compiled PROJECT} or {@code failed PROJECT} with the compiler's messages, then a line per
 * scenario {@code scenario<TAB>PROJECT<TAB>CLASS<TAB>NAME<TAB>STATUS<TAB>MESSAGE} (the message on
 * one line, {@code \n} for its line breaks); exits 0 either way.
 */
public final class ScenarioWorker {

  private ScenarioWorker() {}

  public static void main(String[] args) throws Exception {
    String classpath = Files.readString(Path.of(args[0])).strip();
    // Standard output is this worker's answer; the generated handlers' JSON log goes nowhere.
    PrintStream answer = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, null)) {
      for (int i = 1; i + 1 < args.length; i += 2) {
        Path project = Path.of(args[i]);
        boolean moto = args[i + 1].equals("moto");
        Path classes = Files.createTempDirectory("compiled");
        long started = System.nanoTime();
        String messages = CompileWorker.compile(compiler, files, project, classpath, classes);
        if (messages != null) {
          answer.println("failed " + project);
          answer.println(messages);
          answer.flush();
          continue;
        }
        answer.printf(
            "compiled %s in %d s%n", project, (System.nanoTime() - started) / 1_000_000_000L);
        answer.flush();
        run(project, classes, moto, answer);
      }
    }
  }

  private static void run(Path project, Path classes, boolean moto, PrintStream answer)
      throws IOException, ClassNotFoundException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(classes)) {
      walk.map(p -> classes.relativize(p).toString())
          .filter(
              p ->
                  p.endsWith("/ScenariosTest.class")
                      || moto && p.endsWith("/ScenariosOnMotoTest.class"))
          .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
          .sorted()
          .forEach(names::add);
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, previous)) {
      Thread.currentThread().setContextClassLoader(loader);
      List<DiscoverySelector> selectors = new ArrayList<>();
      for (String name : names) {
        selectors.add(selectClass(loader.loadClass(name)));
      }
      LauncherFactory.create()
          .execute(
              LauncherDiscoveryRequestBuilder.request().selectors(selectors).build(),
              new TestExecutionListener() {
                @Override
                public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                  if (test.isTest()) {
                    report(project, test, result.getStatus().name(), result, answer);
                  }
                }

                @Override
                public void executionSkipped(TestIdentifier test, String reason) {
                  answer.printf(
                      "scenario\t%s\t%s\t%s\tSKIPPED\t%s%n",
                      project, className(test), test.getDisplayName(), oneLine(reason));
                }
              });
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
    answer.flush();
  }

  private static void report(
      Path project,
      TestIdentifier test,
      String status,
      TestExecutionResult result,
      PrintStream answer) {
    String message =
        result
            .getThrowable()
            .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
            .orElse("");
    answer.printf(
        "scenario\t%s\t%s\t%s\t%s\t%s%n",
        project, className(test), test.getDisplayName(), status, oneLine(message));
  }

  private static String className(TestIdentifier test) {
    String id = test.getUniqueId();
    int start = id.indexOf("[class:");
    String name = start < 0 ? id : id.substring(start + 7, id.indexOf(']', start));
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static String oneLine(String text) {
    return String.valueOf(text).replace("\\", "\\\\").replace("\n", "\\n").replace("\t", " ");
  }
}
