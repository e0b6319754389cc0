package dev.tracepaper.task;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import dev.tracepaper.extend.Merged;
import dev.tracepaper.output.Action;
import dev.tracepaper.output.Change;
import dev.tracepaper.output.GeneratedFile;
import dev.tracepaper.output.Plan;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** How {@code generate} tells what it did, would do, or refuses to do to each file. */
public final class PlanReport {

  private static final int CONTEXT_LINES = 3;

  private final Plan plan;

  public PlanReport(Plan plan) {
    this.plan = plan;
  }

  /**
   * Every file with its action ({@code --dry-run}); with {@code quiet}, only changes; with {@code
   * diff}, each change followed by its unified diff.
   */
  public void list(PrintWriter out, boolean quiet, boolean diff) {
    for (Change change : plan.changes()) {
      boolean changes = change.action() != Action.UNCHANGED && change.action() != Action.KEEP;
      if (quiet && !changes) {
        continue;
      }
      out.printf("%-9s %s%s%n", change.action().word(), change.path(), reason(change));
      if (diff && changes) {
        diff(out, change);
      }
    }
  }

  /**
   * What the extension files added to which generated file, each with the place it was written
   * ({@code --dry-run}): the merged content itself is in the files, and in {@code --diff}.
   */
  public static void merged(PrintWriter out, List<Merged> merged) {
    if (merged.isEmpty()) {
      return;
    }
    out.println("Merged from the extension files (see docs/extending.md):");
    int width = merged.stream().mapToInt(m -> m.file().length()).max().orElse(0);
    for (Merged m : merged) {
      out.printf("  %-" + width + "s  + %s  (%s)%n", m.file(), m.what(), m.from());
    }
  }

  /** One line after a run: how many additions the extension files gave each generated file. */
  public static void mergedSummary(PrintWriter out, List<Merged> merged) {
    if (merged.isEmpty()) {
      return;
    }
    Map<String, Long> perFile = new TreeMap<>();
    merged.forEach(m -> perFile.merge(m.file(), 1L, Long::sum));
    List<String> parts = new ArrayList<>();
    perFile.forEach((file, n) -> parts.add(n + " into " + file));
    out.println("Merged the extension files: " + String.join(", ", parts) + ".");
  }

  /** A unified diff of a file that would be created, updated, deleted or is in conflict. */
  private void diff(PrintWriter out, Change change) {
    Action action = change.action();
    byte[] old = action == Action.CREATE ? new byte[0] : bytes(change.path());
    byte[] now = change.file().map(GeneratedFile::content).orElse(new byte[0]);
    String from = action == Action.CREATE ? "/dev/null" : "a/" + change.path();
    String to = action == Action.DELETE ? "/dev/null" : "b/" + change.path();
    if (isBinary(old) || isBinary(now)) {
      // The runtime's jars (.mvn/repository): as git says it, not as lines of bytes.
      out.printf("Binary files %s and %s differ%n", from, to);
      return;
    }
    List<String> before = text(old).lines().toList();
    List<String> after = text(now).lines().toList();
    List<String> diff =
        UnifiedDiffUtils.generateUnifiedDiff(
            from, to, before, DiffUtils.diff(before, after), CONTEXT_LINES);
    // java-diff-utils numbers the empty side of a whole-file hunk 1,0; diff(1) and git write
    // 0,0 there, which is what patch tools expect.
    if (before.isEmpty() && diff.size() > 2) {
      diff.set(2, diff.get(2).replaceFirst("^@@ -1,0 ", "@@ -0,0 "));
    }
    if (after.isEmpty() && diff.size() > 2) {
      diff.set(2, diff.get(2).replaceFirst(" \\+1,0 @@", " +0,0 @@"));
    }
    diff.forEach(out::println);
  }

  /** One line: the counts of each action, as done or (for a dry run) as planned. */
  public String summary(boolean preview, Path target) {
    List<String> parts = new ArrayList<>();
    count(parts, Action.CREATE, preview ? "to create" : "created");
    count(parts, Action.UPDATE, preview ? "to update" : "updated");
    count(parts, Action.DELETE, preview ? "to delete" : "deleted");
    count(parts, Action.UNCHANGED, "unchanged");
    count(parts, Action.KEEP, "hand-written kept");
    count(parts, Action.CONFLICT, "in conflict");
    String counts = parts.isEmpty() ? "" : ": " + String.join(", ", parts);
    return (preview ? "Dry run, nothing written to " : "Generated into ") + target + counts;
  }

  private void count(List<String> parts, Action action, String words) {
    long n = plan.count(action);
    if (n > 0) {
      parts.add("%,d %s".formatted(n, words));
    }
  }

  /** Why nothing was written, file by file, and what to do about it. */
  public void conflicts(PrintWriter err) {
    List<Change> conflicts = plan.with(Action.CONFLICT);
    err.printf(
        "tracepaper: nothing was written to %s: %d %s would lose someone's work:%n",
        plan.out(), conflicts.size(), conflicts.size() == 1 ? "file" : "files");
    for (Change change : conflicts) {
      err.printf("  %s: %s%n", change.path(), change.reason());
    }
    err.println(
        "Generated files are overwritten on every run: move hand-written code into classes of"
            + " your own (`custom: true` gives a model element a hand-written class; see"
            + " docs/regeneration.md), or run again with --force to overwrite the generated files"
            + " edited by hand. Files Tracepaper did not write are never touched, --force or"
            + " not.");
  }

  /** What a user should know after a run: stubs created, forced overwrites, orphaned stubs. */
  public void notes(PrintWriter out) {
    for (Change change : plan.changes()) {
      boolean plainKeep = change.action() == Action.KEEP && change.reason().equals("hand-written");
      if (!change.reason().isEmpty() && !plainKeep) {
        out.printf("%s %s: %s%n", change.action().word(), change.path(), change.reason());
      }
    }
  }

  private static String reason(Change change) {
    return change.reason().isEmpty() ? "" : "  (" + change.reason() + ")";
  }

  private byte[] bytes(String path) {
    Path file = plan.out().resolve(path);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return new byte[0];
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** As git decides it: a NUL byte in the first 8,000 bytes. */
  private static boolean isBinary(byte[] bytes) {
    for (int i = 0; i < Math.min(bytes.length, 8000); i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
