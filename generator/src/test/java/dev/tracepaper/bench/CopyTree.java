package dev.tracepaper.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The floor of the generate benchmark: a JVM that writes the bytes of a generated tree into a fresh
 * folder. The tree is read into memory first (the generator also holds its tree in memory before
 * writing); with {@code --fsync} every file and folder is forced to disk as {@code PlanWriter} does
 * (file by file as it writes); with {@code --fsync-parallel} every file is written first and then
 * forced from 16 threads, which lets the file system commit many in one journal transaction (a
 * candidate change to the writer, measured here).
 *
 * <p>Usage: {@code CopyTree SOURCE_DIR TARGET_DIR [--fsync | --fsync-parallel]}
 */
public final class CopyTree {

  private CopyTree() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: CopyTree SOURCE_DIR TARGET_DIR [--fsync | --fsync-parallel]");
      System.exit(2);
    }
    Path source = Path.of(args[0]);
    Path target = Path.of(args[1]);
    String mode = args.length > 2 ? args[2] : "";
    boolean fsync = mode.equals("--fsync");
    boolean parallel = mode.equals("--fsync-parallel");
    Map<Path, byte[]> files = new LinkedHashMap<>();
    try (Stream<Path> paths = Files.walk(source)) {
      for (Path path : paths.filter(Files::isRegularFile).sorted().toList()) {
        files.put(source.relativize(path), Files.readAllBytes(path));
      }
    }
    TreeSet<Path> folders = new TreeSet<>();
    for (Map.Entry<Path, byte[]> file : files.entrySet()) {
      Path path = target.resolve(file.getKey());
      if (folders.add(path.getParent())) {
        Files.createDirectories(path.getParent());
        for (Path p = path.getParent().getParent(); p.startsWith(target); p = p.getParent()) {
          folders.add(p); // each folder on the way gets an fsync for its new entry
        }
      }
      try (FileChannel channel =
          FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(file.getValue());
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        if (fsync) {
          channel.force(true);
        }
      }
    }
    if (parallel) {
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<?>> forced = new ArrayList<>();
      for (Path file : files.keySet()) {
        forced.add(pool.submit(() -> force(target.resolve(file), StandardOpenOption.WRITE)));
      }
      for (Future<?> done : forced) {
        done.get();
      }
      pool.shutdown();
    }
    if (fsync || parallel) {
      for (Path folder : folders) {
        force(folder, StandardOpenOption.READ);
      }
    }
  }

  private static Void force(Path path, StandardOpenOption option) throws IOException {
    try (FileChannel channel = FileChannel.open(path, option)) {
      channel.force(true);
    }
    return null;
  }
}
