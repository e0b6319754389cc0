package dev.tracepaper.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.HTMLOutputFormat;
import freemarker.core.ParseException;
import freemarker.core.PlainTextOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNotFoundException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

/**
 * FreeMarker, configured once for generating code: templates from the class path folder {@code
 * templates/} (optionally from an override folder first), UTF-8, strict, deterministic, no
 * reflection escape hatches, and the {@link Escapes} as functions. Rendering returns the text; a
 * failure becomes a {@link TemplateFailure} whose {@link TemplateError} names the template, line
 * and column.
 *
 * <p>No auto-escaping: one engine renders Java, GraphQL, YAML, JSON and JavaScript, and no single
 * output format fits them all. Templates escape every model string explicitly with the function for
 * where it lands; names reach templates already converted to valid identifiers (naming/).
 */
public final class TemplateEngine {

  /** Pinned, so a FreeMarker upgrade cannot change the output of existing templates. */
  static final freemarker.template.Version FREEMARKER_BEHAVIOUR = Configuration.VERSION_2_3_34;

  private final Configuration configuration;

  private TemplateEngine(TemplateLoader loader) {
    configuration = configure(loader);
  }

  /**
   * HTML pages from the class path folder {@code folder} (the documentation site's, not the
   * project's), with the same strict configuration as the project's templates but HTML
   * auto-escaping: every value a template prints is escaped unless it says {@code ?no_esc}.
   */
  public static TemplateEngine htmlFromClasspath(String folder) {
    TemplateEngine engine =
        new TemplateEngine(new ClassTemplateLoader(TemplateEngine.class.getClassLoader(), folder));
    engine.configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
    engine.configuration.setAutoEscapingPolicy(
        Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
    return engine;
  }

  /** Templates from the class path folder {@code templates/} (packaged into the jar). */
  public static TemplateEngine fromClasspath() {
    return new TemplateEngine(classpathLoader());
  }

  /**
   * Templates from {@code overrideFolder} where it has them, else from the class path, so a project
   * can replace single templates.
   */
  public static TemplateEngine withOverrides(Path overrideFolder) throws IOException {
    return new TemplateEngine(
        new MultiTemplateLoader(
            new TemplateLoader[] {
              new FileTemplateLoader(overrideFolder.toFile()), classpathLoader()
            }));
  }

  /**
   * Renders {@code templateName} (a path below {@code templates/}, e.g. {@code "pom.xml.ftl"}) with
   * {@code dataModel} (a record, a map, ...) as its root.
   */
  public String render(String templateName, Object dataModel) throws TemplateFailure {
    return render(templateName, () -> configuration.getTemplate(templateName), dataModel);
  }

  /**
   * Renders a template given as text (an extra template's {@code output} path), named {@code name}
   * in errors.
   */
  public String renderText(String name, String source, Object dataModel) throws TemplateFailure {
    return render(
        name, () -> new Template(name, new StringReader(source), configuration), dataModel);
  }

  private interface TemplateSource {
    Template get() throws IOException;
  }

  private String render(String templateName, TemplateSource source, Object dataModel)
      throws TemplateFailure {
    try {
      Template template = source.get();
      StringWriter out = new StringWriter();
      template.process(stableRoot(dataModel), out);
      return out.toString();
    } catch (TemplateNotFoundException e) {
      throw new TemplateFailure(
          new TemplateError(templateName, 0, 0, "no such template: " + templateName), e);
    } catch (ParseException e) {
      throw new TemplateFailure(
          new TemplateError(
              nameOr(e.getTemplateName(), templateName),
              e.getLineNumber(),
              e.getColumnNumber(),
              e.getEditorMessage()),
          e);
    } catch (TemplateException e) {
      Integer line = e.getLineNumber();
      Integer column = e.getColumnNumber();
      throw new TemplateFailure(
          new TemplateError(
              nameOr(e.getTemplateSourceName(), templateName),
              line == null ? 0 : line,
              column == null ? 0 : column,
              concise(e)),
          e);
    } catch (IOException e) {
      throw new TemplateFailure(new TemplateError(templateName, 0, 0, e.toString()), e);
    }
  }

  /**
   * FreeMarker's message without its "Tip:" paragraphs; for an exception thrown by Java code, the
   * message names that exception too.
   */
  private static String concise(TemplateException e) {
    String message = e.getMessageWithoutStackTop();
    int tips = message.indexOf("\n----");
    message = (tips >= 0 ? message.substring(0, tips) : message).strip();
    // A syntax error lists every token FreeMarker would have taken: noise to the reader.
    int expecting = message.indexOf("\nWas expecting");
    message = (expecting >= 0 ? message.substring(0, expecting) : message).strip();
    Throwable cause = e.getCause();
    if (cause != null
        && !(cause instanceof TemplateException)
        && !message.contains(String.valueOf(cause.getMessage()))) {
      message = message + "\nCaused by: " + cause;
    }
    return message;
  }

  /** A root map is only looked up, never listed: any map will do, in a stable order. */
  private static Object stableRoot(Object dataModel) {
    if (dataModel instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new TreeMap<>();
      map.forEach((key, value) -> sorted.put(String.valueOf(key), value));
      return sorted;
    }
    return dataModel;
  }

  private static String nameOr(String name, String fallback) {
    return name != null ? name : fallback;
  }

  private static TemplateLoader classpathLoader() {
    return new ClassTemplateLoader(TemplateEngine.class.getClassLoader(), "templates");
  }

  private static Configuration configure(TemplateLoader loader) {
    Configuration c = new Configuration(FREEMARKER_BEHAVIOUR);
    c.setTemplateLoader(loader);
    c.setDefaultEncoding("UTF-8");
    c.setOutputEncoding("UTF-8");
    // Strict: errors stop rendering, reach the caller once, and are not logged by FreeMarker.
    c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    c.setLogTemplateExceptions(false);
    c.setAttemptExceptionReporter((exception, environment) -> {});
    c.setWrapUncheckedExceptions(true);
    c.setFallbackOnNullLoopVariable(false);
    // Deterministic: no locale-, zone- or file-name-dependent behaviour.
    c.setLocale(Locale.ROOT);
    c.setTimeZone(TimeZone.getTimeZone("UTC"));
    c.setNumberFormat("computer");
    c.setBooleanFormat("c");
    c.setLocalizedLookup(false);
    // Templates do not change during a run: parse each once, never check its source again.
    c.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    c.setRecognizeStandardFileExtensions(false);
    c.setOutputFormat(PlainTextOutputFormat.INSTANCE);
    c.setAutoEscapingPolicy(Configuration.DISABLE_AUTO_ESCAPING_POLICY);
    // No way from a template into arbitrary Java: no ?new, no ?api, no public fields.
    c.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    c.setAPIBuiltinEnabled(false);
    // With incompatible improvements >= 2.3.33, record components read as `book.title`.
    c.setObjectWrapper(new StableOrderObjectWrapper(FREEMARKER_BEHAVIOUR));
    try {
      for (Map.Entry<String, ?> function : EscapeFunctions.all().entrySet()) {
        c.setSharedVariable(function.getKey(), function.getValue());
      }
    } catch (TemplateModelException e) {
      throw new IllegalStateException(e);
    }
    return c;
  }
}
