package dev.tracepaper.source;

import dev.tracepaper.diagnostic.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of reading one file: its text (for code frames), its root mapping when it could be
 * read, and the problems found on the way.
 */
public record YamlFile(
    SourceFile source, Optional<MappingNode> root, List<Diagnostic> diagnostics) {

  public YamlFile {
    diagnostics = List.copyOf(diagnostics);
  }
}
