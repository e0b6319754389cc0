package dev.tracepaper.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Replaces an output folder with a generated tree as one step: a reader of {@code out} finds the
 * previous tree or the new one, never a mix, and a failure or crash at any point leaves the
 * previous generation complete. See "Writing output" in docs/architecture.md.
 *
 * <ol>
 *   <li>Recover from an interrupted run (see {@link #recover}).
 *   <li>Refuse, changing nothing, if {@code out} holds a file the writer did not write (no marker,
 *       or a file the marker does not list).
 *   <li>Write the marker {@value #MARKER}, then every file, into the sibling {@code
 *       .<out>.tracepaper-new} (not fsynced: see "Durability" in docs/architecture.md).
 *   <li>Rename {@code out} to the sibling {@code .<out>.tracepaper-old}, rename the staging folder
 *       to {@code out} (both {@code ATOMIC_MOVE}, i.e. rename(2) within one file system), fsync the
 *       parent, delete the old tree.
 * </ol>
 *
 * <p>Between the two renames {@code out} does not exist for a moment: no portable call swaps two
 * directories in one step. A crash there leaves the complete previous tree under the {@code -old}
 * name, and the next run renames it back before anything else.
 */
public final class AtomicTreeWriter {

  /** The folder inside the output the writer keeps for itself. */
  public static final String MARKER_FOLDER = ".tracepaper";

  /** Marks a folder as written by Tracepaper and lists the files it wrote, one per line. */
  public static final String MARKER = MARKER_FOLDER + "/generated";

  private static final String MARKER_HEADER =
      "# Written by Tracepaper. This folder is generated and replaced as a whole on each run;\n"
          + "# files not listed below are never deleted: the next run refuses instead.\n";

  /**
   * Folders a build of the generated project writes (Maven, SAM CLI). They hold nothing but what
   * the build makes again, so a regeneration replaces them like the rest of the tree, as {@code mvn
   * clean} would, instead of refusing.
   */
  static final List<String> BUILD_OUTPUT = List.of("target/", ".aws-sam/");

  /** A point of the write a test can fail at, as if the process died or the disk filled there. */
  interface Checkpoint {
    void reached(String step) throws IOException;
  }

  private final Checkpoint checkpoint;

  public AtomicTreeWriter() {
    this(step -> {});
  }

  AtomicTreeWriter(Checkpoint checkpoint) {
    this.checkpoint = checkpoint;
  }

  public void write(Path outputDir, FileTree tree) throws IOException {
    Path out = outputDir.toAbsolutePath().normalize();
    Path parent = out.getParent();
    if (parent == null) {
      throw new OutputRefusedException("cannot generate into the root folder " + out);
    }
    Files.createDirectories(parent);
    Path staging = sibling(out, "new");
    Path old = sibling(out, "old");
    recover(out, old, staging);
    checkOwned(out);

    Files.createDirectory(staging);
    try {
      stage(staging, tree);
    } catch (IOException | RuntimeException e) {
      deleteOwned(staging);
      throw e;
    }
    checkpoint.reached("staged");

    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
      syncFolder(parent);
      return;
    }
    Files.move(out, old, StandardCopyOption.ATOMIC_MOVE);
    checkpoint.reached("previous moved aside");
    try {
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
      deleteOwned(staging);
      throw e;
    }
    syncFolder(parent);
    checkpoint.reached("new moved in");
    deleteOwned(old);
  }

  /**
   * Finishes or undoes an interrupted run. A leftover {@code -old} tree with no {@code out} means
   * the run died between its two renames: the previous tree goes back into place. A leftover {@code
   * -old} beside {@code out} means it died after the swap: the old tree is deleted. A leftover
   * staging folder is always deleted (it may be incomplete). Each leftover is touched only if it
   * carries the marker or holds no file, i.e. if this writer made it.
   */
  static void recover(Path out, Path old, Path staging) throws IOException {
    if (Files.exists(old, LinkOption.NOFOLLOW_LINKS)) {
      requireOwnedLeftover(old);
      if (Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
        deleteOwned(old);
      } else {
        Files.move(old, out, StandardCopyOption.ATOMIC_MOVE);
      }
    }
    if (Files.exists(staging, LinkOption.NOFOLLOW_LINKS)) {
      requireOwnedLeftover(staging);
      deleteOwned(staging);
    }
  }

  static Path sibling(Path out, String role) {
    return out.resolveSibling("." + out.getFileName() + ".tracepaper-" + role);
  }

  private void stage(Path staging, FileTree tree) throws IOException {
    Set<Path> folders = new TreeSet<>();
    folders.add(staging);
    writeFile(staging, MARKER, marker(tree), folders);
    for (GeneratedFile file : tree.files()) {
      checkpoint.reached("write " + file.relativePath());
      writeFile(staging, file.relativePath(), file.content(), folders);
      if (file.executable()) {
        makeExecutable(staging.resolve(file.relativePath()));
      }
    }
  }

  private static void writeFile(Path root, String relativePath, byte[] bytes, Set<Path> folders)
      throws IOException {
    Path target = root.resolve(relativePath);
    Path folder = target.getParent();
    if (folders.add(folder)) {
      Files.createDirectories(folder);
    }
    try (FileChannel channel =
        FileChannel.open(target, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
    }
  }

  /** Adds execute permission where read permission is (a no-op where POSIX modes do not exist). */
  private static void makeExecutable(Path file) throws IOException {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return;
    }
    java.util.Set<java.nio.file.attribute.PosixFilePermission> modes =
        java.util.EnumSet.copyOf(Files.getPosixFilePermissions(file));
    if (modes.contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ)) {
      modes.add(java.nio.file.attribute.PosixFilePermission.OWNER_EXECUTE);
    }
    if (modes.contains(java.nio.file.attribute.PosixFilePermission.GROUP_READ)) {
      modes.add(java.nio.file.attribute.PosixFilePermission.GROUP_EXECUTE);
    }
    if (modes.contains(java.nio.file.attribute.PosixFilePermission.OTHERS_READ)) {
      modes.add(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE);
    }
    Files.setPosixFilePermissions(file, modes);
  }

  private static byte[] marker(FileTree tree) {
    StringBuilder text = new StringBuilder(MARKER_HEADER);
    for (GeneratedFile file : tree.files()) {
      text.append(file.relativePath()).append('\n');
    }
    return text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Refuses unless {@code out} is absent, an empty folder, or a folder of files we wrote. */
  private static void checkOwned(Path out) throws IOException {
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    if (!Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
      throw new OutputRefusedException(
          "the output " + out + " exists and is not a folder (or is a symbolic link)");
    }
    if (isEmpty(out)) {
      return;
    }
    Path marker = out.resolve(MARKER);
    if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) {
      throw new OutputRefusedException(
          "the output folder "
              + out
              + " is not empty and was not generated by Tracepaper (no "
              + MARKER
              + "); choose an empty or new folder");
    }
    Set<String> written = new HashSet<>(listedFiles(marker));
    written.add(MARKER);
    List<String> foreign = new ArrayList<>();
    try (Stream<Path> files = Files.walk(out)) {
      files
          .filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
          .map(p -> out.relativize(p).toString().replace('\\', '/'))
          .filter(p -> !written.contains(p))
          .filter(p -> BUILD_OUTPUT.stream().noneMatch(p::startsWith))
          .sorted()
          .forEach(foreign::add);
    }
    if (!foreign.isEmpty()) {
      throw new OutputRefusedException(
          "the output folder "
              + out
              + " holds files Tracepaper did not write, which regenerating would delete: "
              + String.join(", ", foreign.subList(0, Math.min(5, foreign.size())))
              + (foreign.size() > 5 ? " and " + (foreign.size() - 5) + " more" : "")
              + "; move them out of the generated folder");
    }
  }

  private static List<String> listedFiles(Path marker) throws IOException {
    List<String> paths = new ArrayList<>();
    for (String line : Files.readAllLines(marker, StandardCharsets.UTF_8)) {
      if (!line.isEmpty() && !line.startsWith("#")) {
        paths.add(line);
      }
    }
    return paths;
  }

  private static void requireOwnedLeftover(Path folder) throws IOException {
    boolean ours =
        Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
            && (Files.isRegularFile(folder.resolve(MARKER), LinkOption.NOFOLLOW_LINKS)
                || holdsNoFile(folder));
    if (!ours) {
      throw new OutputRefusedException(
          folder
              + " looks like a leftover of an interrupted run but was not written by Tracepaper;"
              + " remove or rename it");
    }
  }

  /** Only (nested) empty folders: a staging folder whose run died before its marker was written. */
  private static boolean holdsNoFile(Path folder) throws IOException {
    try (Stream<Path> entries = Files.walk(folder)) {
      return entries.allMatch(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS));
    }
  }

  private static boolean isEmpty(Path folder) throws IOException {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.findAny().isEmpty();
    }
  }

  /**
   * Deletes a tree this writer made; symbolic links are deleted, never followed. The marker goes
   * last, so a folder left half-deleted by a crash still carries it and the next run may finish the
   * job.
   */
  private static void deleteOwned(Path root) throws IOException {
    if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    Path markerFolder = root.resolve(MARKER_FOLDER);
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path folder, BasicFileAttributes attributes) {
            return folder.equals(markerFolder)
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes)
              throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path folder, IOException failure)
              throws IOException {
            if (failure != null) {
              throw failure;
            }
            if (!folder.equals(root)) {
              Files.delete(folder);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    Files.deleteIfExists(root.resolve(MARKER));
    Files.deleteIfExists(markerFolder);
    Files.delete(root);
  }

  /** Makes a folder's entries durable; a no-op where folders cannot be opened (Windows). */
  private static void syncFolder(Path folder) {
    try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not supported on this platform: the renames are still atomic, only less durable.
    }
  }
}
