package dev.tracepaper.automation;

import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * The Mustache templates of automations: an e-mail body, an HTTP request body, an S3 object. What a
 * template may use is what the activity's {@code with} gives it; values are escaped for the
 * template's kind, told by its extension: {@code .html}/{@code .htm} as HTML, {@code .json} as the
 * inside of a JSON string, anything else ({@code .txt}, {@code .csv}, …) not at all. {@code
 * {{{x}}}} puts a value in as it is, as Mustache defines.
 */
public final class Templates {

  /** How values are escaped in a template, by its extension. */
  public enum Escaping {
    HTML,
    JSON,
    TEXT;

    public static Escaping of(String path) {
      String name = path.toLowerCase(Locale.ROOT);
      if (name.endsWith(".html") || name.endsWith(".htm")) {
        return HTML;
      }
      return name.endsWith(".json") ? JSON : TEXT;
    }

    Mustache.Escaper escaper() {
      return switch (this) {
        case HTML -> Escapers.HTML;
        case JSON -> Templates::jsonString;
        case TEXT -> Escapers.NONE;
      };
    }
  }

  /**
   * A template read: the names it uses (a dotted name by its first part; the names a section opens
   * are among them), or why it cannot be read.
   */
  public record Parsed(Optional<String> problem, Set<String> names, Set<String> sections) {}

  /** Names every template may use: the current item of a section and its place in the list. */
  public static final Set<String> BUILT_IN = Set.of(".", "this", "-first", "-last", "-index");

  private Templates() {}

  public static Parsed parse(String text) {
    Template template;
    try {
      template = compiler(Escaping.TEXT).compile(text);
    } catch (MustacheException e) {
      return new Parsed(Optional.of(e.getMessage()), Set.of(), Set.of());
    }
    Set<String> names = new LinkedHashSet<>();
    Set<String> sections = new LinkedHashSet<>();
    List<String> partials = new ArrayList<>();
    template.visit(
        new Mustache.Visitor() {
          @Override
          public void visitText(String text) {}

          @Override
          public void visitVariable(String name) {
            names.add(first(name));
          }

          @Override
          public boolean visitInclude(String name) {
            partials.add(name);
            return false;
          }

          @Override
          public boolean visitSection(String name) {
            names.add(first(name));
            sections.add(first(name));
            return true;
          }

          @Override
          public boolean visitInvertedSection(String name) {
            names.add(first(name));
            return true;
          }
        });
    if (!partials.isEmpty()) {
      return new Parsed(
          Optional.of("it includes `{{> %s}}`; a template stands alone".formatted(partials.get(0))),
          names,
          sections);
    }
    names.removeAll(BUILT_IN);
    return new Parsed(Optional.empty(), names, sections);
  }

  /**
   * {@code text} filled with {@code values} (maps, lists, texts, numbers, booleans), escaped for
   * the template at {@code path}; a value that is absent is empty.
   */
  public static String render(String path, String text, Map<String, Object> values) {
    return compiler(Escaping.of(path)).compile(text).execute(values);
  }

  private static Mustache.Compiler compiler(Escaping escaping) {
    return Mustache.compiler().withEscaper(escaping.escaper()).nullValue("");
  }

  private static String first(String name) {
    int dot = name.indexOf('.');
    return dot <= 0 ? name : name.substring(0, dot);
  }

  /** The inside of a JSON string: quotes, backslashes and control characters escaped. */
  static String jsonString(String raw) {
    return new String(JsonStringEncoder.getInstance().quoteAsCharArray(raw));
  }
}
