package dev.tracepaper.run;

import dev.tracepaper.automation.Activities;
import dev.tracepaper.model.Automation;
import dev.tracepaper.model.Model;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.model.TemplateFiles;
import dev.tracepaper.source.SourceFile;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A copy of the model that last ran, kept beside the stored events ({@code model/} in the data
 * folder, each file as {@code NAME.stored}: the data folder may lie inside the model's folder,
 * whose {@code .yaml} files all belong to the model): at the next start, {@code diff} compares the
 * model with it, so that a change made while nothing ran is checked as a reload is.
 */
final class ModelSnapshot {

  static final String SUFFIX = ".stored";

  private final Path folder;

  ModelSnapshot(Path data) {
    this.folder = data.resolve("model");
  }

  Path folder() {
    return folder;
  }

  /** The model that last ran, when there is a copy and it still validates. */
  Optional<ModelIndex> read() {
    List<Path> files;
    try (Stream<Path> list = Files.isDirectory(folder) ? Files.list(folder) : Stream.empty()) {
      files = list.filter(f -> f.toString().endsWith(SUFFIX)).sorted().toList();
    } catch (IOException e) {
      return Optional.empty();
    }
    if (files.isEmpty()) {
      return Optional.empty();
    }
    Validator.Outcome outcome = new Validator().run(files, folder);
    return outcome.report().hasErrors() ? Optional.empty() : outcome.index();
  }

  /**
   * Replaces the copy with the model's files, each under its file name (made unique), and the
   * templates of its automations at the paths they name, so that the copy validates as the model
   * did.
   */
  void write(Model model) {
    try {
      Files.createDirectories(folder);
      try (Stream<Path> old = Files.walk(folder)) {
        for (Path file : old.sorted(java.util.Comparator.reverseOrder()).toList()) {
          if (!file.equals(folder)) {
            Files.delete(file);
          }
        }
      }
      Set<String> names = new HashSet<>();
      for (SourceFile source : model.sources()) {
        String name = Path.of(source.path()).getFileName() + SUFFIX;
        for (int n = 2; !names.add(name); n++) {
          name = n + "-" + Path.of(source.path()).getFileName() + SUFFIX;
        }
        Files.writeString(folder.resolve(name), source.text(), StandardCharsets.UTF_8);
      }
      for (Automation automation : model.automations()) {
        for (Automation.Template template : Activities.templates(automation)) {
          if (template.text().isPresent() && TemplateFiles.isInside(template.path().value())) {
            Path file = folder.resolve(template.path().value()).normalize();
            Files.createDirectories(file.getParent());
            Files.writeString(file, template.text().get(), StandardCharsets.UTF_8);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
