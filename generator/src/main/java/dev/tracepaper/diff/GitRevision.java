package dev.tracepaper.diff;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The model files of a git revision ({@code git:REF}): the same paths as the new model's, read with
 * the {@code git} command (what the user's CI already has, and it understands every repository
 * layout, worktree and credential setup that JGit may not) into a temporary folder that mirrors the
 * repository. {@code git archive} writes the files without touching the work tree or the index.
 */
public final class GitRevision implements AutoCloseable {

  private static final long TIMEOUT_SECONDS = 120;

  private final String ref;
  private final Path folder;
  private final List<Path> paths;

  private GitRevision(String ref, Path folder, List<Path> paths) {
    this.ref = ref;
    this.folder = folder;
    this.paths = List.copyOf(paths);
  }

  /** The revision named in {@code git:REF}. */
  public String ref() {
    return ref;
  }

  /** The folder holding the revision's files, as the repository's root; files named from it. */
  public Path folder() {
    return folder;
  }

  /** The given paths, as they are at the revision. */
  public List<Path> paths() {
    return paths;
  }

  /** Reads {@code paths} (of the work tree) as they are at {@code ref}. */
  public static GitRevision read(String ref, List<Path> paths) throws BaselineUnavailable {
    if (ref.isBlank()) {
      throw new BaselineUnavailable("git: needs a revision, such as git:origin/main.");
    }
    if (ref.startsWith("-")) {
      // git would read it as an option (git archive --output=…, --remote=…), never a revision.
      throw new BaselineUnavailable("git:%s is not a revision.".formatted(ref));
    }
    Path first = paths.get(0).toAbsolutePath().normalize();
    Path start = Files.isDirectory(first) ? first : first.getParent();
    Path top = topLevel(start);
    List<String> relative = new ArrayList<>();
    for (Path p : paths) {
      relative.add(relativeTo(top, p));
    }
    Result verified = git(top, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    if (verified.code() != 0 || verified.out().isBlank()) {
      throw new BaselineUnavailable(
          "git:%s: no such revision in %s (for a pull request's base, fetch it first, e.g."
                  .formatted(ref, top)
              + " actions/checkout with fetch-depth: 0).");
    }
    // The commit's id from here on: what the name meant when it was verified, and never an option.
    String commit = verified.out().strip();
    for (String rel : relative) {
      Result listed = git(top, "ls-tree", "--name-only", commit, "--", rel);
      if (listed.code() != 0 || listed.out().isBlank()) {
        throw new BaselineUnavailable(
            "git:%s has no %s (added since? then there is no baseline to compare with)."
                .formatted(ref, rel));
      }
    }
    List<String> args = new ArrayList<>(List.of("archive", "--format=zip", commit, "--"));
    args.addAll(relative);
    Result archive = git(top, args.toArray(String[]::new));
    if (archive.code() != 0) {
      throw new BaselineUnavailable(
          "git archive of %s failed: %s".formatted(ref, archive.error().strip()));
    }
    Path folder;
    try {
      folder = Files.createTempDirectory("tracepaper-baseline-");
      unzip(archive.bytes(), folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> inFolder = relative.stream().map(r -> folder.resolve(r).normalize()).toList();
    return new GitRevision(ref, folder, inFolder);
  }

  private static Path topLevel(Path start) throws BaselineUnavailable {
    Result top = git(start, "rev-parse", "--show-toplevel");
    if (top.code() != 0) {
      throw new BaselineUnavailable(
          "%s is not in a git repository, so git: has no revision to read; give the baseline as a path instead."
              .formatted(start));
    }
    return Path.of(top.out().strip());
  }

  private static String relativeTo(Path top, Path path) throws BaselineUnavailable {
    try {
      Path real = path.toRealPath();
      Path root = top.toRealPath();
      if (!real.startsWith(root)) {
        throw new BaselineUnavailable("%s is outside the git repository %s.".formatted(path, top));
      }
      // git pathspecs use forward slashes on every system.
      String relative = root.relativize(real).toString().replace('\\', '/');
      return relative.isEmpty() ? "." : relative;
    } catch (IOException e) {
      throw new BaselineUnavailable("%s cannot be read: %s".formatted(path, e.getMessage()));
    }
  }

  /** Extracts the archive, refusing any entry that would land outside {@code folder}. */
  private static void unzip(byte[] zip, Path folder) throws IOException {
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        Path target = folder.resolve(entry.getName()).normalize();
        if (!target.startsWith(folder)) {
          throw new IOException("archive entry outside its folder: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(in, target);
        }
      }
    }
  }

  /** Deletes the temporary folder. */
  @Override
  public void close() {
    try (Stream<Path> walk = Files.walk(folder)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // A temporary folder left behind is harmless; the system cleans its temp folder.
    }
  }

  private record Result(int code, byte[] bytes, String error) {
    String out() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static Result git(Path dir, String... args) throws BaselineUnavailable {
    List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
    command.addAll(List.of(args));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new BaselineUnavailable(
          "git: needs the git command, which cannot be run here (" + e.getMessage() + ").");
    }
    try {
      process.getOutputStream().close();
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      byte[] out = readAll(process.getInputStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new BaselineUnavailable(
            "git %s did not finish in %d s.".formatted(args[0], TIMEOUT_SECONDS));
      }
      return new Result(process.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BaselineUnavailable("interrupted while running git.");
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream buffer = new ByteArrayOutputStream();
      in.transferTo(buffer);
      return buffer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
