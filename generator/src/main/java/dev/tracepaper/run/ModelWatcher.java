package dev.tracepaper.run;

import dev.tracepaper.source.ModelFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Watches the model's files by polling their sizes and modification times (WatchService misses
 * changes on some file systems, and an editor's save is several events): a change that then stays
 * the same for one more poll runs {@code reload}. Used by {@code run} (reload the app) and {@code
 * test --watch} (test again).
 */
public final class ModelWatcher implements AutoCloseable {

  static final long POLL_MILLIS = 250;

  private final List<Path> paths;
  private final List<Path> ignored;
  private final Runnable reload;
  private final Thread thread;
  private final Map<String, String> initial;
  private volatile boolean stopped;

  /**
   * Takes the files' state now, before the model is loaded: a save during the load or before the
   * watching thread runs is a change.
   */
  public ModelWatcher(List<Path> paths, Runnable reload) {
    this(paths, List.of(), reload);
  }

  /**
   * @param ignored folders below the paths whose files are never the model's (a run's data folder)
   */
  public ModelWatcher(List<Path> paths, List<Path> ignored, Runnable reload) {
    this.paths = List.copyOf(paths);
    this.ignored = ignored.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    this.reload = reload;
    this.initial = signature();
    this.thread = new Thread(this::watch, "tracepaper-model-watcher");
    thread.setDaemon(true);
  }

  public void start() {
    thread.start();
  }

  private void watch() {
    Map<String, String> loaded = initial;
    Map<String, String> seen = loaded;
    while (!stopped) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      Map<String, String> now = signature();
      if (now.equals(seen) && !now.equals(loaded)) {
        loaded = now;
        reload.run();
      }
      seen = now;
    }
  }

  /**
   * The size and modification time of each file the model may read, by path: the model files and
   * the files beside them (an automation's templates), as the model's reader finds them.
   */
  Map<String, String> signature() {
    Map<String, String> files = new TreeMap<>();
    for (Path path : paths) {
      try {
        if (Files.isDirectory(path)) {
          ModelFiles.filesBelow(path).stream()
              .filter(this::watched)
              .forEach(p -> files.put(p.toString(), stamp(p)));
        } else {
          files.put(path.toString(), stamp(path));
          // A model file's templates lie below its folder; other YAML there is not this model.
          Path folder = path.toAbsolutePath().getParent();
          if (folder != null) {
            ModelFiles.filesBelow(folder).stream()
                .filter(p -> !ModelFiles.isModelFile(p) && watched(p))
                .forEach(p -> files.put(p.toString(), stamp(p)));
          }
        }
      } catch (IOException | UncheckedIOException e) {
        files.put(path.toString(), "unreadable");
      }
    }
    return files;
  }

  private boolean watched(Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    return ignored.stream().noneMatch(absolute::startsWith);
  }

  private static String stamp(Path file) {
    try {
      return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return "gone";
    }
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
  }
}
