package dev.tracepaper.output;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Writes staged files on a few threads. Its caller never sees a write still running: {@link
 * #awaitAll} and {@link #close} return only once every submitted write has ended, so a failure (or
 * a crash simulated at a checkpoint) never races the deletion of the staging folder.
 */
final class StagedWrites implements AutoCloseable {

  /**
   * Four writers keep a disk's queue busy while one waits on a directory's lock or the journal;
   * more brought nothing on two cores (docs/performance.md).
   */
  private static final int THREADS = 4;

  private final ExecutorService writers =
      Executors.newFixedThreadPool(
          THREADS,
          task -> {
            Thread thread = new Thread(task, "tracepaper-writer");
            thread.setDaemon(true);
            return thread;
          });
  private final List<Future<?>> pending = new ArrayList<>();

  void submit(Path target, byte[] content, boolean executable) {
    pending.add(
        writers.submit(
            () -> {
              try {
                Files.write(target, content);
                if (executable) {
                  FileModes.makeExecutable(target);
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            }));
  }

  /** Waits for every write; throws the first failure, with the others suppressed. */
  void awaitAll() throws IOException {
    IOException failure = null;
    RuntimeException unexpected = null;
    for (Future<?> write : pending) {
      try {
        write.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        close();
        throw new InterruptedIOException("interrupted while writing the staged files");
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof UncheckedIOException io) {
          if (failure == null) {
            failure = io.getCause();
          } else {
            failure.addSuppressed(io.getCause());
          }
        } else if (unexpected == null) {
          unexpected = cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
      }
    }
    pending.clear();
    if (unexpected != null) {
      throw unexpected;
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** Lets the writes already started end, skips the others, and stops the threads. */
  @Override
  public void close() {
    pending.forEach(write -> write.cancel(false));
    writers.shutdown();
    boolean interrupted = false;
    while (true) {
      try {
        if (writers.awaitTermination(1, TimeUnit.MINUTES)) {
          break;
        }
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
