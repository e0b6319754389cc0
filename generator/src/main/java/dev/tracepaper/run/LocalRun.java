package dev.tracepaper.run;

import dev.tracepaper.render.TemplateFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code tracepaper run}: the model served on a local port with its stored events, reloaded when
 * its files change. See docs/local-run.md.
 */
public final class LocalRun implements AutoCloseable {

  private final ModelHost host;
  private final RunServer server;
  private final ModelWatcher watcher;

  private LocalRun(ModelHost host, RunServer server, ModelWatcher watcher) {
    this.host = host;
    this.server = server;
    this.watcher = watcher;
  }

  /** The model would not run; what is wrong was printed. */
  public static final class NotRunnable extends Exception {
    NotRunnable() {
      super("the model does not run", null, false, false);
    }
  }

  /**
   * Loads the model of {@code paths} with the events stored in {@code data} (by default {@link
   * #defaultData}), and serves it on {@code port} (0: any free port) until closed.
   *
   * @param console where what happens is printed, a line (or a block of lines) at a time
   * @throws java.net.BindException when the port is taken
   */
  public static LocalRun start(
      List<Path> paths, Path base, Optional<Path> data, int port, Consumer<String> console)
      throws IOException, TemplateFailure, NotRunnable {
    ModelHost host =
        new ModelHost(
            paths,
            base,
            app -> data.orElseGet(() -> defaultData(paths, app)),
            Clock.systemUTC(),
            console);
    // A data folder given inside the model's folder is not the model: the events a mutation
    // stores there are no change of it.
    ModelWatcher watcher =
        new ModelWatcher(
            paths,
            data.stream().toList(),
            () -> {
              console.accept("The model changed: reloading.");
              try {
                if (host.load()) {
                  console.accept(
                      "Reloaded: "
                          + host.running().app().history().size()
                          + " stored events replayed on the changed model.");
                }
              } catch (TemplateFailure | RuntimeException e) {
                console.accept("The changed model could not be loaded: " + e.getMessage());
              }
            });
    if (!host.load()) {
      throw new NotRunnable();
    }
    RunServer server = RunServer.start(host, port);
    watcher.start();
    return new LocalRun(host, server, watcher);
  }

  /**
   * The default folder of a model's data: {@code .tracepaper/run/APP} in the model's folder (the
   * folder given, or the folder of the first file given).
   */
  public static Path defaultData(List<Path> paths, String app) {
    Path first = paths.get(0).toAbsolutePath().normalize();
    Path folder = Files.isDirectory(first) ? first : first.getParent();
    return folder.resolve(".tracepaper").resolve("run").resolve(app);
  }

  public String url() {
    return server.url();
  }

  public int port() {
    return server.port();
  }

  /** The app's name, as the model names it. */
  public String app() {
    return host.running().project().name();
  }

  /** The file of the stored events. */
  public Path eventFile() {
    return host.log().file();
  }

  /** How many events are stored. */
  public int events() {
    return host.running().app().history().size();
  }

  @Override
  public void close() {
    watcher.close();
    server.close();
  }
}
