package dev.tracepaper.runtime.automation;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.samskivert.mustache.Escapers;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Mustache templates of automations, rendered exactly as {@code tracepaper test} previews them
 * (the generator's {@code automation.Templates} and the engine's value conversion): values are
 * escaped by the template's extension ({@code .html}/{@code .htm} as HTML, {@code .json} as the
 * inside of a JSON string, anything else not at all), an absent value is empty, and {@code {{{x}}}}
 * puts a value in as it is. The templates are resources {@value #FOLDER}{@code <path>}, compiled
 * once per container.
 */
final class Templates {

  /** Where the generated project puts the model's templates on the class path. */
  static final String FOLDER = "automations/templates/";

  /** How values are escaped in a template, by its extension. */
  enum Escaping {
    HTML,
    JSON,
    TEXT;

    static Escaping of(String path) {
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

  private static final Map<String, Template> COMPILED = new ConcurrentHashMap<>();

  private Templates() {}

  /** The template at {@code path} (as the model writes it) filled with {@code with}'s values. */
  static String render(String path, Map<String, Object> with) {
    return COMPILED.computeIfAbsent(path, p -> compile(p, read(p))).execute(plainValues(with));
  }

  /** {@code text}, the template at {@code path}, filled with {@code values} as they are. */
  static String render(String path, String text, Map<String, Object> values) {
    return compile(path, text).execute(values);
  }

  /** Each value of {@code with} as a template reads it ({@link #plain}), in order. */
  static Map<String, Object> plainValues(Map<String, Object> with) {
    Map<String, Object> values = new LinkedHashMap<>();
    with.forEach((name, value) -> values.put(name, plain(value)));
    return values;
  }

  /**
   * A value as a template reads it: JSON objects and maps as maps, arrays and lists as lists, JSON
   * numbers as {@code Long} or {@code Double}, texts, booleans; an enum as its name; dates, times
   * and everything else as their text ({@code toString}, ISO 8601 for dates and times).
   */
  static Object plain(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof JsonNode json) {
      return plainJson(json);
    }
    if (value instanceof List<?> list) {
      List<Object> items = new ArrayList<>();
      list.forEach(item -> items.add(plain(item)));
      return items;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
      return copy;
    }
    if (value instanceof Long || value instanceof Double || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return value.toString();
  }

  /** A value as text, for an e-mail's subject or a header: absent is empty. */
  static String text(Object value) {
    Object plain = plain(value);
    return plain == null ? "" : String.valueOf(plain);
  }

  private static Object plainJson(JsonNode json) {
    if (json.isNull() || json.isMissingNode()) {
      return null;
    }
    if (json.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      json.properties().forEach(field -> map.put(field.getKey(), plainJson(field.getValue())));
      return map;
    }
    if (json.isArray()) {
      List<Object> items = new ArrayList<>();
      json.forEach(item -> items.add(plainJson(item)));
      return items;
    }
    if (json.isIntegralNumber()) {
      return json.asLong();
    }
    if (json.isNumber()) {
      return json.asDouble();
    }
    if (json.isBoolean()) {
      return json.asBoolean();
    }
    return json.asText();
  }

  private static Template compile(String path, String text) {
    return Mustache.compiler().withEscaper(Escaping.of(path).escaper()).nullValue("").compile(text);
  }

  private static String read(String path) {
    String resource = FOLDER + path;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    try (InputStream in =
        (loader == null ? Templates.class.getClassLoader() : loader)
            .getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("template " + resource + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read template " + resource, e);
    }
  }

  /** The inside of a JSON string: quotes, backslashes and control characters escaped. */
  static String jsonString(String raw) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(raw));
  }
}
