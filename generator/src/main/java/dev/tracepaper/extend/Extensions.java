package dev.tracepaper.extend;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.output.FileTree;
import dev.tracepaper.output.GeneratedFile;
import dev.tracepaper.source.ReadLimits;
import dev.tracepaper.source.SourceFile;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.source.Utf8File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The hand-written extension files of a generated project, {@value #TEMPLATE} and {@value #POM},
 * merged into the rendered tree before it is planned and written (docs/extending.md). They are the
 * user's: read on every run, never written, and never in the manifest.
 */
public final class Extensions {

  public static final String TEMPLATE = "extensions/template.yaml";
  public static final String POM = "extensions/pom.xml";

  /** The most an extension file may hold, as for a model file. */
  private static final long MAX_BYTES = ReadLimits.DEFAULT.maxFileBytes();

  /** The tree with the extensions merged, and what each added. */
  public record Outcome(FileTree tree, List<Merged> merged) {}

  private Extensions() {}

  /**
   * Merges the extension files found in {@code out} into {@code tree}; messages name them by {@code
   * out}'s path as given. Without extension files the tree comes back as it was.
   */
  public static Outcome merge(Path out, FileTree tree) throws IOException, ExtensionsRefused {
    Map<String, SourceFile> sources = new LinkedHashMap<>();
    List<Diagnostic> diagnostics = new ArrayList<>();
    Optional<String> template = read(out, TEMPLATE, sources, diagnostics);
    Optional<String> pom = read(out, POM, sources, diagnostics);
    return merge(
        tree,
        template,
        pom,
        displayName(out, TEMPLATE),
        displayName(out, POM),
        sources,
        diagnostics);
  }

  /** Merges extension texts into {@code tree}; {@code *Name} is how messages name each file. */
  static Outcome merge(
      FileTree tree,
      Optional<String> template,
      Optional<String> pom,
      String templateName,
      String pomName,
      Map<String, SourceFile> sources,
      List<Diagnostic> diagnostics)
      throws ExtensionsRefused {
    Map<String, GeneratedFile> files = new LinkedHashMap<>();
    tree.files().forEach(f -> files.put(f.relativePath(), f));
    List<Merged> merged = new ArrayList<>();
    if (template.isPresent()) {
      TemplateExtension extension = TemplateExtension.read(template.get(), templateName);
      sources.put(templateName, extension.source());
      diagnostics.addAll(extension.diagnostics());
      if (extension.diagnostics().isEmpty() && !extension.isEmpty()) {
        Map<String, String> yaml = new LinkedHashMap<>();
        files.forEach(
            (path, file) -> {
              String text = text(file);
              // Only the root template and templates with functions can take additions.
              if (!file.stub()
                  && (path.equals(TemplateMerger.ROOT)
                      || (path.endsWith(".yaml") || path.endsWith(".yml"))
                          && text.contains(SamTemplate.FUNCTION_TYPE))) {
                yaml.put(path, text);
              }
            });
        if (!yaml.containsKey(TemplateMerger.ROOT)) {
          throw new IllegalStateException("the generated project has no " + TemplateMerger.ROOT);
        }
        TemplateMerger.Result result = TemplateMerger.merge(yaml, extension, TEMPLATE);
        diagnostics.addAll(result.diagnostics());
        merged.addAll(result.merged());
        result
            .files()
            .forEach((path, content) -> files.put(path, replaced(files.get(path), content)));
      }
    }
    if (pom.isPresent() && files.containsKey(PomMerger.POM)) {
      sources.put(pomName, new SourceFile(pomName, pom.get()));
      PomMerger.Result result =
          PomMerger.merge(text(files.get(PomMerger.POM)), pom.get(), pomName, POM);
      diagnostics.addAll(result.diagnostics());
      merged.addAll(result.merged());
      result.pom().ifPresent(p -> files.put(PomMerger.POM, replaced(files.get(PomMerger.POM), p)));
    }
    if (!diagnostics.isEmpty()) {
      throw new ExtensionsRefused(diagnostics, sources);
    }
    return new Outcome(merged.isEmpty() ? tree : FileTree.of(files.values()), merged);
  }

  private static Optional<String> read(
      Path out, String path, Map<String, SourceFile> sources, List<Diagnostic> diagnostics)
      throws IOException {
    Path file = out.resolve(path);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String shown = displayName(out, path);
    Utf8File read = Utf8File.read(file, MAX_BYTES);
    if (read instanceof Utf8File.TooLarge tooLarge) {
      diagnostics.add(
          Diagnostic.error(
                  "ExtensionTooLarge",
                  SourceLocation.ofFile(shown),
                  "The file is %d bytes; an extension file may hold at most %d bytes."
                      .formatted(tooLarge.size(), MAX_BYTES))
              .withHint("move what makes it large into a file of its own"));
      return Optional.empty();
    }
    if (read instanceof Utf8File.NotUtf8 bad) {
      sources.put(shown, new SourceFile(shown, ""));
      diagnostics.add(
          Diagnostic.error(
                  "ExtensionEncoding",
                  SourceLocation.of(shown, bad.line(), bad.column()),
                  "The file is not valid UTF-8: byte 0x%02X at offset %d cannot be read."
                      .formatted(bad.value(), bad.offset()))
              .withHint("save the file as UTF-8"));
      return Optional.empty();
    }
    return Optional.of(((Utf8File.Text) read).text());
  }

  private static GeneratedFile replaced(GeneratedFile file, String content) {
    return new GeneratedFile(
        file.relativePath(), content.getBytes(StandardCharsets.UTF_8), file.executable(), false);
  }

  private static String text(GeneratedFile file) {
    return new String(file.content(), StandardCharsets.UTF_8);
  }

  /** The file's path as the user named the output folder, with forward slashes. */
  private static String displayName(Path out, String path) {
    return out.resolve(path).toString().replace('\\', '/');
  }
}
