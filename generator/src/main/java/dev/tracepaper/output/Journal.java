package dev.tracepaper.output;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The record of a run's changes to an output folder while it applies them, so that they can be
 * undone even by the next run after a crash. One line per folder the run creates ({@code
 * folder<TAB>path}), then one per file ({@code create|update|delete<TAB>sha256<TAB>path}, the hash
 * of the new content; empty for deletions), then the line {@code end}. Paths hold no tab or line
 * break ({@link GeneratedFile} refuses control characters).
 *
 * <p>The journal is not forced to disk on its own: the writer flushes it together with the staged
 * files before the first rename. A power loss before that flush can leave it cut short; then
 * nothing was applied yet, and the missing {@code end} line tells recovery so.
 */
final class Journal {

  /** One file's change, in the order they are applied. */
  record Step(Action action, String path, String hash) {}

  private static final String FOLDER = "folder";
  private static final String END = "end";
  private static final List<String> STEP_ACTIONS = List.of("create", "update", "delete");

  private final Path out;
  private final List<Step> steps;
  private final List<String> folders;

  Journal(Path out, List<Step> steps, List<String> folders) {
    this.out = out;
    this.steps = List.copyOf(steps);
    this.folders = List.copyOf(folders);
  }

  private Path transaction() {
    return out.resolve(PlanWriter.TRANSACTION);
  }

  Path file() {
    return transaction().resolve("journal");
  }

  /** Writes the journal whole, then renames it into place: it is complete or absent. */
  void write() throws IOException {
    StringBuilder text = new StringBuilder();
    for (String folder : folders) {
      text.append(FOLDER).append('\t').append(folder).append('\n');
    }
    for (Step step : steps) {
      text.append(step.action().word())
          .append('\t')
          .append(step.hash())
          .append('\t')
          .append(step.path())
          .append('\n');
    }
    text.append(END).append('\n');
    Path partial = transaction().resolve("journal.partial");
    Files.writeString(partial, text, StandardCharsets.UTF_8);
    Files.move(partial, file(), StandardCopyOption.ATOMIC_MOVE);
  }

  /** The point of no return: once the journal is gone, the run's changes stay. */
  void commit() throws IOException {
    Files.delete(file());
  }

  /** Deletes the staged files and backups, and folders the run created that stayed empty. */
  void discard() throws IOException {
    Trees.delete(transaction());
    for (int i = folders.size() - 1; i >= 0; i--) {
      Trees.deleteIfEmpty(out.resolve(folders.get(i)));
    }
  }

  /** Undoes every step, last first; safe to run again if interrupted. */
  void rollBack() throws IOException {
    Path backups = transaction().resolve("old");
    for (int i = steps.size() - 1; i >= 0; i--) {
      Step step = steps.get(i);
      Path target = out.resolve(step.path());
      Path backup = backups.resolve(step.path());
      if (Files.exists(backup, LinkOption.NOFOLLOW_LINKS)) {
        Files.move(backup, target, StandardCopyOption.ATOMIC_MOVE);
      } else if (step.action() == Action.CREATE && holds(target, step.hash())) {
        Files.delete(target);
      }
    }
    Files.deleteIfExists(file());
    discard();
  }

  private static boolean holds(Path file, String hash) throws IOException {
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        && Hashes.sha256(Files.readAllBytes(file)).equals(hash);
  }

  /** Rolls back the run that left this output's transaction folder, or just deletes its staging. */
  static void recover(Path out) throws IOException {
    Path file = out.resolve(PlanWriter.TRANSACTION).resolve("journal");
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      Trees.delete(out.resolve(PlanWriter.TRANSACTION));
      return;
    }
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    if (lines.isEmpty() || !lines.get(lines.size() - 1).equals(END)) {
      // Cut short by a power loss before the writer's first flush: no step was applied yet.
      Trees.delete(out.resolve(PlanWriter.TRANSACTION));
      return;
    }
    List<Step> steps = new ArrayList<>();
    List<String> folders = new ArrayList<>();
    for (String line : lines.subList(0, lines.size() - 1)) {
      String[] parts = line.split("\t", -1);
      if (parts.length == 2 && parts[0].equals(FOLDER)) {
        folders.add(checked(file, parts[1]));
      } else if (parts.length == 3 && STEP_ACTIONS.contains(parts[0])) {
        Action action = Action.valueOf(parts[0].toUpperCase(Locale.ROOT));
        steps.add(new Step(action, checked(file, parts[2]), parts[1]));
      } else {
        throw new OutputRefusedException(
            "the journal "
                + file
                + " of an interrupted run is damaged (line `"
                + line
                + "`); restore the output folder from version control and delete "
                + out.resolve(PlanWriter.TRANSACTION));
      }
    }
    new Journal(out, steps, folders).rollBack();
  }

  /** A journal path never leaves the output folder, even if the journal was tampered with. */
  private static String checked(Path journal, String path) throws OutputRefusedException {
    if (path.equals(Manifest.PATH) || path.equals(Manifest.LEGACY_MARKER)) {
      return path;
    }
    if (path.equals(Manifest.FOLDER)) {
      return path;
    }
    try {
      GeneratedFile.checkPath(path);
    } catch (IllegalArgumentException e) {
      throw new OutputRefusedException("the journal " + journal + " is damaged: " + e.getMessage());
    }
    return path;
  }
}
