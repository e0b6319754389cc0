package dev.tracepaper.output;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Carries out a {@link Plan} so that a failure at any point (disk full, an exception, a killed
 * process) leaves the previous generation as it was. See "Writing output" in docs/architecture.md.
 *
 * <ol>
 *   <li>Stage: every file to write, the manifest last, goes into {@value #TRANSACTION}{@code /new}
 *       inside the output folder (so every later rename stays on one file system). A failure here
 *       has changed nothing but the staging folder, which is deleted.
 *   <li>Journal: the list of steps is written to {@value #TRANSACTION}{@code /journal} (written
 *       whole, then renamed into place). From now on an interrupted run is rolled back.
 *   <li>Apply: each file to replace or delete is renamed into {@code /old}, each new file renamed
 *       into place.
 *   <li>Commit: the journal is deleted (one unlink: the point of no return), then the staging
 *       folder and folders the deletions left empty.
 * </ol>
 *
 * <p>Rolling back undoes the steps in reverse: created files are deleted (only if they still hold
 * what was written), the files in {@code /old} go back, folders the run created go if empty. It is
 * idempotent, so a crash during a rollback is rolled back again by the next run ({@link #recover}).
 * An output folder that does not exist yet is staged whole beside it and renamed into place in one
 * step.
 */
public final class PlanWriter {

  /** Where a run keeps its staged files, backups and journal while it writes. */
  static final String TRANSACTION = Manifest.FOLDER + "/transaction";

  /** A point of the write a test can fail at, as if the process died or the disk filled there. */
  interface Checkpoint {
    void reached(String step) throws IOException;
  }

  private final Checkpoint checkpoint;
  private final Durability durability;

  public PlanWriter() {
    this(step -> {}, Durability.FILE_SYSTEM);
  }

  PlanWriter(Checkpoint checkpoint) {
    this(checkpoint, Durability.FILE_SYSTEM);
  }

  PlanWriter(Checkpoint checkpoint, Durability durability) {
    this.checkpoint = checkpoint;
    this.durability = durability;
  }

  /** Writes a plan without conflicts; call {@link #recover} before planning. */
  public void write(Plan plan) throws IOException {
    if (plan.hasConflicts()) {
      throw new IllegalStateException("a plan with conflicts must not be written");
    }
    Path out = plan.out();
    List<Journal.Step> steps = steps(plan);
    if (steps.isEmpty()) {
      return;
    }
    if (!Files.exists(out, LinkOption.NOFOLLOW_LINKS)) {
      writeNewFolder(out, steps, plan);
      return;
    }
    Path transaction = out.resolve(TRANSACTION);
    if (Files.exists(transaction, LinkOption.NOFOLLOW_LINKS)) {
      throw new IllegalStateException("recover() was not called before writing into " + out);
    }
    List<String> folders = foldersToCreate(out, steps);
    for (String folder : folders) {
      if (folder.startsWith(Manifest.FOLDER)) {
        Files.createDirectories(out.resolve(folder));
      }
    }
    Journal journal = new Journal(out, steps, folders);
    List<Path> staged;
    try {
      Files.createDirectories(transaction);
      staged = stage(transaction.resolve("new"), steps, plan);
    } catch (IOException | RuntimeException e) {
      journal.discard();
      throw e;
    }
    journal.write();
    try {
      // One flush for the staged files and the journal together: nothing is renamed into place
      // before the new content and the way back are both on disk. A power loss before it leaves
      // at worst a journal without its end line, which recovery discards (nothing was applied).
      staged.add(journal.file());
      durability.flush(out, staged);
      checkpoint.reached("journal written");
      apply(out, steps);
      // Every rename on disk before the journal goes: the commit never outlives a lost rename.
      durability.flush(out, List.of());
      checkpoint.reached("applied");
    } catch (IOException | RuntimeException e) {
      try {
        journal.rollBack();
      } catch (IOException | RuntimeException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    journal.commit();
    // The commit on disk before the backups go, so a power loss never finds a journal whose
    // backups were already deleted.
    durability.flush(out, List.of());
    checkpoint.reached("committed");
    journal.discard();
    removeEmptiedFolders(out, steps);
  }

  /**
   * Rolls back a run that was interrupted while applying its changes, and removes what an
   * interrupted run staged. Does nothing after a run that finished.
   */
  public static void recover(Path out) throws IOException {
    Path folder = out.toAbsolutePath().normalize();
    NewFolder.recover(folder);
    if (Files.isDirectory(folder.resolve(TRANSACTION), LinkOption.NOFOLLOW_LINKS)) {
      Journal.recover(folder);
    }
  }

  /** Whether an interrupted run left changes to roll back ({@code --dry-run} will not do it). */
  public static boolean interrupted(Path out) {
    return Files.exists(
        out.toAbsolutePath().normalize().resolve(TRANSACTION), LinkOption.NOFOLLOW_LINKS);
  }

  private static List<Journal.Step> steps(Plan plan) throws IOException {
    List<Journal.Step> steps = new ArrayList<>();
    for (Change change : plan.changes()) {
      if (change.writes()) {
        GeneratedFile file = change.file().orElseThrow();
        String hash =
            plan.manifest().hashOf(change.path()).orElseGet(() -> Hashes.sha256(file.content()));
        steps.add(new Journal.Step(change.action(), change.path(), hash));
      } else if (change.action() == Action.DELETE) {
        steps.add(new Journal.Step(Action.DELETE, change.path(), ""));
      }
    }
    Path out = plan.out();
    if (plan.manifestChanged()) {
      boolean exists = Files.exists(out.resolve(Manifest.PATH), LinkOption.NOFOLLOW_LINKS);
      steps.add(
          new Journal.Step(
              exists ? Action.UPDATE : Action.CREATE,
              Manifest.PATH,
              Hashes.sha256(plan.manifest().toJson())));
    }
    if (Files.isRegularFile(out.resolve(Manifest.LEGACY_MARKER), LinkOption.NOFOLLOW_LINKS)) {
      steps.add(new Journal.Step(Action.DELETE, Manifest.LEGACY_MARKER, ""));
    }
    return steps;
  }

  /** Writes the new content into {@code staging}; returns the files written. */
  private List<Path> stage(Path staging, List<Journal.Step> steps, Plan plan) throws IOException {
    List<Path> staged = new ArrayList<>();
    // Each folder is made once, not once per file in it (a system call or two saved per file).
    Set<Path> folders = new HashSet<>();
    Map<String, GeneratedFile> files = new HashMap<>();
    plan.changes().forEach(c -> c.file().ifPresent(f -> files.put(c.path(), f)));
    for (Journal.Step step : steps) {
      if (step.action() == Action.DELETE) {
        continue;
      }
      checkpoint.reached("stage " + step.path());
      Path folder = staging.resolve(step.path()).getParent();
      if (folders.add(folder)) {
        Files.createDirectories(folder);
      }
      Optional<GeneratedFile> file = Optional.ofNullable(files.get(step.path()));
      byte[] bytes = file.isPresent() ? file.get().content() : plan.manifest().toJson();
      Path written = Files.write(staging.resolve(step.path()), bytes);
      staged.add(written);
      if (file.isPresent() && file.get().executable()) {
        FileModes.makeExecutable(written);
      }
    }
    return staged;
  }

  private void apply(Path out, List<Journal.Step> steps) throws IOException {
    Path transaction = out.resolve(TRANSACTION);
    for (Journal.Step step : steps) {
      Path target = out.resolve(step.path());
      if (step.action() != Action.CREATE) {
        Path backup = transaction.resolve("old").resolve(step.path());
        Files.createDirectories(backup.getParent());
        Files.move(target, backup, StandardCopyOption.ATOMIC_MOVE);
        checkpoint.reached("moved aside " + step.path());
      }
      if (step.action() != Action.DELETE) {
        Files.createDirectories(target.getParent());
        Files.move(
            transaction.resolve("new").resolve(step.path()),
            target,
            StandardCopyOption.ATOMIC_MOVE);
        checkpoint.reached("moved in " + step.path());
      }
    }
  }

  /** The folders that do not exist yet and new files need, parents first. */
  private static List<String> foldersToCreate(Path out, List<Journal.Step> steps) {
    Set<String> folders = new TreeSet<>();
    for (Journal.Step step : steps) {
      if (step.action() == Action.DELETE) {
        continue;
      }
      for (int slash = step.path().indexOf('/');
          slash > 0;
          slash = step.path().indexOf('/', slash + 1)) {
        String folder = step.path().substring(0, slash);
        if (!Files.exists(out.resolve(folder), LinkOption.NOFOLLOW_LINKS)) {
          folders.add(folder);
        }
      }
    }
    if (!Files.exists(out.resolve(Manifest.FOLDER), LinkOption.NOFOLLOW_LINKS)) {
      folders.add(Manifest.FOLDER);
    }
    return List.copyOf(folders);
  }

  /** Folders that held nothing but deleted generated files; other empty folders stay. */
  private static void removeEmptiedFolders(Path out, List<Journal.Step> steps) throws IOException {
    for (Journal.Step step : steps) {
      if (step.action() != Action.DELETE) {
        continue;
      }
      Path folder = out.resolve(step.path()).getParent();
      while (folder != null && !folder.equals(out) && Files.isDirectory(folder)) {
        try (var entries = Files.list(folder)) {
          if (entries.findAny().isPresent()) {
            break;
          }
        }
        Files.delete(folder);
        folder = folder.getParent();
      }
    }
  }

  private void writeNewFolder(Path out, List<Journal.Step> steps, Plan plan) throws IOException {
    Path staging = NewFolder.staging(out);
    Files.createDirectories(out.getParent());
    NewFolder.recover(out);
    try {
      List<Path> staged = stage(staging, steps, plan);
      durability.flush(out.getParent(), staged);
      checkpoint.reached("staged");
      Files.move(staging, out, StandardCopyOption.ATOMIC_MOVE);
      durability.flush(out.getParent(), List.of());
    } catch (IOException | RuntimeException e) {
      NewFolder.recover(out);
      throw e;
    }
    checkpoint.reached("committed");
  }
}
