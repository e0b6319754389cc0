package dev.tracepaper.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;

/**
 * Makes a run's writes durable in one step rather than file by file. An {@code fsync} of each file
 * waits for its own journal commit (1.5 to 4 ms each here, seconds for a large project; see
 * docs/performance.md), while one {@code syncfs(2)} of the output's file system commits them all
 * together. Java has no call for it, so it runs {@code sync -f FOLDER} (GNU coreutils 8.24 and
 * later); where that command is missing or refuses {@code -f} (BSD and macOS), plain {@code sync},
 * which flushes every file system; where neither exists (Windows), it forces the files written one
 * by one, from parallel threads so that the file system can batch them (NTFS journals renames
 * itself).
 */
public interface Durability {

  /**
   * Returns once everything written below {@code folder} so far is on stable storage: the files
   * {@code written}, and every rename and deletion made before the call.
   */
  void flush(Path folder, Collection<Path> written) throws IOException;

  /** The durability of {@code generate}: one sync of the file system per step. */
  Durability FILE_SYSTEM = new FileSystemSync();

  /** Runs the first of the ways that works on this system, and keeps to it. */
  final class FileSystemSync implements Durability {

    private enum Way {
      SYNCFS,
      SYNC,
      EACH_FILE
    }

    private volatile Way way;

    private FileSystemSync() {}

    @Override
    public void flush(Path folder, Collection<Path> written) throws IOException {
      if (way == null || way == Way.SYNCFS) {
        if (run(List.of("sync", "-f", folder.toString()))) {
          way = Way.SYNCFS;
          return;
        }
      }
      if (way == null || way == Way.SYNC) {
        if (run(List.of("sync"))) {
          way = Way.SYNC;
          return;
        }
      }
      way = Way.EACH_FILE;
      forceEach(written);
    }

    private static boolean run(List<String> command) throws IOException {
      Process process;
      try {
        process =
            new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
      } catch (IOException noSuchCommand) {
        return false;
      }
      try {
        // No timeout is safe to give up on: returning early would claim durability it lacks.
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroy();
        throw new IOException("interrupted while flushing " + command, e);
      }
      return process.exitValue() == 0;
    }

    private static void forceEach(Collection<Path> written) throws IOException {
      try {
        written.parallelStream()
            .forEach(
                path -> {
                  try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                    channel.force(true);
                  } catch (IOException e) {
                    throw new UncheckedIOException(e);
                  }
                });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }

    @Override
    public String toString() {
      return "sync of the file system" + (way == null ? "" : " (" + way + ")");
    }
  }
}
