package dev.tracepaper.maven;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.SourceFile;
import dev.tracepaper.source.SourceLocation;
import dev.tracepaper.validate.ValidationReport;
import dev.tracepaper.validate.format.TextFormatter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.logging.Log;

/**
 * Tracepaper's findings in Maven's log, located as the compiler locates its own ({@code
 * model/library.yaml:[12,5] message}) so that IDEs and CI link them to the line; under the first
 * line, the line of the model with a caret and the hint, as the command line shows them.
 */
final class BuildLog {

  private final Log log;
  private final Path base;

  BuildLog(Log log, Path base) {
    this.log = log;
    this.base = base;
  }

  Log maven() {
    return log;
  }

  /** Every diagnostic of {@code report}, each at the level of its severity. */
  void diagnostics(ValidationReport report) {
    diagnostics(report.diagnostics(), report.sourcesByPath());
  }

  void diagnostics(List<Diagnostic> diagnostics, Map<String, SourceFile> sources) {
    for (Diagnostic d : diagnostics) {
      String text = located(d.location(), "[" + d.id() + "] " + d.message());
      String details = TextFormatter.details(d, sources.get(d.location().file())).stripTrailing();
      String message = details.isEmpty() ? text : text + "\n" + details;
      switch (d.severity()) {
        case ERROR -> log.error(message);
        case WARNING -> log.warn(message);
        case NOTE -> log.info(message);
      }
    }
  }

  /**
   * {@code file:[line,column] message}, Maven's form; {@code file: message} without a line. A file
   * below the project's folder is named from it.
   */
  String located(SourceLocation at, String message) {
    if (!at.isKnown()) {
      return message;
    }
    String file = shown(at.file());
    if (at.line() <= 0) {
      return file + ": " + message;
    }
    return "%s:[%d,%d] %s".formatted(file, at.line(), at.column(), message);
  }

  private String shown(String file) {
    try {
      Path path = Path.of(file);
      if (path.isAbsolute() && path.normalize().startsWith(base)) {
        return base.relativize(path.normalize()).toString();
      }
    } catch (java.nio.file.InvalidPathException e) {
      // A name that is no path of this system (a baseline's `REF:path`) is shown as it is.
    }
    return file;
  }

  /** Lines of information, each logged on its own. */
  void info(String lines) {
    lines.lines().forEach(log::info);
  }

  /** Writes a report for CI, and says where. */
  void report(Path file, String content) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, content, StandardCharsets.UTF_8);
    Path absolute = file.toAbsolutePath().normalize();
    log.info("Report: " + (absolute.startsWith(base) ? base.relativize(absolute) : absolute));
  }
}
