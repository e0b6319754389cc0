package dev.tracepaper.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides what a generation does to each file, comparing three things: the new tree, the folder as
 * it is, and the manifest of the last generation. The rules (docs/regeneration.md):
 *
 * <ul>
 *   <li>a file already holding the new content is unchanged, whoever wrote it;
 *   <li>a file the last generation wrote and nobody edited since is updated, or deleted when the
 *       model no longer gives it;
 *   <li>a generated file edited by hand is a conflict, unless {@code force};
 *   <li>a file Tracepaper did not write is a conflict if the new tree needs its path, and otherwise
 *       never looked at;
 *   <li>a stub is created when missing and then kept, whatever its content; a stub the model no
 *       longer asks for is deleted only if it is still exactly as created.
 * </ul>
 */
public final class Planner {

  private static final String STUB_CREATED = "a stub for your code; created once, then yours";

  private final Path out;
  private final Manifest previous;
  private final boolean force;
  private final Map<Path, String> blockedFolders = new HashMap<>();

  /** No output folder yet: nothing can be in any file's way, so no file's path is looked at. */
  private final boolean fresh;

  private Planner(Path out, Manifest previous, boolean force, boolean fresh) {
    this.out = out;
    this.previous = previous;
    this.force = force;
    this.fresh = fresh;
  }

  /** The plan of writing {@code tree}, recorded as {@code manifest}, into {@code out}. */
  public static Plan plan(Path out, FileTree tree, Manifest manifest, boolean force)
      throws IOException {
    Path folder = out.toAbsolutePath().normalize();
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      throw new OutputRefusedException(
          "the output " + folder + " exists and is not a folder (or is a symbolic link)");
    }
    boolean exists = Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS);
    Optional<Manifest> last = exists ? Manifest.read(folder) : Optional.empty();
    Manifest previous =
        last.orElse(new Manifest("", "", new java.util.TreeMap<>(), new java.util.TreeMap<>()));
    return new Planner(folder, previous, force, !exists).plan(tree, manifest, last);
  }

  private Plan plan(FileTree tree, Manifest manifest, Optional<Manifest> last) throws IOException {
    List<Change> changes = new ArrayList<>();
    Set<String> wanted = new TreeSet<>();
    for (GeneratedFile file : tree.files()) {
      wanted.add(file.relativePath());
      changes.add(file.stub() ? stub(file) : generated(file));
    }
    for (Map.Entry<String, String> entry : previous.files().entrySet()) {
      if (!wanted.contains(entry.getKey())) {
        gone(entry.getKey(), entry.getValue(), false).ifPresent(changes::add);
      }
    }
    for (Map.Entry<String, String> entry : previous.stubs().entrySet()) {
      if (!wanted.contains(entry.getKey())) {
        gone(entry.getKey(), entry.getValue(), true).ifPresent(changes::add);
      }
    }
    changes.sort(Comparator.comparing(Change::path));
    boolean manifestChanged =
        last.isEmpty()
            || !Files.isRegularFile(out.resolve(Manifest.PATH), LinkOption.NOFOLLOW_LINKS)
            || !Arrays.equals(Files.readAllBytes(out.resolve(Manifest.PATH)), manifest.toJson());
    return new Plan(out, changes, manifest, manifestChanged);
  }

  private Change generated(GeneratedFile file) throws IOException {
    if (fresh) {
      return Change.of(file, Action.CREATE);
    }
    String path = file.relativePath();
    Path target = out.resolve(path);
    Optional<Change> obstacle = obstacle(file, target);
    if (obstacle.isPresent()) {
      return obstacle.get();
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return Change.of(file, Action.CREATE);
    }
    byte[] onDisk = Files.readAllBytes(target);
    if (Arrays.equals(onDisk, file.content())
        && (!file.executable() || Files.isExecutable(target))) {
      return Change.of(file, Action.UNCHANGED);
    }
    String recorded = previous.files().get(path);
    if (recorded == null) {
      return Change.of(
          file,
          Action.CONFLICT,
          "exists, but Tracepaper did not write it; move it away, or delete it, and run again");
    }
    if (recorded.equals(Hashes.sha256(onDisk))) {
      return Change.of(file, Action.UPDATE);
    }
    return force
        ? Change.of(file, Action.UPDATE, "edited by hand, replaced because of --force")
        : Change.of(file, Action.CONFLICT, "edited by hand since the last generation");
  }

  private Change stub(GeneratedFile file) {
    if (fresh) {
      return Change.of(file, Action.CREATE, STUB_CREATED);
    }
    Path target = out.resolve(file.relativePath());
    Optional<Change> obstacle = obstacle(file, target);
    if (obstacle.isPresent()) {
      return obstacle.get();
    }
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return Change.of(file, Action.CREATE, STUB_CREATED);
    }
    return Change.of(file, Action.KEEP, "hand-written");
  }

  /**
   * A conflict whatever the file's content: a folder on its way that is a file or a link, or
   * something other than a file at its path.
   */
  private Optional<Change> obstacle(GeneratedFile file, Path target) {
    Optional<String> blocked = blockedFolder(file.relativePath());
    if (blocked.isPresent()) {
      return Optional.of(Change.of(file, Action.CONFLICT, blocked.get()));
    }
    if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.of(Change.of(file, Action.CONFLICT, notAFile(target)));
    }
    return Optional.empty();
  }

  /** A file the last generation made and this one does not. */
  private Optional<Change> gone(String path, String recorded, boolean stub) throws IOException {
    Path target = out.resolve(path);
    if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)
        || blockedFolder(path).isPresent()) {
      return Optional.empty();
    }
    boolean untouched = recorded.equals(Hashes.sha256(Files.readAllBytes(target)));
    if (untouched) {
      return Optional.of(
          Change.without(path, Action.DELETE, stub ? "a stub never edited, no longer needed" : ""));
    }
    if (stub) {
      return Optional.of(
          Change.without(
              path,
              Action.KEEP,
              "hand-written for a custom element the model no longer has: delete it or adapt it,"
                  + " as it may no longer compile"));
    }
    return Optional.of(
        force
            ? Change.without(path, Action.DELETE, "edited by hand, deleted because of --force")
            : Change.without(
                path,
                Action.CONFLICT,
                "edited by hand since the last generation, and the model no longer gives it"));
  }

  /**
   * Why a file cannot go to {@code path} whatever its content: one of its folders is a file or a
   * symbolic link (writing through a link could land outside the output folder).
   */
  private Optional<String> blockedFolder(String path) {
    Path folder = out.resolve(path).getParent();
    while (folder != null && !folder.equals(out)) {
      String why = blockedFolders.computeIfAbsent(folder, Planner::whyBlocked);
      if (!why.isEmpty()) {
        return Optional.of(why);
      }
      folder = folder.getParent();
    }
    return Optional.empty();
  }

  private static String whyBlocked(Path folder) {
    if (Files.isSymbolicLink(folder)) {
      return "its folder " + folder.getFileName() + " is a symbolic link";
    }
    if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)
        && !Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
      return "its folder " + folder.getFileName() + " is a file";
    }
    return "";
  }

  private static String notAFile(Path target) {
    return Files.isSymbolicLink(target)
        ? "is a symbolic link, not a file Tracepaper wrote"
        : "is a folder, not a file";
  }
}
