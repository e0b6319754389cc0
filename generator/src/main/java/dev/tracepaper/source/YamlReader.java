package dev.tracepaper.source;

import dev.tracepaper.diagnostic.Diagnostic;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a model file into located nodes. Everything that can go wrong with the bytes and the YAML
 * (encoding, tabs, syntax, duplicate keys, alias bombs, depth, size, shape of the root) comes back
 * as a diagnostic; nothing is thrown.
 */
public final class YamlReader {

  private final ReadLimits limits;

  public YamlReader() {
    this(ReadLimits.DEFAULT);
  }

  public YamlReader(ReadLimits limits) {
    this.limits = limits;
  }

  /** Reads a file; {@code displayName} is how diagnostics name it (usually a relative path). */
  public YamlFile read(Path path, String displayName) {
    try {
      return read(Utf8File.read(path, limits.maxFileBytes()), displayName);
    } catch (IOException e) {
      return failed(
          new SourceFile(displayName, ""),
          Diagnostic.error(
              "FileUnreadable",
              SourceLocation.ofFile(displayName),
              "The file cannot be read: " + describe(e)));
    }
  }

  /** Reads YAML from bytes that claim to be UTF-8. */
  public YamlFile read(byte[] bytes, String displayName) {
    return read(Utf8File.decode(bytes, limits.maxFileBytes()), displayName);
  }

  private YamlFile read(Utf8File file, String displayName) {
    if (file instanceof Utf8File.TooLarge tooLarge) {
      return tooLarge(tooLarge.size(), displayName);
    }
    if (file instanceof Utf8File.NotUtf8 bad) {
      return failed(new SourceFile(displayName, ""), encodingError(bad, displayName));
    }
    return read(((Utf8File.Text) file).text(), displayName);
  }

  /** Reads YAML text. */
  public YamlFile read(String text, String displayName) {
    SourceFile source = new SourceFile(displayName, text);
    Optional<Diagnostic> tab = findIndentingTab(text, displayName);
    if (tab.isPresent()) {
      return failed(source, tab.get());
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    LoadSettings settings =
        LoadSettings.builder()
            .setLabel(displayName)
            .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes()))
            .setUseMarks(true)
            .build();
    NodeBuilder builder = new NodeBuilder(displayName, limits, diagnostics);
    try {
      builder.consume(new Parse(settings).parseString(text));
    } catch (MarkedYamlEngineException e) {
      diagnostics.add(new SyntaxExplainer(displayName, text).explain(e));
      return new YamlFile(source, Optional.empty(), diagnostics);
    } catch (ReaderException e) {
      diagnostics.add(unreadableCharacter(text, e, displayName));
      return new YamlFile(source, Optional.empty(), diagnostics);
    } catch (YamlEngineException e) {
      diagnostics.add(
          Diagnostic.error(
              "YamlSyntax",
              SourceLocation.ofFile(displayName),
              "The YAML is not valid: " + e.getMessage()));
      return new YamlFile(source, Optional.empty(), diagnostics);
    } catch (NodeBuilder.LimitExceeded e) {
      diagnostics.add(e.diagnostic());
      return new YamlFile(source, Optional.empty(), diagnostics);
    }
    return new YamlFile(source, builder.root(source), diagnostics);
  }

  /**
   * A character YAML does not allow in a stream (NUL, most other control characters, a lone
   * surrogate), located by the code-point offset the reader reports.
   */
  private static Diagnostic unreadableCharacter(String text, ReaderException e, String file) {
    int line = 1;
    int column = 1;
    int seen = 0;
    for (int i = 0; i < text.length() && seen < e.getPosition(); seen++) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return Diagnostic.error(
            "YamlSyntax",
            SourceLocation.of(file, line, column),
            "The file holds the character U+%04X, which YAML does not allow in a document."
                .formatted(e.getCodePoint()))
        .withHint("remove the character, or write it as an escape in a double-quoted string");
  }

  private YamlFile tooLarge(long size, String displayName) {
    return failed(
        new SourceFile(displayName, ""),
        Diagnostic.error(
                "YamlTooLarge",
                SourceLocation.ofFile(displayName),
                "The file is %d bytes; a model file may hold at most %d bytes."
                    .formatted(size, limits.maxFileBytes()))
            .withHint("split the model into several files in one folder"));
  }

  private static YamlFile failed(SourceFile source, Diagnostic diagnostic) {
    return new YamlFile(source, Optional.empty(), List.of(diagnostic));
  }

  private static Optional<Diagnostic> findIndentingTab(String text, String file) {
    if (text.indexOf('\t') < 0) {
      return Optional.empty();
    }
    int line = 1;
    int column = 1;
    boolean inIndent = true;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
        inIndent = true;
        continue;
      }
      if (inIndent && c == '\t') {
        return Optional.of(
            Diagnostic.error(
                    "YamlTab",
                    SourceLocation.of(file, line, column),
                    "A tab character indents this line; YAML allows only spaces for indentation.")
                .withHint(tabHint(text, line)));
      }
      if (c != ' ' && c != '-') {
        inIndent = false;
      }
      column++;
    }
    return Optional.empty();
  }

  /** Says how far the line above is indented, the likeliest measure for the spaces wanted. */
  private static String tabHint(String text, int line) {
    return new YamlLines(text)
        .above(line)
        .map(
            above ->
                "replace the tab with spaces; `%s` on line %d, above it, is indented by %d"
                    .formatted(above.name(), above.number(), above.start()))
        .orElse("replace the tab with spaces");
  }

  private static Diagnostic encodingError(Utf8File.NotUtf8 bad, String file) {
    return Diagnostic.error(
            "YamlEncoding",
            SourceLocation.of(file, bad.line(), bad.column()),
            "The file is not valid UTF-8: byte 0x%02X at offset %d cannot be read."
                .formatted(bad.value(), bad.offset()))
        .withHint("save the file as UTF-8");
  }

  static SourceLocation locate(String file, Mark mark) {
    return SourceLocation.of(file, mark.getLine() + 1, mark.getColumn() + 1);
  }

  private static String describe(IOException e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
