package dev.tracepaper.extend;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The logical ids of the functions of a rendered template, for the starter that lists them.
 *
 * <p>Composing YAML is the exact way, and the slow one: a 200-aggregate project's stacks are 2 MB,
 * which SnakeYAML composes in 0.17 s at the speed of a short run's compiled code, a tenth of the
 * whole {@code generate} (docs/performance.md). The packaged templates write each function in one
 * layout, a resource key on its own line at two spaces and its {@code Type} right below it at four,
 * so the ids are read off the text when every mention of the type in the file is in that layout
 * inside the {@code Resources} section. Any other mention (a comment, flow style, a customised
 * template's own layout) composes the file instead, so the answer never depends on the layout.
 */
final class FunctionIds {

  private static final String TYPE_LINE = "    Type: " + SamTemplate.FUNCTION_TYPE;

  private FunctionIds() {}

  /** The ids in the order of the file; empty when it is not a template. */
  static List<String> of(String path, String text) {
    return inBlockLayout(text)
        .orElseGet(
            () ->
                SamTemplate.parse(path, text)
                    .map(t -> List.copyOf(t.functions().keySet()))
                    .orElse(List.of()));
  }

  /** The ids, when every mention of the function type is a resource in the block layout. */
  static Optional<List<String>> inBlockLayout(String text) {
    int resources = sectionStart(text, "Resources:");
    boolean template =
        sectionStart(text, "AWSTemplateFormatVersion:") >= 0
            || sectionStart(text, "Transform:") >= 0;
    if (resources < 0 || !template) {
      return Optional.empty();
    }
    int end = nextTopLevelKey(text, resources);
    List<String> ids = new ArrayList<>();
    for (int at = text.indexOf(SamTemplate.FUNCTION_TYPE);
        at >= 0;
        at = text.indexOf(SamTemplate.FUNCTION_TYPE, at + 1)) {
      int lineStart = text.lastIndexOf('\n', at) + 1;
      int lineEnd = text.indexOf('\n', at);
      lineEnd = lineEnd < 0 ? text.length() : lineEnd;
      if (lineStart < resources
          || lineStart > end
          || !text.substring(lineStart, lineEnd).stripTrailing().equals(TYPE_LINE)
          || lineStart < 2) {
        return Optional.empty();
      }
      int keyStart = text.lastIndexOf('\n', lineStart - 2) + 1;
      String key = text.substring(keyStart, lineStart - 1).stripTrailing();
      if (!isResourceKey(key)) {
        return Optional.empty();
      }
      ids.add(key.substring(2, key.length() - 1));
    }
    return Optional.of(ids);
  }

  /** {@code " Name:"}: a plain key at the resources' indentation, with nothing after it. */
  private static boolean isResourceKey(String line) {
    if (line.length() < 4 || !line.startsWith("  ") || !line.endsWith(":")) {
      return false;
    }
    for (int i = 2; i < line.length() - 1; i++) {
      if (!Character.isLetterOrDigit(line.charAt(i))) {
        return false;
      }
    }
    return Character.isLetter(line.charAt(2));
  }

  /** The offset just past the line {@code key} at the start of a line, or -1. */
  private static int sectionStart(String text, String key) {
    for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
      if (at == 0 || text.charAt(at - 1) == '\n') {
        int lineEnd = text.indexOf('\n', at);
        return lineEnd < 0 ? text.length() : lineEnd + 1;
      }
    }
    return -1;
  }

  /** The start of the next line at indentation zero that is not a comment, or the text's end. */
  private static int nextTopLevelKey(String text, int from) {
    for (int at = from; at < text.length(); at = text.indexOf('\n', at) + 1) {
      char first = text.charAt(at);
      if (first != ' ' && first != '#' && first != '\n' && first != '\r') {
        return at;
      }
      if (text.indexOf('\n', at) < 0) {
        break;
      }
    }
    return text.length();
  }
}
