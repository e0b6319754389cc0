package dev.tracepaper.diff;

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
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The model files of a git revision ({@code git:REF}): the same paths as the new model's, read with
 * the {@code git} command (what the user's CI already has, and it understands every repository
 * layout and worktree) into a temporary folder that mirrors the repository. {@code git ls-tree} and
 * {@code git cat-file} read the stored bytes: the work tree and the index are not touched, and no
 * attribute ({@code export-subst} and {@code export-ignore}, which {@code git archive} would apply)
 * changes what is read.
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
      // git would read it as an option (--output=…), never as a revision.
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
    Path folder;
    try {
      folder = Files.createTempDirectory("tracepaper-baseline-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      writeFiles(top, commit, relative, folder);
    } catch (BaselineUnavailable | RuntimeException e) {
      delete(folder);
      throw e;
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

  /**
   * Writes the files below {@code relative} at {@code commit} into {@code folder}: listed by {@code
   * git ls-tree}, their stored bytes read in one {@code git cat-file --batch}. Symbolic links and
   * submodules are not model files and are skipped.
   */
  private static void writeFiles(Path top, String commit, List<String> relative, Path folder)
      throws BaselineUnavailable {
    List<String> args = new ArrayList<>(List.of("ls-tree", "-r", "-z", commit, "--"));
    args.addAll(relative);
    Result listed = git(top, null, args.toArray(String[]::new));
    if (listed.code() != 0) {
      throw new BaselineUnavailable("git ls-tree failed: " + listed.error().strip());
    }
    List<String[]> blobs = new ArrayList<>(); // {id, path}
    for (String entry : listed.out().split("\0")) {
      int tab = entry.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      String[] meta = entry.substring(0, tab).split(" ");
      if (meta.length == 3 && meta[1].equals("blob") && !meta[0].equals("120000")) {
        blobs.add(new String[] {meta[2], entry.substring(tab + 1)});
      }
    }
    StringBuilder ids = new StringBuilder();
    blobs.forEach(b -> ids.append(b[0]).append('\n'));
    Result read = git(top, ids.toString().getBytes(StandardCharsets.UTF_8), "cat-file", "--batch");
    if (read.code() != 0) {
      throw new BaselineUnavailable("git cat-file failed: " + read.error().strip());
    }
    byte[] out = read.bytes();
    int at = 0;
    try {
      for (String[] blob : blobs) {
        int end = indexOf(out, (byte) '\n', at);
        String[] header = new String(out, at, end - at, StandardCharsets.UTF_8).split(" ");
        int size = Integer.parseInt(header[2]);
        Path target = folder.resolve(blob[1]).normalize();
        if (!target.startsWith(folder)) {
          throw new BaselineUnavailable("git lists a file outside its tree: " + blob[1]);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, java.util.Arrays.copyOfRange(out, end + 1, end + 1 + size));
        at = end + 1 + size + 1; // the content is followed by a newline
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    throw new IllegalStateException("the output of git cat-file ended early");
  }

  /** Deletes the temporary folder. */
  @Override
  public void close() {
    delete(folder);
  }

  private static void delete(Path folder) {
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
    return git(dir, null, args);
  }

  /** Runs git in {@code dir}, with {@code input} (or nothing) on its standard input. */
  private static Result git(Path dir, byte[] input, String... args) throws BaselineUnavailable {
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
      // Input and error output on threads of their own (not the common pool, which may have one
      // thread): git answers while it reads, and a full pipe would block both sides.
      FutureTask<Void> in =
          background(
              () -> {
                try (var stdin = process.getOutputStream()) {
                  if (input != null) {
                    stdin.write(input);
                  }
                } catch (IOException e) {
                  // git stopped reading (it failed): its exit code and message say why.
                }
                return null;
              });
      FutureTask<byte[]> err = background(() -> readAll(process.getErrorStream()));
      byte[] out = readAll(process.getInputStream());
      if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new BaselineUnavailable(
            "git %s did not finish in %d s.".formatted(args[0], TIMEOUT_SECONDS));
      }
      in.get();
      return new Result(process.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException("reading git's output failed", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BaselineUnavailable("interrupted while running git.");
    }
  }

  private static <T> FutureTask<T> background(java.util.concurrent.Callable<T> work) {
    FutureTask<T> task = new FutureTask<>(work);
    Thread thread = new Thread(task, "tracepaper-git");
    thread.setDaemon(true);
    thread.start();
    return task;
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
