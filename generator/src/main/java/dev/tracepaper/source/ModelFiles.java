package dev.tracepaper.source;

import dev.tracepaper.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the files of a model: each input is a YAML file, or a folder searched for YAML files. Both
 * extensions YAML uses are read, {@code .yaml} and {@code .yml}: a {@code views.yml} beside {@code
 * .yaml} files is as much a part of the model as they are, and skipping it silently would leave its
 * elements missing without a word (docs/model-reference.md, "Files and merging").
 */
public final class ModelFiles {

  /** A model file and the name diagnostics give it. */
  public record ModelFile(Path path, String displayName) {}

  /** The files found, and problems with the inputs themselves. */
  public record Collected(List<ModelFile> files, List<Diagnostic> diagnostics) {}

  /** The manifest of a folder Tracepaper wrote (a generated project, a documentation site). */
  static final String MANIFEST = ".tracepaper/manifest.json";

  /** The endings of the files a folder's model is read from. */
  public static final java.util.List<String> EXTENSIONS = java.util.List.of(".yaml", ".yml");

  private ModelFiles() {}

  /** True for a file name a folder's model is read from. */
  public static boolean isModelFile(Path file) {
    String name = file.getFileName().toString();
    return EXTENSIONS.stream().anyMatch(name::endsWith);
  }

  public static Collected collect(List<Path> inputs, Path base) {
    Map<Path, ModelFile> files = new LinkedHashMap<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    for (Path input : inputs) {
      String shown = displayName(input, base);
      if (Files.isDirectory(input)) {
        List<Path> found = yamlFilesIn(input, shown, diagnostics);
        if (found.isEmpty() && diagnostics.isEmpty()) {
          diagnostics.add(
              Diagnostic.error(
                      "NoModelFiles",
                      SourceLocation.ofFile(shown),
                      "The folder %s holds no .yaml or .yml files.".formatted(shown))
                  .withHint("a model is a .yaml (or .yml) file or a folder of them"));
        }
        found.forEach(p -> files.putIfAbsent(key(p), new ModelFile(p, displayName(p, base))));
      } else if (Files.isRegularFile(input)) {
        files.putIfAbsent(key(input), new ModelFile(input, shown));
      } else {
        diagnostics.add(
            Diagnostic.error(
                "NoModelFiles",
                SourceLocation.ofFile(shown),
                "%s does not exist.".formatted(shown)));
      }
    }
    return new Collected(List.copyOf(files.values()), diagnostics);
  }

  /**
   * The model files below {@code folder}, leaving out two kinds of folders below it that hold YAML
   * but never the model: hidden folders ({@code .github}, {@code .git}, {@code .tracepaper}: a
   * repository's workflows and tools' state, beside a model at the root of its repository), and
   * folders Tracepaper wrote, which hold {@value #MANIFEST} (a project {@code generate} wrote with
   * its {@code template.yaml}, by default into {@code generated/} below the folder it runs in).
   */
  private static List<Path> yamlFilesIn(Path folder, String shown, List<Diagnostic> diagnostics) {
    try {
      return filesBelow(folder, ModelFiles::isModelFile);
    } catch (IOException | java.io.UncheckedIOException e) {
      diagnostics.add(
          Diagnostic.error(
              "FileUnreadable",
              SourceLocation.ofFile(shown),
              "The folder %s cannot be read: %s".formatted(shown, e.getMessage())));
      return List.of();
    }
  }

  /**
   * Every file below {@code folder} that a model may use, the model files and what they name (an
   * automation's templates), leaving out the folders {@link #collect} leaves out: what {@code test
   * --watch} and {@code run} watch.
   */
  public static List<Path> filesBelow(Path folder) throws IOException {
    return filesBelow(folder, file -> true);
  }

  private static List<Path> filesBelow(Path folder, java.util.function.Predicate<Path> wanted)
      throws IOException {
    List<Path> found = new ArrayList<>();
    Files.walkFileTree(
        folder,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
            boolean below = !dir.equals(folder);
            return below
                    && (dir.getFileName().toString().startsWith(".")
                        || Files.isRegularFile(dir.resolve(MANIFEST)))
                ? FileVisitResult.SKIP_SUBTREE
                : FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
            // Files.isRegularFile follows a link, as the model's reader does.
            if (wanted.test(file) && Files.isRegularFile(file)) {
              found.add(file);
            }
            return FileVisitResult.CONTINUE;
          }
        });
    found.sort(null);
    return found;
  }

  /**
   * A hash of the model's content: SHA-256 over the sorted SHA-256 hashes of its files, so it
   * changes with any edit but not with the folder it is run from or the order of the inputs.
   */
  public static String contentHash(List<ModelFile> files) throws IOException {
    java.security.MessageDigest sha256;
    try {
      sha256 = java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
    List<String> hashes = new ArrayList<>();
    for (ModelFile file : files) {
      hashes.add(
          java.util.HexFormat.of().formatHex(sha256.digest(Files.readAllBytes(file.path()))));
    }
    hashes.sort(null);
    return "sha256:"
        + java.util.HexFormat.of()
            .formatHex(
                sha256.digest(
                    String.join("\n", hashes).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static Path key(Path path) {
    return path.toAbsolutePath().normalize();
  }

  /** The path relative to {@code base} when it lies below it, with forward slashes. */
  static String displayName(Path path, Path base) {
    Path absolute = path.toAbsolutePath().normalize();
    Path absoluteBase = base.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(absoluteBase) ? absoluteBase.relativize(absolute) : absolute;
    String name = shown.toString().replace('\\', '/');
    return name.isEmpty() ? "." : name;
  }
}
