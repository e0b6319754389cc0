package dev.tracepaper.property;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Runs the tests a generated project derives from its model, in the JVM of {@link CompileWorker},
 * with JUnit's launcher: every command's and policy's cases ({@code <Flow>Test}), every view's
 * replay ({@code <View>ProjectionTest}), and, when moto_server is there, the two handler tests that
 * send the model's example input and invented texts through the real handler ({@code
 * aCommandIsStoredInTwoRequests}, {@code textIsStoredAndReadBackUnchanged}). The runtime's own
 * tests run in its module, not in generated projects.
 */
final class ModelTests {

  /** Handler tests that send values the generator chose: the example input, the text probes. */
  private static final List<String> HANDLER_METHODS =
      List.of("aCommandIsStoredInTwoRequests", "textIsStoredAndReadBackUnchanged");

  private ModelTests() {}

  /** Empty when every test passed, else the failures; {@code project} names it in the log. */
  static String run(Path project, Path classes, boolean withMoto) throws IOException {
    List<String> names;
    try (Stream<Path> walk = Files.walk(classes)) {
      names =
          walk.map(p -> classes.relativize(p).toString())
              .filter(p -> p.endsWith("Test.class") && !p.contains("$"))
              .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
              .sorted()
              .toList();
    }
    ClassLoader previous = Thread.currentThread().getContextClassLoader();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {classes.toUri().toURL()}, previous)) {
      Thread.currentThread().setContextClassLoader(loader);
      List<DiscoverySelector> selectors = new ArrayList<>();
      for (String name : names) {
        Class<?> test = loader.loadClass(name);
        if (name.endsWith("CommandHandlerTest")) {
          if (withMoto) {
            for (var method : test.getDeclaredMethods()) {
              if (HANDLER_METHODS.contains(method.getName())) {
                selectors.add(selectMethod(test, method));
              }
            }
          }
        } else {
          selectors.add(selectClass(test));
        }
      }
      LauncherDiscoveryRequest request =
          LauncherDiscoveryRequestBuilder.request().selectors(selectors).build();
      SummaryGeneratingListener listener = new SummaryGeneratingListener();
      LauncherFactory.create().execute(request, listener);
      TestExecutionSummary summary = listener.getSummary();
      if (summary.getTotalFailureCount() == 0 && summary.getTestsSucceededCount() > 0) {
        // Standard error: the worker (CompileWorker) discards standard output, the handlers' log.
        System.err.printf(
            "# %s: %d model tests passed%n",
            project.getFileName(), summary.getTestsSucceededCount());
        return "";
      }
      StringWriter failures = new StringWriter();
      summary.printTo(new PrintWriter(failures));
      summary.printFailuresTo(new PrintWriter(failures), 30);
      return failures.toString();
    } catch (ClassNotFoundException e) {
      throw new IOException(e);
    } finally {
      Thread.currentThread().setContextClassLoader(previous);
    }
  }
}
