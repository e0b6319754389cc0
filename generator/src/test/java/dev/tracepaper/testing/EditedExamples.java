package dev.tracepaper.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.tracepaper.TestPaths;
import dev.tracepaper.model.ModelIndex;
import dev.tracepaper.validate.Validator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;

/** Copies of the examples with one edit, validated: real models changed where a test needs it. */
final class EditedExamples {

  private EditedExamples() {}

  /**
   * Writes {@code example} with {@code edit} applied to each model file into {@code folder}, its
   * other files (templates) as they are.
   */
  static Path write(Path folder, String example, UnaryOperator<String> edit) throws IOException {
    Files.createDirectories(folder);
    try (var files = Files.list(TestPaths.examples().resolve(example))) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Path copy = folder.resolve(file.getFileName().toString());
        if (file.toString().endsWith(".yaml")) {
          Files.writeString(copy, edit.apply(Files.readString(file, UTF_8)), UTF_8);
        } else {
          Files.copy(file, copy); // an automation's template, beside the model as in the example
        }
      }
    }
    return folder;
  }

  /** The validated model in {@code folder}, which must have no errors. */
  static ModelIndex index(Path folder) {
    Validator.Outcome outcome = new Validator().run(List.of(folder), folder);
    if (outcome.report().hasErrors() || outcome.index().isEmpty()) {
      throw new AssertionError(
          "the model in " + folder + " does not validate: " + outcome.report().diagnostics());
    }
    return outcome.index().get();
  }

  /** An edit of the one file holding {@code from}: its first {@code from} becomes {@code to}. */
  static UnaryOperator<String> once(String from, String to) {
    return text -> {
      int at = text.indexOf(from);
      return at < 0 ? text : text.substring(0, at) + to + text.substring(at + from.length());
    };
  }
}
