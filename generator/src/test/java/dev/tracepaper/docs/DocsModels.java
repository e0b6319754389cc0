package dev.tracepaper.docs;

import static com.google.common.truth.Truth.assertWithMessage;

import dev.tracepaper.TestPaths;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Valid models for the site's tests: the examples, or a model written by the test. */
final class DocsModels {

  private DocsModels() {}

  static ModelIndex example(String name) {
    return valid(TestPaths.examples().resolve(name));
  }

  static ModelIndex written(Path folder, String yaml) throws IOException {
    Path file = folder.resolve("model.yaml");
    Files.writeString(file, yaml);
    return valid(file);
  }

  private static ModelIndex valid(Path path) {
    Validator.Outcome outcome = new Validator().run(List.of(path), TestPaths.root());
    assertWithMessage("%s is valid", path).that(outcome.report().hasErrors()).isFalse();
    return outcome.index().orElseThrow();
  }
}
