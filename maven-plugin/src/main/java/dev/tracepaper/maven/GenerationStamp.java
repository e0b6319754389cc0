package dev.tracepaper.maven;

import dev.tracepaper.GeneratorVersion;
import dev.tracepaper.extend.Extensions;
import dev.tracepaper.output.Manifest;
import dev.tracepaper.source.ModelFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * What the last successful {@code generate} was made from, kept in {@code
 * target/tracepaper/generate.stamp}, so that a build whose inputs did not change skips the goal.
 *
 * <p>The inputs are everything that decides what generating writes: the generator (its version and
 * its jar, so a rebuilt snapshot counts), the model's files and the templates its automations fill
 * (copied into the project), the templates folder's files, the output folder, the project's
 * extension files, and the generated files themselves as the manifest lists them (size and
 * modification time: a generated file edited or deleted since makes the next build generate again,
 * which restores it or reports the edit). Hand-written files in the output folder are not inputs.
 */
final class GenerationStamp {

  private static final String TARGET = "target";
  private static final String INPUTS = "inputs";
  private static final String MODEL_TEMPLATES = "modelTemplates";

  private final Path file;

  GenerationStamp(Path buildDirectory) {
    this.file = buildDirectory.resolve("tracepaper").resolve("generate.stamp");
  }

  /**
   * The folder of the last generation, when nothing that goes into one changed since; empty when
   * generating may write something.
   */
  Optional<Path> upToDate(List<Path> models, Path templates, Path output) throws IOException {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties stamp = new Properties();
    try (InputStream in = Files.newInputStream(file)) {
      stamp.load(in);
    }
    String target = stamp.getProperty(TARGET);
    if (target == null) {
      return Optional.empty();
    }
    Path last = Path.of(target);
    if (output != null && !output.toAbsolutePath().normalize().equals(last)) {
      return Optional.empty();
    }
    List<Path> modelTemplates =
        stamp.getProperty(MODEL_TEMPLATES, "").lines().map(Path::of).toList();
    return inputs(models, templates, last, modelTemplates).equals(stamp.getProperty(INPUTS))
        ? Optional.of(last)
        : Optional.empty();
  }

  /**
   * Records the inputs of a generation into {@code target} that just succeeded; {@code
   * modelTemplates} are the files of the templates the model's automations fill, which a model file
   * names and whose text the project holds, so an edit of one generates again.
   */
  void record(List<Path> models, Path templates, Path target, List<Path> modelTemplates)
      throws IOException {
    Path absolute = target.toAbsolutePath().normalize();
    Properties stamp = new Properties();
    stamp.setProperty(TARGET, absolute.toString());
    stamp.setProperty(
        MODEL_TEMPLATES, String.join("\n", modelTemplates.stream().map(Path::toString).toList()));
    stamp.setProperty(INPUTS, inputs(models, templates, absolute, modelTemplates));
    Files.createDirectories(file.getParent());
    try (OutputStream out = Files.newOutputStream(file)) {
      stamp.store(out, "The inputs of the last tracepaper:generate (docs/maven-plugin.md)");
    }
  }

  private static String inputs(
      List<Path> models, Path templates, Path target, List<Path> modelTemplates)
      throws IOException {
    StringBuilder inputs = new StringBuilder();
    inputs.append("generator ").append(GeneratorVersion.read().orElse("unknown")).append('\n');
    inputs.append("generator jar ").append(generatorJar()).append('\n');
    inputs
        .append("model ")
        .append(ModelFiles.contentHash(ModelFiles.collect(models, target).files()))
        .append('\n');
    for (Path template : modelTemplates) {
      inputs.append("model template ").append(template).append(' ').append(content(template));
      inputs.append('\n');
    }
    inputs.append("templates ").append(templates == null ? "built-in" : folder(templates));
    inputs.append('\n').append("output ").append(target).append('\n');
    for (String path : List.of(Manifest.PATH, Extensions.TEMPLATE, Extensions.POM)) {
      inputs.append(path).append(' ').append(content(target.resolve(path))).append('\n');
    }
    Optional<Manifest> manifest;
    try {
      manifest = Manifest.read(target);
    } catch (IOException e) {
      // A damaged manifest is the generation's to report.
      manifest = Optional.empty();
      inputs.append("unreadable manifest\n");
    }
    for (String path : manifest.map(m -> m.files().keySet()).orElse(java.util.Set.of())) {
      inputs.append(path).append(' ').append(sizeAndTime(target.resolve(path))).append('\n');
    }
    return sha256(inputs.toString().getBytes(StandardCharsets.UTF_8));
  }

  /** Every file below the folder with its content's hash, in path order. */
  private static String folder(Path templates) throws IOException {
    if (!Files.isDirectory(templates)) {
      return "missing " + templates.toAbsolutePath();
    }
    StringBuilder files = new StringBuilder(templates.toAbsolutePath().toString());
    try (Stream<Path> walk = Files.walk(templates)) {
      for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.append('\n').append(templates.relativize(path)).append(' ').append(content(path));
      }
    }
    return sha256(files.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String content(Path file) throws IOException {
    return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
        ? sha256(Files.readAllBytes(file))
        : "absent";
  }

  private static String sizeAndTime(Path file) throws IOException {
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return "absent";
    }
    return Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis();
  }

  private static String generatorJar() throws IOException {
    CodeSource source = GeneratorVersion.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return "unknown";
    }
    try {
      return sizeAndTime(Path.of(source.getLocation().toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return "unknown";
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
