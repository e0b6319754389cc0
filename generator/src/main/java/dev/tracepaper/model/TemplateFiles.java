package dev.tracepaper.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads the template files an automation names, beside the model file that names them. A path that
 * leaves that file's folder ({@code ../secret.txt}, {@code /etc/passwd}) is not read: a template
 * goes into the generated application, so the model's folder bounds what it may take.
 */
@FunctionalInterface
public interface TemplateFiles {

  /** Templates larger than this are not e-mails or request bodies. */
  long MAX_BYTES = 1 << 20;

  /** The template's text, or empty when there is no such file or it may not be read. */
  Optional<String> read(String relativePath);

  /** For models read from text alone: no template is found. */
  TemplateFiles NONE = path -> Optional.empty();

  /** Files below {@code folder}, the folder of the model file being read. */
  static TemplateFiles beside(Path folder) {
    return relativePath -> {
      if (!isInside(relativePath)) {
        return Optional.empty();
      }
      Path file = folder.resolve(relativePath).normalize();
      try {
        if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
          return Optional.empty();
        }
        return Optional.of(Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    };
  }

  /** Whether {@code relativePath} stays inside the folder it is relative to. */
  static boolean isInside(String relativePath) {
    try {
      Path path = Path.of(relativePath);
      return !relativePath.isBlank()
          && !path.isAbsolute()
          && !relativePath.startsWith("/")
          && !relativePath.startsWith("\\")
          && !path.normalize().startsWith("..")
          && !path.normalize().toString().isEmpty();
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
