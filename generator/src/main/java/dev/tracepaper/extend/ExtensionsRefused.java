package dev.tracepaper.extend;

import dev.tracepaper.diagnostic.Diagnostic;
import dev.tracepaper.source.SourceFile;
import java.util.List;
import java.util.Map;

/**
 * The extension files cannot be merged: each problem a located diagnostic, with the files' text so
 * that the messages can quote the line. Nothing is written when this is thrown.
 */
public final class ExtensionsRefused extends Exception {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;
  private final transient Map<String, SourceFile> sources;

  ExtensionsRefused(List<Diagnostic> diagnostics, Map<String, SourceFile> sources) {
    super(diagnostics.size() + " problem(s) in the extension files", null, false, false);
    this.diagnostics = diagnostics.stream().sorted(Diagnostic.ORDER).toList();
    this.sources = Map.copyOf(sources);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  public Map<String, SourceFile> sources() {
    return sources;
  }
}
