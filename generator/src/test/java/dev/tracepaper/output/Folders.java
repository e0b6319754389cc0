package dev.tracepaper.output;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Test helpers: generating into a folder as {@code generate} does, and snapshots of folders. */
final class Folders {

  private Folders() {}

  static Plan plan(Path out, FileTree tree, boolean force) throws IOException {
    PlanWriter.recover(out);
    return Planner.plan(out, tree, Manifest.of("tracepaper test", "sha256:model", tree), force);
  }

  /** Plans and writes like {@code generate}; returns the plan that was carried out. */
  static Plan generate(Path out, FileTree tree) throws IOException {
    return generate(out, tree, new PlanWriter());
  }

  static Plan generate(Path out, FileTree tree, PlanWriter writer) throws IOException {
    Plan plan = plan(out, tree, false);
    writer.write(plan);
    return plan;
  }

  /** Every file below {@code folder}, manifest included, with its text; folders end in "/". */
  static Map<String, String> snapshot(Path folder) throws IOException {
    Map<String, String> found = new TreeMap<>();
    if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return found;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(p -> !p.equals(folder)).toList()) {
        String relative = folder.relativize(path).toString().replace('\\', '/');
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
          found.put(relative + "/", "");
        } else {
          found.put(relative, new String(Files.readAllBytes(path), UTF_8));
        }
      }
    }
    return found;
  }

  /** Sets every file's modification time far in the past, so a rewrite shows. */
  static void age(Path folder) throws IOException {
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(path, old);
      }
    }
  }

  static Map<String, FileTime> times(Path folder) throws IOException {
    Map<String, FileTime> times = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.filter(Files::isRegularFile).toList()) {
        times.put(
            folder.relativize(path).toString().replace('\\', '/'), Files.getLastModifiedTime(path));
      }
    }
    return times;
  }
}
