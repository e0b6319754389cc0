package dev.tracepaper.render;

import dev.tracepaper.text.Escapes;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateNumberModel;
import freemarker.template.TemplateScalarModel;
import freemarker.template.TemplateSequenceModel;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@link Escapes} as FreeMarker functions, shared by every template: {@code
 * ${javaString(description)}}, {@code ${javadoc(description)}} or {@code ${javadoc(description, " *
 * ")}}, {@code ${graphqlString(x)}}, {@code ${yamlString(x)}}, {@code ${jsonString(x)}}, {@code
 * ${jsString(x)}}, {@code ${lineComment(x)}}. Each takes exactly one string (javadoc: an optional
 * line prefix too); a number, a missing value or anything else is a template error.
 */
final class EscapeFunctions {

  /** The line prefix {@code javadoc(text)} uses: a comment at column 0 or inside a class. */
  static final String DEFAULT_JAVADOC_PREFIX = " * ";

  private EscapeFunctions() {}

  static Map<String, TemplateMethodModelEx> all() {
    return Map.of(
        "javaString", unary("javaString", Escapes::javaString),
        "graphqlString", unary("graphqlString", Escapes::graphqlString),
        "yamlString", unary("yamlString", Escapes::yamlString),
        "jsonString", unary("jsonString", Escapes::jsonString),
        "jsString", unary("jsString", Escapes::jsString),
        "lineComment", unary("lineComment", Escapes::lineComment),
        "javadoc", EscapeFunctions::javadoc);
  }

  private static TemplateMethodModelEx unary(String name, Function<String, String> escape) {
    return arguments -> {
      if (arguments.size() != 1) {
        throw new TemplateModelException(
            name + " takes exactly one argument, got " + arguments.size());
      }
      String text = string(name, arguments.get(0));
      return new SimpleScalar(escaped(name, () -> escape.apply(text)));
    };
  }

  private static Object javadoc(List<?> arguments) throws TemplateModelException {
    if (arguments.isEmpty() || arguments.size() > 2) {
      throw new TemplateModelException(
          "javadoc takes the text and an optional line prefix, got "
              + arguments.size()
              + " arguments");
    }
    String prefix =
        arguments.size() == 2 ? string("javadoc", arguments.get(1)) : DEFAULT_JAVADOC_PREFIX;
    String text = string("javadoc", arguments.get(0));
    return new SimpleScalar(escaped("javadoc", () -> Escapes.javadoc(text, prefix)));
  }

  /** Text that cannot be escaped (an unpaired surrogate) is a template error at its place. */
  private static String escaped(String function, Supplier<String> escape)
      throws TemplateModelException {
    try {
      return escape.get();
    } catch (IllegalArgumentException e) {
      throw new TemplateModelException(function + ": " + e.getMessage(), e);
    }
  }

  private static String string(String function, Object argument) throws TemplateModelException {
    if (argument instanceof TemplateScalarModel scalar) {
      String text = scalar.getAsString();
      if (text != null) {
        return text;
      }
    }
    throw new TemplateModelException(function + " needs a string, got " + kind(argument));
  }

  private static String kind(Object argument) {
    if (argument == null || argument instanceof TemplateScalarModel) {
      return "nothing";
    } else if (argument instanceof TemplateNumberModel) {
      return "a number";
    } else if (argument instanceof TemplateBooleanModel) {
      return "a boolean";
    } else if (argument instanceof TemplateSequenceModel) {
      return "a list";
    }
    return "a " + argument.getClass().getSimpleName();
  }
}
